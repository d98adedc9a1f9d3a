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
import java.util.Optional;

/**
 * The node network of an AKS cluster: a VNet from {@code network.vpcCidr} whose first half is the
 * node subnet, with egress through a NAT gateway (nodes have no public addresses and need no
 * load balancer for egress); or an adopted subnet, of which nothing is created or changed.
 *
 * <p>The nodes of a public cluster reach the API server through their egress path, so the egress
 * addresses must be among the API server's authorized IP ranges (AKS "API server authorized IP
 * ranges": without them node bootstrap fails with K8SAPIServerConnFailVMExtensionError).
 *
 * @param subnetId     the node subnet's resource id
 * @param outboundType the AKS outbound type matching how this network reaches the internet
 * @param egressCidrs  the nodes' egress addresses as CIDRs (the NAT gateway's public IP as a /32, or
 *                     what the user declared for an adopted subnet): added to the authorized ranges
 * @param natIp        the created NAT gateway's public IP, empty for an adopted subnet
 * @param vnetId       the created VNet's id, empty for an adopted subnet
 * @param pieces       everything created here, in creation order: the cluster depends on all of it,
 *                     so workloads (and the load balancers they own) are destroyed before any of it
 */
public record AksNetwork(Output<String> subnetId, String outboundType, Output<List<String>> egressCidrs,
                         Optional<PublicIPAddress> natIp, Optional<Output<String>> vnetId, List<Resource> pieces) {

    /**
     * An existing subnet: nothing is created. {@code egressCidrs} are the addresses its traffic
     * leaves Azure from (its NAT gateway's or firewall's public IPs), declared by the user.
     */
    public static AksNetwork adopt(String subnetId, String outboundType, List<String> egressCidrs) {
        return new AksNetwork(Output.of(subnetId), outboundType, Output.of(List.copyOf(egressCidrs)), Optional.empty(),
                Optional.empty(), List.of());
    }

    /** The node subnet inside a VNet: the first half, leaving the rest for internal load balancers and private endpoints. */
    public static String nodeSubnetCidr(String vnetCidr) {
        Cidr vnet = Cidr.parse(vnetCidr).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + vnetCidr));
        return vnet.subnet(vnet.prefixLength() + 1, 0).toString();
    }

    /** A VNet of {@code vnetCidr} with the node subnet and a NAT gateway with one static public IP. */
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
        // the NAT gateway's static address is the nodes' only way out, to the API server too
        Output<List<String>> egress = natIp.ipAddress().applyValue(ip -> ip.map(a -> List.of(a + "/32")).orElse(List.of()));
        return new AksNetwork(subnet.id(), "userAssignedNATGateway", egress, Optional.of(natIp), Optional.of(vnet.id()),
                List.of(natIp, nat, vnet, subnet));
    }
}
