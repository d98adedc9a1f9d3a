package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.PluginVersion;
import javax.annotation.Nullable;

/**
 * What {@link ServerNode} and {@link AgentNode} have in common: one machine managed by the codezero
 * provider plugin over SSH, and the outputs the provider reports for every machine.
 */
public abstract class NodeResource extends CustomResource {
    @Export(name = "resolvedNodeName", refs = {String.class}, tree = "[0]") private Output<String> resolvedNodeName;
    @Export(name = "installedVersion", refs = {String.class}, tree = "[0]") private Output<String> installedVersion;
    @Export(name = "running", refs = {Boolean.class}, tree = "[0]") private Output<Boolean> running;
    @Export(name = "observedHostKey", refs = {String.class}, tree = "[0]") private Output<String> observedHostKey;
    @Export(name = "os", refs = {String.class}, tree = "[0]") private Output<String> os;
    @Export(name = "arch", refs = {String.class}, tree = "[0]") private Output<String> arch;

    /** @param secretOutputs outputs of this type the engine must always treat as secret */
    NodeResource(String type, String name, NodeArgs args, @Nullable CustomResourceOptions options, String... secretOutputs) {
        super(type, name, args, CustomResourceOptions.merge(defaults(secretOutputs), options));
    }

    private static CustomResourceOptions defaults(String... secretOutputs) {
        CustomResourceOptions.Builder defaults = CustomResourceOptions.builder().version(PluginVersion.VALUE);
        if (secretOutputs.length > 0) {
            defaults.additionalSecretOutputs(secretOutputs);
        }
        return defaults.build();
    }

    /** {@return the node's Kubernetes name: the one given, or the machine's hostname} */
    public Output<String> resolvedNodeName() { return resolvedNodeName; }
    /** {@return the k3s version running on the machine, e.g. {@code v1.34.1+k3s1}} */
    public Output<String> installedVersion() { return installedVersion; }
    /** {@return whether k3s was running when the machine was last read} */
    public Output<Boolean> running() { return running; }
    /** {@return the host key the machine presented on the last connection, pinned or first seen} */
    public Output<String> observedHostKey() { return observedHostKey; }
    /** {@return the machine's operating system: {@code ID} and {@code VERSION_ID} of {@code /etc/os-release}, e.g. {@code ubuntu 24.04}} */
    public Output<String> os() { return os; }
    /** {@return the machine's CPU architecture as {@code uname -m} prints it, e.g. {@code x86_64} or {@code aarch64}} */
    public Output<String> arch() { return arch; }
}
