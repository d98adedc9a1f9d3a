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

    public Output<String> resolvedNodeName() { return resolvedNodeName; }
    public Output<String> installedVersion() { return installedVersion; }
    public Output<Boolean> running() { return running; }
    public Output<String> observedHostKey() { return observedHostKey; }
    public Output<String> os() { return os; }
    public Output<String> arch() { return arch; }
}
