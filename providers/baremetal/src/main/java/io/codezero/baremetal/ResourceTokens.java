package io.codezero.baremetal;

/** Type tokens of the codezero package's bare-metal resources. */
public final class ResourceTokens {
    private ResourceTokens() {
    }

    /** The Pulumi package the resources belong to, served by the {@code pulumi-resource-codezero} plugin. */
    public static final String PACKAGE = "codezero";
    /** A machine running the k3s control plane (and embedded etcd). */
    public static final String SERVER_NODE = "codezero:baremetal:ServerNode";
    /** A machine running workloads only. */
    public static final String AGENT_NODE = "codezero:baremetal:AgentNode";
    /**
     * A cluster's join token, chosen before the first server installs so every other machine can
     * prepare beside it (a new cluster gets a random one; a cluster CodeZero already runs keeps its own).
     */
    public static final String JOIN_TOKEN = "codezero:baremetal:JoinToken";
    /** The component grouping a cluster's nodes. */
    public static final String CLUSTER = "codezero:baremetal:Cluster";
}
