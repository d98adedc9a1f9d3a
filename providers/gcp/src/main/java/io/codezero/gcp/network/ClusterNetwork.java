package io.codezero.gcp.network;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The network a cluster's nodes live in, created or adopted: the VPC and node subnet (self links
 * or names, as GKE accepts both), the secondary range names for pods and services, and the
 * resources that must outlive every node (subnet, router, NAT) so workloads depending on the node
 * pools are destroyed before them.
 */
public record ClusterNetwork(Output<String> network, Output<String> subnetwork, String podRangeName, String serviceRangeName,
                             List<Resource> resources, boolean created) {
    public ClusterNetwork {
        resources = List.copyOf(resources);
    }
}
