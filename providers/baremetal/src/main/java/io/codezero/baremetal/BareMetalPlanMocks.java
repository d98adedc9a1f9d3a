package io.codezero.baremetal;

import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Teaches the offline plan what the codezero provider would answer: node names, the installed
 * version, for servers a kubeconfig pointing at the machine and a cluster token, and the join token.
 */
public final class BareMetalPlanMocks implements PlanMocksContributor {
    @Override
    public void contribute(PlanMocks mocks) {
        mocks.outputs(ResourceTokens.SERVER_NODE, args -> {
            Map<String, Object> out = common(args.inputs);
            String server = String.valueOf(args.inputs.getOrDefault("kubeconfigServer", host(args.inputs)));
            out.put("kubeconfig", kubeconfig(server));
            out.put("clusterToken", "K10planned0000000000000000000000::server:planned");
            return out;
        });
        mocks.outputs(ResourceTokens.AGENT_NODE, args -> common(args.inputs));
        mocks.outputs(ResourceTokens.JOIN_TOKEN, args -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("value", "planned-join-token");
            out.put("adopted", false);
            return out;
        });
    }

    private static Map<String, Object> common(Map<String, Object> inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object name = inputs.get("nodeName");
        out.put("resolvedNodeName", name != null ? name : host(inputs).replace('.', '-'));
        out.put("installedVersion", inputs.get("k3sVersion"));
        out.put("running", true);
        out.put("os", "debian 12");
        out.put("arch", "x86_64");
        return out;
    }

    private static String host(Map<String, Object> inputs) {
        return inputs.get("connection") instanceof Map<?, ?> c && c.get("host") != null ? String.valueOf(c.get("host")) : "127.0.0.1";
    }

    static String kubeconfig(String server) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://" + server + ":6443\n    certificate-authority-data: cGxhbm5lZA==\n"
                + "  name: default\ncontexts:\n- context:\n    cluster: default\n    user: default\n  name: default\ncurrent-context: default\n"
                + "users:\n- name: default\n  user:\n    client-certificate-data: cGxhbm5lZA==\n    client-key-data: cGxhbm5lZA==\n";
    }
}
