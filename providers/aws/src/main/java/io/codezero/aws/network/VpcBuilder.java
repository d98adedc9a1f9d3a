package io.codezero.aws.network;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.aws.AwsScope;
import io.codezero.aws.NatMode;
import io.codezero.core.validation.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC over N zones: a private subnet per zone for nodes (a /19 of a /16: room for pod
 * addresses, which the VPC CNI takes from the subnet) and a small public subnet per zone for NAT
 * gateways and internet-facing load balancers, tagged so load balancers find them.
 */
public final class VpcBuilder {
    /** Private subnets are 3 bits longer than the VPC (8 slots, up to 6 zones used). */
    static final int PRIVATE_EXTRA_BITS = 3;
    /** Public subnets are 6 bits longer, taken from the 7th private-sized slot, clear of the private ones. */
    static final int PUBLIC_EXTRA_BITS = 6;
    static final int PUBLIC_FIRST_INDEX = 48;
    /** A subnet's zone input; changing it replaces the subnet. */
    static final String ZONE = "availabilityZone";

    private VpcBuilder() {
    }

    /**
     * Creates the VPC.
     *
     * @param zonesLookedUp the zones come from the region's list, not from names the user wrote: each
     *                      subnet then keeps the zone it was created in (ignoreChanges), so a later change
     *                      of that list never replaces subnets, NAT gateways and the node groups on them
     */
    public static ClusterNetwork create(AwsScope scope, String vpcCidr, List<Output<String>> zones, NatMode natMode, boolean zonesLookedUp) {
        com.pulumi.resources.CustomResourceOptions subnetOptions = zonesLookedUp
                ? com.pulumi.resources.CustomResourceOptions.builder().parent(scope.parent()).provider(scope.provider())
                        .ignoreChanges(ZONE).build()
                : scope.opts();
        Cidr vpcRange = Cidr.parse(vpcCidr).orElseThrow();
        String clusterTag = "kubernetes.io/cluster/" + scope.clusterName();
        List<Resource> egress = new ArrayList<>();

        var vpc = new Vpc(scope.name("vpc"), VpcArgs.builder()
                .cidrBlock(vpcCidr)
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(scope.tags(scope.name("vpc")))
                .build(), scope.opts());
        var igw = new InternetGateway(scope.name("igw"), InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(scope.tags(scope.name("igw")))
                .build(), scope.opts());
        egress.add(igw);

        var publicRoutes = new RouteTable(scope.name("public-rt"), RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build())
                .tags(scope.tags(scope.name("public-rt")))
                .build(), scope.opts());
        egress.add(publicRoutes);

        List<Output<String>> publicIds = new ArrayList<>();
        List<Output<String>> privateIds = new ArrayList<>();
        List<NatGateway> nats = new ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            String zoneSuffix = String.valueOf((char) ('a' + i));
            String publicName = scope.name("public-" + zoneSuffix);
            var publicSubnet = new Subnet(publicName, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zones.get(i))
                    .cidrBlock(vpcRange.subnet(vpcRange.prefixLength() + PUBLIC_EXTRA_BITS, PUBLIC_FIRST_INDEX + i).toString())
                    // instances never land here (nodes are private); NAT and load balancers bring their own addresses
                    .mapPublicIpOnLaunch(false)
                    .tags(scope.tags(publicName, Map.of("kubernetes.io/role/elb", "1", clusterTag, "shared")))
                    .build(), subnetOptions);
            egress.add(publicSubnet);
            publicIds.add(publicSubnet.id());
            egress.add(new RouteTableAssociation(publicName, RouteTableAssociationArgs.builder()
                    .subnetId(publicSubnet.id()).routeTableId(publicRoutes.id()).build(), scope.opts()));

            if (natMode == NatMode.ONE_PER_ZONE || i == 0) {
                var eip = new Eip(scope.name("nat-eip-" + zoneSuffix), EipArgs.builder()
                        .domain("vpc")
                        .tags(scope.tags(scope.name("nat-eip-" + zoneSuffix)))
                        .build(), scope.opts());
                var nat = new NatGateway(scope.name("nat-" + zoneSuffix), NatGatewayArgs.builder()
                        .allocationId(eip.id())
                        .subnetId(publicSubnet.id())
                        .tags(scope.tags(scope.name("nat-" + zoneSuffix)))
                        .build(), scope.opts(List.of(igw)));
                egress.add(eip);
                egress.add(nat);
                nats.add(nat);
            }
        }
        for (int i = 0; i < zones.size(); i++) {
            String zoneSuffix = String.valueOf((char) ('a' + i));
            String privateName = scope.name("private-" + zoneSuffix);
            var privateSubnet = new Subnet(privateName, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zones.get(i))
                    .cidrBlock(vpcRange.subnet(vpcRange.prefixLength() + PRIVATE_EXTRA_BITS, i).toString())
                    .mapPublicIpOnLaunch(false)
                    .tags(scope.tags(privateName, Map.of("kubernetes.io/role/internal-elb", "1", clusterTag, "shared")))
                    .build(), subnetOptions);
            privateIds.add(privateSubnet.id());
            NatGateway nat = nats.get(natMode == NatMode.ONE_PER_ZONE ? i : 0);
            var privateRoutes = new RouteTable(privateName + "-rt", RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build())
                    .tags(scope.tags(privateName + "-rt"))
                    .build(), scope.opts());
            egress.add(privateSubnet);
            egress.add(privateRoutes);
            egress.add(new RouteTableAssociation(privateName, RouteTableAssociationArgs.builder()
                    .subnetId(privateSubnet.id()).routeTableId(privateRoutes.id()).build(), scope.opts()));
        }
        return new ClusterNetwork(vpc.id(), privateIds, publicIds, egress);
    }

    /**
     * An existing VPC: nothing is created or tagged (we do not own it). Its subnets must carry the
     * load-balancer discovery tags themselves; docs/aws.md lists them.
     */
    public static ClusterNetwork adopt(String vpcId, List<String> privateSubnetIds, List<String> publicSubnetIds) {
        return new ClusterNetwork(Output.of(vpcId),
                privateSubnetIds.stream().map(Output::of).toList(),
                publicSubnetIds.stream().map(Output::of).toList(),
                List.of());
    }
}
