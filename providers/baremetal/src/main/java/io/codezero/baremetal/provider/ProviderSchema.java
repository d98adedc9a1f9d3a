package io.codezero.baremetal.provider;

import io.codezero.baremetal.PluginVersion;
import io.codezero.baremetal.ResourceTokens;

/**
 * A minimal package schema: enough for {@code pulumi package get-schema} and tools that list
 * resources. The typed Java classes in {@code io.codezero.baremetal.resources} are hand-written.
 */
final class ProviderSchema {
    private ProviderSchema() {
    }

    static String json() {
        String connection = "{\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"pulumi.json#/Any\"}}";
        String common = "\"connection\":" + connection + ",\"k3sVersion\":{\"type\":\"string\"},\"nodeName\":{\"type\":\"string\"},"
                + "\"serverUrl\":{\"type\":\"string\"},\"token\":{\"type\":\"string\",\"secret\":true},\"controlPlane\":" + connection + ","
                + "\"extraArgs\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"airgap\":" + connection + ","
                + "\"installScriptUrl\":{\"type\":\"string\"},\"checks\":" + connection + ","
                + "\"readyTimeoutSeconds\":{\"type\":\"integer\"},\"drainTimeoutSeconds\":{\"type\":\"integer\"}";
        String outputs = "\"resolvedNodeName\":{\"type\":\"string\"},\"installedVersion\":{\"type\":\"string\"},\"running\":{\"type\":\"boolean\"},"
                + "\"observedHostKey\":{\"type\":\"string\"},\"os\":{\"type\":\"string\"},\"arch\":{\"type\":\"string\"}";
        String server = "{\"description\":\"A machine running the k3s control plane with embedded etcd, managed over SSH.\","
                + "\"inputProperties\":{" + common + ",\"clusterInit\":{\"type\":\"boolean\"},\"tlsSans\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                + "\"kubeconfigServer\":{\"type\":\"string\"}},\"requiredInputs\":[\"connection\",\"k3sVersion\"],"
                + "\"properties\":{" + outputs + ",\"kubeconfig\":{\"type\":\"string\",\"secret\":true},\"clusterToken\":{\"type\":\"string\",\"secret\":true}}}";
        String agent = "{\"description\":\"A machine running k3s as an agent (workloads only), managed over SSH.\","
                + "\"inputProperties\":{" + common + ",\"maxUnavailable\":{\"type\":\"integer\"}},\"requiredInputs\":[\"connection\",\"k3sVersion\",\"serverUrl\",\"token\",\"controlPlane\"],"
                + "\"properties\":{" + outputs + "}}";
        String joinToken = "{\"description\":\"A cluster's join token, chosen before the first server installs: random for a new cluster,"
                + " the cluster's own for one CodeZero already runs; never changed once created.\","
                + "\"inputProperties\":{\"firstServer\":" + connection + "},\"requiredInputs\":[\"firstServer\"],"
                + "\"properties\":{\"value\":{\"type\":\"string\",\"secret\":true},\"adopted\":{\"type\":\"boolean\"}}}";
        return "{\"name\":\"" + ResourceTokens.PACKAGE + "\",\"version\":\"" + PluginVersion.VALUE + "\","
                + "\"description\":\"CodeZero: Kubernetes (k3s) on machines you own, over SSH.\","
                + "\"resources\":{\"" + ResourceTokens.SERVER_NODE + "\":" + server + ",\"" + ResourceTokens.AGENT_NODE + "\":" + agent
                + ",\"" + ResourceTokens.JOIN_TOKEN + "\":" + joinToken + "}}";
    }
}
