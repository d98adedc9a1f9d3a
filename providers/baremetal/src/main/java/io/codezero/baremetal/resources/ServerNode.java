package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.PluginVersion;
import io.codezero.baremetal.ResourceTokens;
import javax.annotation.Nullable;

/**
 * A machine running the k3s control plane with embedded etcd, managed by the codezero provider
 * plugin over SSH. Removing it from the program drains it, uninstalls k3s and removes the node.
 */
@ResourceType(type = ResourceTokens.SERVER_NODE)
public final class ServerNode extends CustomResource {
    @Export(name = "resolvedNodeName", refs = {String.class}, tree = "[0]") private Output<String> resolvedNodeName;
    @Export(name = "installedVersion", refs = {String.class}, tree = "[0]") private Output<String> installedVersion;
    @Export(name = "running", refs = {Boolean.class}, tree = "[0]") private Output<Boolean> running;
    @Export(name = "observedHostKey", refs = {String.class}, tree = "[0]") private Output<String> observedHostKey;
    @Export(name = "os", refs = {String.class}, tree = "[0]") private Output<String> os;
    @Export(name = "arch", refs = {String.class}, tree = "[0]") private Output<String> arch;
    /** Admin kubeconfig pointing at this server's address (or kubeconfigServer). Secret. */
    @Export(name = "kubeconfig", refs = {String.class}, tree = "[0]") private Output<String> kubeconfig;
    /** The cluster token other nodes join with. Secret. */
    @Export(name = "clusterToken", refs = {String.class}, tree = "[0]") private Output<String> clusterToken;

    public ServerNode(String name, ServerNodeArgs args, @Nullable CustomResourceOptions options) {
        super(ResourceTokens.SERVER_NODE, name, args, withDefaults(options));
    }

    static CustomResourceOptions withDefaults(@Nullable CustomResourceOptions options) {
        CustomResourceOptions defaults = CustomResourceOptions.builder()
                .version(PluginVersion.VALUE)
                .additionalSecretOutputs("kubeconfig", "clusterToken")
                .build();
        return CustomResourceOptions.merge(defaults, options);
    }

    public Output<String> resolvedNodeName() { return resolvedNodeName; }
    public Output<String> installedVersion() { return installedVersion; }
    public Output<Boolean> running() { return running; }
    public Output<String> observedHostKey() { return observedHostKey; }
    public Output<String> os() { return os; }
    public Output<String> arch() { return arch; }
    public Output<String> kubeconfig() { return kubeconfig; }
    public Output<String> clusterToken() { return clusterToken; }
}
