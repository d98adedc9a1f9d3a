package io.codezero.azure.network;

import com.pulumi.azurenative.network.NatGateway;
import com.pulumi.azurenative.network.NatGatewayArgs;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.azurenative.network.PublicIPAddressArgs;
import com.pulumi.azurenative.network.Subnet;
import com.pulumi.azurenative.network.SubnetArgs;
import com.pulumi.azurenative.network.VirtualNetwork;
import com.pulumi.azurenative.network.VirtualNetworkArgs;
import com.pulumi.azurenative.network.inputs.AddressSpaceArgs;
import com.pulumi.azurenative.network.inputs.NatGatewaySkuArgs;
import com.pulumi.azurenative.network.inputs.PublicIPAddressSkuArgs;
import com.pulumi.azurenative.network.inputs.SubResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.azure.AzureScope;
import io.codezero.core.validation.Cidr;
import java.util.List;

/**
 * The node network of an AKS cluster: a VNet from {@code network.vpcCidr} whose first half is the
 * node subnet, with egress through a NAT gateway (nodes have no public addresses and need no
 * load balancer for egress); or an adopted subnet, of which nothing is created or changed.
 *
 * @param subnetId   the node subnet's resource id
 * @param outboundType the AKS outbound type matching how this network reaches the internet
 * @param pieces     everything created here, in creation order: the cluster depends on all of it,
 *                   so workloads (and the load balancers they own) are destroyed before any of it
 */
public record AksNetwork(Output<String> subnetId, String outboundType, List<Resource> pieces) {

    public static AksNetwork adopt(String subnetId, String outboundType) {
        return new AksNetwork(Output.of(subnetId), outboundType, List.of());
    }

    /** The node subnet inside a VNet: the first half, leaving the rest for internal load balancers and private endpoints. */
    public static String nodeSubnetCidr(String vnetCidr) {
        Cidr vnet = Cidr.parse(vnetCidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + vnetCidr));
        return vnet.subnet(vnet.prefixLength() + 1, 0).toString();
    }

    public static AksNetwork create(AzureScope scope, Output<String> resourceGroupName, String vnetCidr, List<Resource> after) {
        String cluster = scope.clusterName();
        var natIp = new PublicIPAddress(scope.name("nat-ip"), PublicIPAddressArgs.builder()
                .resourceGroupName(resourceGroupName)
                .publicIpAddressName(cluster + "-nat-ip")
                .location(scope.location())
                .sku(PublicIPAddressSkuArgs.builder().name("Standard").tier("Regional").build())
                .publicIPAllocationMethod("Static")
                .publicIPAddressVersion("IPv4")
                .tags(scope.tags())
                .build(), scope.opts(after));
        var nat = new NatGateway(scope.name("nat"), NatGatewayArgs.builder()
                .resourceGroupName(resourceGroupName)
                .natGatewayName(cluster + "-nat")
                .location(scope.location())
                .sku(NatGatewaySkuArgs.builder().name("Standard").build())
                .idleTimeoutInMinutes(4)
                .publicIpAddresses(SubResourceArgs.builder().id(natIp.id()).build())
                .tags(scope.tags())
                .build(), scope.opts(after));
        var vnet = new VirtualNetwork(scope.name("vnet"), VirtualNetworkArgs.builder()
                .resourceGroupName(resourceGroupName)
                .virtualNetworkName(cluster + "-vnet")
                .location(scope.location())
                .addressSpace(AddressSpaceArgs.builder().addressPrefixes(vnetCidr).build())
                .tags(scope.tags())
                .build(), scope.opts(after));
        var subnet = new Subnet(scope.name("nodes"), SubnetArgs.builder()
                .resourceGroupName(resourceGroupName)
                .virtualNetworkName(vnet.name())
                .subnetName("nodes")
                .addressPrefix(nodeSubnetCidr(vnetCidr))
                .natGateway(SubResourceArgs.builder().id(nat.id()).build())
                .build(), scope.opts());
        return new AksNetwork(subnet.id(), "userAssignedNATGateway", List.of(natIp, nat, vnet, subnet));
    }
}
