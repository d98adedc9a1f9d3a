package io.codezero.local;

import com.pulumi.core.Output;
import io.codezero.core.target.ClusterHandles;

/**
 * The existing-cluster target's handles: the adopted cluster as its kubeconfig names it. The target creates no cloud
 * resources, so these are the two every target answers; both are read from the kubeconfig's chosen context, at program
 * time for a kubeconfig file or content, at deploy time for a kubeconfig that another resource's output gives.
 *
 * @param clusterName the name of the cluster entry the context refers to (as {@code kubectl config get-clusters} lists it)
 * @param endpoint    that cluster's API server URL ({@code clusters[].cluster.server})
 */
public record ExistingClusterHandles(Output<String> clusterName, Output<String> endpoint) implements ClusterHandles {
}
