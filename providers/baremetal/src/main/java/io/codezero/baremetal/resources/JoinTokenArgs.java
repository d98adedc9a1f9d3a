package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * Inputs of a {@link JoinToken}: the SSH connection of the cluster's first server, read once when
 * the token is created so that a cluster CodeZero already runs keeps the token it has.
 */
public final class JoinTokenArgs extends ResourceArgs {
    @Import(name = "firstServer", required = true) Output<ConnectionArgs> firstServer;

    private JoinTokenArgs() {
    }

    /**
     * A new builder.
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The first server's connection.
     * @return the connection, as an output
     */
    public Output<ConnectionArgs> firstServer() { return firstServer; }

    /** Builds {@link JoinTokenArgs}. */
    public static final class Builder {
        private final JoinTokenArgs a = new JoinTokenArgs();

        private Builder() {
        }

        /**
         * The SSH connection of the server with {@code clusterInit: true}.
         * @param v the first server's connection
         * @return this builder
         */
        public Builder firstServer(ConnectionArgs v) {
            a.firstServer = Output.of(v);
            return this;
        }

        /**
         * The args.
         * @return the args
         */
        public JoinTokenArgs build() {
            return a;
        }
    }
}
