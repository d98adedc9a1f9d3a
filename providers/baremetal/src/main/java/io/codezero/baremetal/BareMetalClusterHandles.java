package io.codezero.baremetal;

import com.pulumi.core.Output;
import io.codezero.baremetal.resources.AgentNode;
import io.codezero.baremetal.resources.ServerNode;
import io.codezero.core.target.ClusterHandles;
import java.util.List;
import java.util.Objects;

/**
 * What a bare-metal cluster hands back for wiring your own resources to it: the node resources the
 * target registered (the first server first), their Kubernetes node names, the API endpoint and the
 * cluster's join token. Read it with {@code stack.handles(BareMetalClusterHandles.class)}.
 *
 * @param clusterName the cluster spec's name
 * @param endpoint    the Kubernetes API URL, {@code https://<apiAddress or first server>:6443}
 * @param servers     the {@code ServerNode} resources, in the order listed (the first one initialized the cluster)
 * @param agents      the {@code AgentNode} resources, in the order listed
 * @param nodeNames   every node's Kubernetes name (the one given, or the machine's hostname), servers first
 * @param joinToken   the cluster token a machine joins with; always a Pulumi secret
 */
public record BareMetalClusterHandles(
        Output<String> clusterName,
        Output<String> endpoint,
        List<ServerNode> servers,
        List<AgentNode> agents,
        Output<List<String>> nodeNames,
        Output<String> joinToken) implements ClusterHandles {

    /**
     * Copies the lists and marks the join token secret whatever the caller passed.
     * @param clusterName the cluster spec's name
     * @param endpoint the Kubernetes API URL
     * @param servers the server nodes, first one first
     * @param agents the agent nodes
     * @param nodeNames every node's Kubernetes name
     * @param joinToken the cluster's join token
     */
    public BareMetalClusterHandles {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(endpoint, "endpoint");
        servers = List.copyOf(servers);
        agents = List.copyOf(agents);
        Objects.requireNonNull(nodeNames, "nodeNames");
        joinToken = Objects.requireNonNull(joinToken, "joinToken").asSecret();
    }

    /**
     * The server that initialized the cluster (with embedded etcd).
     * @return the first {@code ServerNode}; a validated target always has one
     */
    public ServerNode firstServer() {
        return servers.get(0);
    }
}
