package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.ResourceTokens;
import javax.annotation.Nullable;

/**
 * A machine running the k3s control plane with embedded etcd, managed by the codezero provider
 * plugin over SSH. Removing it from the program drains it, uninstalls k3s and removes the node.
 */
@ResourceType(type = ResourceTokens.SERVER_NODE)
public final class ServerNode extends NodeResource {
    /** Admin kubeconfig pointing at this server's address (or kubeconfigServer). Secret. */
    @Export(name = "kubeconfig", refs = {String.class}, tree = "[0]") private Output<String> kubeconfig;
    /** The cluster token other nodes join with. Secret. */
    @Export(name = "clusterToken", refs = {String.class}, tree = "[0]") private Output<String> clusterToken;

    /**
     * Registers the server; the provider installs k3s with the control plane and embedded etcd.
     * @param name the Pulumi resource name
     * @param args the machine's connection and k3s settings
     * @param options resource options, merged over the plugin version; may be {@code null}
     */
    public ServerNode(String name, ServerNodeArgs args, @Nullable CustomResourceOptions options) {
        super(ResourceTokens.SERVER_NODE, name, args, options, "kubeconfig", "clusterToken");
    }

    /** {@return the admin kubeconfig for this server (a secret)} */
    public Output<String> kubeconfig() { return kubeconfig; }
    /** {@return the cluster token other nodes join with (a secret)} */
    public Output<String> clusterToken() { return clusterToken; }
}
