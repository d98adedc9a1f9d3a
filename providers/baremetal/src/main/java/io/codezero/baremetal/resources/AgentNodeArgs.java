package io.codezero.baremetal.resources;

/** Inputs of an {@link AgentNode}: serverUrl, token and controlPlane are required. */
public final class AgentNodeArgs extends NodeArgs {
    private AgentNodeArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends NodeArgs.Builder<AgentNodeArgs, Builder> {
        Builder() {
            super(new AgentNodeArgs());
        }
    }
}
