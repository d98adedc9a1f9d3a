package io.codezero.baremetal.resources;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.ResourceTokens;
import javax.annotation.Nullable;

/** A machine running k3s as an agent (workloads only), managed by the codezero provider plugin over SSH. */
@ResourceType(type = ResourceTokens.AGENT_NODE)
public final class AgentNode extends NodeResource {
    public AgentNode(String name, AgentNodeArgs args, @Nullable CustomResourceOptions options) {
        super(ResourceTokens.AGENT_NODE, name, args, options);
    }
}
