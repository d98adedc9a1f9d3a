package io.codezero.gcp.network;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Network;
import com.pulumi.gcp.compute.NetworkArgs;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.RouterNat;
import com.pulumi.gcp.compute.RouterNatArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.gcp.compute.inputs.RouterNatLogConfigArgs;
import com.pulumi.gcp.compute.inputs.RouterNatSubnetworkArgs;
import com.pulumi.gcp.compute.inputs.SubnetworkSecondaryIpRangeArgs;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.gcp.GcpScope;
import io.codezero.gcp.GcpTargetArgs;
import java.util.List;

/**
 * A VPC-native network for one cluster: a custom-mode VPC (no automatic subnets in every region),
 * one node subnet in the cluster's region with Private Google Access and two secondary ranges
 * (pods, services) from the spec, and Cloud Router + Cloud NAT so private nodes reach the internet
 * (image pulls) without public addresses. Or an adopted network, of which nothing is created.
 */
public final class VpcBuilder {
    private VpcBuilder() {
    }

    public static ClusterNetwork create(GcpScope scope, NetworkSpec spec, GcpTargetArgs args) {
        var vpc = new Network(scope.name("vpc"), NetworkArgs.builder()
                .name(scope.clusterName() + "-vpc")
                .autoCreateSubnetworks(false)
                .routingMode("REGIONAL")
                .description("Network of GKE cluster " + scope.clusterName() + " (managed by CodeZero)")
                .build(), scope.opts());
        var subnet = new Subnetwork(scope.name("nodes"), SubnetworkArgs.builder()
                .name(scope.clusterName() + "-nodes")
                .region(scope.region())
                .network(vpc.id())
                .ipCidrRange(spec.vpcCidr())
                // nodes without public addresses still reach Google APIs (Artifact Registry, logging)
                .privateIpGoogleAccess(true)
                .secondaryIpRanges(
                        SubnetworkSecondaryIpRangeArgs.builder().rangeName(args.podRangeName()).ipCidrRange(spec.podCidr()).build(),
                        SubnetworkSecondaryIpRangeArgs.builder().rangeName(args.serviceRangeName()).ipCidrRange(spec.serviceCidr()).build())
                .description("Nodes (primary), pods and services (secondary) of GKE cluster " + scope.clusterName())
                .build(), scope.opts());
        var router = new Router(scope.name("router"), RouterArgs.builder()
                .name(scope.clusterName() + "-router")
                .region(scope.region())
                .network(vpc.id())
                .build(), scope.opts());
        var nat = new RouterNat(scope.name("nat"), RouterNatArgs.builder()
                .name(scope.clusterName() + "-nat")
                .region(scope.region())
                .router(router.name())
                .natIpAllocateOption("AUTO_ONLY")
                // only this cluster's subnet, all its ranges (pods egress with their own addresses when SNAT is off)
                .sourceSubnetworkIpRangesToNat("LIST_OF_SUBNETWORKS")
                .subnetworks(RouterNatSubnetworkArgs.builder().name(subnet.id()).sourceIpRangesToNats("ALL_IP_RANGES").build())
                .logConfig(RouterNatLogConfigArgs.builder().enable(true).filter("ERRORS_ONLY").build())
                .build(), scope.opts());
        return new ClusterNetwork(vpc.id(), subnet.id(), args.podRangeName(), args.serviceRangeName(), List.of(vpc, subnet, router, nat), true);
    }

    /** An existing network and subnet; their secondary ranges must be named as in {@code gcp.network}. */
    public static ClusterNetwork adopt(GcpTargetArgs args) {
        return new ClusterNetwork(Output.of(args.existingNetwork().orElseThrow()), Output.of(args.existingSubnetwork().orElseThrow()),
                args.podRangeName(), args.serviceRangeName(), List.of(), false);
    }
}
