package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.ResourceTokens;
import javax.annotation.Nullable;

/** A machine running k3s as an agent (workloads only), managed by the codezero provider plugin over SSH. */
@ResourceType(type = ResourceTokens.AGENT_NODE)
public final class AgentNode extends CustomResource {
    @Export(name = "resolvedNodeName", refs = {String.class}, tree = "[0]") private Output<String> resolvedNodeName;
    @Export(name = "installedVersion", refs = {String.class}, tree = "[0]") private Output<String> installedVersion;
    @Export(name = "running", refs = {Boolean.class}, tree = "[0]") private Output<Boolean> running;
    @Export(name = "observedHostKey", refs = {String.class}, tree = "[0]") private Output<String> observedHostKey;
    @Export(name = "os", refs = {String.class}, tree = "[0]") private Output<String> os;
    @Export(name = "arch", refs = {String.class}, tree = "[0]") private Output<String> arch;

    public AgentNode(String name, AgentNodeArgs args, @Nullable CustomResourceOptions options) {
        super(ResourceTokens.AGENT_NODE, name, args,
                CustomResourceOptions.merge(CustomResourceOptions.builder().version(io.codezero.baremetal.PluginVersion.VALUE).build(), options));
    }

    public Output<String> resolvedNodeName() { return resolvedNodeName; }
    public Output<String> installedVersion() { return installedVersion; }
    public Output<Boolean> running() { return running; }
    public Output<String> observedHostKey() { return observedHostKey; }
    public Output<String> os() { return os; }
    public Output<String> arch() { return arch; }
}
