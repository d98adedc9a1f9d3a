package io.codezero.baremetal.resources;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.ResourceTokens;
import javax.annotation.Nullable;

/** A machine running k3s as an agent (workloads only), managed by the codezero provider plugin over SSH. */
@ResourceType(type = ResourceTokens.AGENT_NODE)
public final class AgentNode extends NodeResource {
    /**
     * Registers the agent; the provider installs k3s on the machine and joins it to the cluster.
     * @param name the Pulumi resource name
     * @param args the machine's connection and k3s settings
     * @param options resource options, merged over the plugin version; may be {@code null}
     */
    public AgentNode(String name, AgentNodeArgs args, @Nullable CustomResourceOptions options) {
        super(ResourceTokens.AGENT_NODE, name, args, options);
    }
}
