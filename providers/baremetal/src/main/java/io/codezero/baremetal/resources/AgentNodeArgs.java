package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import javax.annotation.Nullable;

/** Inputs of an {@link AgentNode}: serverUrl, token and controlPlane are required. */
public final class AgentNodeArgs extends NodeArgs {
    @Import(name = "maxUnavailable") @Nullable Output<Integer> maxUnavailable;

    private AgentNodeArgs() {
    }

    /** {@return a new builder; connection, k3sVersion, serverUrl, token and controlPlane must be set} */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the agent's inputs; the shared setters are on {@link NodeArgs.Builder}. */
    public static final class Builder extends NodeArgs.Builder<AgentNodeArgs, Builder> {
        Builder() {
            super(new AgentNodeArgs());
        }

        /**
         * How many agents of the cluster may be drained and restarted at once during an upgrade (default 1).
         * @param v 1 or more, or {@code null} for the default
         * @return this builder
         */
        public Builder maxUnavailable(Integer v) {
            a.maxUnavailable = v == null ? null : Output.of(v);
            return this;
        }
    }
}
