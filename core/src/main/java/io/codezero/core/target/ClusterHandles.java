package io.codezero.core.target;

import com.pulumi.core.Output;

/**
 * The handles a program wires its own resources to, beyond the kubeconfig: what pulumi-eks calls
 * {@code eksCluster}, {@code oidcProvider} and {@code instanceRoles}. Each target hands back its own
 * record implementing this interface with the cloud's typed resources (its cluster resource, workload
 * identity, node identities, network IDs); the members here are the ones every target can answer.
 *
 * <p>Read them from a stack with {@code stack.handles(EksClusterHandles.class)}, or from a
 * {@link ProvisionedCluster} with {@link ProvisionedCluster#handles(Class)}.
 */
public interface ClusterHandles {

    /**
     * The cluster's name as the cloud (or the kubeconfig) knows it.
     *
     * @return the cluster's name
     */
    Output<String> clusterName();

    /**
     * The Kubernetes API server's URL, e.g. {@code https://ABCD.gr7.eu-west-1.eks.amazonaws.com}.
     *
     * @return the API server's URL
     */
    Output<String> endpoint();
}
