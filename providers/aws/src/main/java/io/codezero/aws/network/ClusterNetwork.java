package io.codezero.aws.network;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The network a cluster runs in, created or adopted.
 *
 * @param vpcId            the VPC
 * @param privateSubnetIds subnets for nodes and internal load balancers
 * @param publicSubnetIds  subnets for NAT gateways and internet-facing load balancers; may be empty
 *                         for an adopted VPC without public subnets
 * @param egress           everything that must outlive the nodes: subnets, route tables and their
 *                         associations, NAT gateways, the internet gateway. Node groups depend on
 *                         all of it, so a destroy removes nodes (and the load balancers the
 *                         cluster made) before the network under them.
 */
public record ClusterNetwork(
        Output<String> vpcId,
        List<Output<String>> privateSubnetIds,
        List<Output<String>> publicSubnetIds,
        List<Resource> egress) {

    public ClusterNetwork {
        privateSubnetIds = List.copyOf(privateSubnetIds);
        publicSubnetIds = List.copyOf(publicSubnetIds);
        egress = List.copyOf(egress);
    }

    public Output<List<String>> privateSubnetIdList() {
        return Output.all(privateSubnetIds);
    }

    public boolean hasPublicSubnets() {
        return !publicSubnetIds.isEmpty();
    }
}
