package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.InPlaceUpdates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Changing the Kubernetes version or the pool sizes must update resources in place. Two programs
 * that differ only in that are run; for every resource, the inputs whose change makes the provider
 * replace the resource must be identical, and only version or scaling inputs may differ.
 */
class InPlaceUpgradeTest {

    /**
     * Inputs that force replacement, per type: ForceNew in the Terraform schema the AWS provider is
     * bridged from (internal/service/eks/node_group.go, cluster.go, ... of terraform-provider-aws),
     * and immutable fields of Kubernetes objects.
     */
    static final Map<String, List<String>> REPLACE_ON_CHANGE = Map.ofEntries(
            Map.entry("aws:eks/cluster:Cluster", List.of("name", "roleArn", "bootstrapSelfManagedAddons",
                    "accessConfig.bootstrapClusterCreatorAdminPermissions", "kubernetesNetworkConfig.ipFamily",
                    "kubernetesNetworkConfig.serviceIpv4Cidr", "encryptionConfig", "outpostConfig", "remoteNetworkConfig")),
            Map.entry("aws:eks/nodeGroup:NodeGroup", List.of("clusterName", "nodeGroupName", "nodeGroupNamePrefix", "nodeRoleArn",
                    "subnetIds", "instanceTypes", "capacityType", "amiType", "diskSize", "remoteAccess",
                    "launchTemplate.id", "launchTemplate.name")),
            Map.entry("aws:eks/addon:Addon", List.of("clusterName", "addonName")),
            Map.entry("aws:eks/accessEntry:AccessEntry", List.of("clusterName", "principalArn", "type")),
            Map.entry("aws:ec2/launchTemplate:LaunchTemplate", List.of("name", "namePrefix")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId")),
            Map.entry("aws:ec2/internetGateway:InternetGateway", List.of()),
            Map.entry("aws:ec2/eip:Eip", List.of("domain", "address")),
            Map.entry("aws:ec2/natGateway:NatGateway", List.of("allocationId", "subnetId", "connectivityType")),
            Map.entry("aws:ec2/routeTable:RouteTable", List.of("vpcId")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", List.of("subnetId", "gatewayId")),
            Map.entry("aws:iam/role:Role", List.of("name", "namePrefix", "path")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", List.of("role", "policyArn")),
            Map.entry("aws:iam/openIdConnectProvider:OpenIdConnectProvider", List.of("url")),
            Map.entry("aws:kms/key:Key", List.of("customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId")),
            Map.entry("aws:kms/alias:Alias", List.of("name", "namePrefix")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "namePrefix")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", List.of("securityGroupId")),
            Map.entry("kubernetes:storage.k8s.io/v1:StorageClass", List.of("metadata.name", "provisioner", "parameters",
                    "reclaimPolicy", "volumeBindingMode")));

    private static final InPlaceUpdates UPDATES = InPlaceUpdates.of(REPLACE_ON_CHANGE);

    @Test
    void aKubernetesVersionUpgradeChangesOnlyVersionInputs() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        // the upgrade does reach the control plane, every node group and every add-on
        assertThat(changed.get("aws:eks/cluster:Cluster::demo-eks")).containsExactly("version");
        assertThat(changed.get("aws:eks/nodeGroup:NodeGroup::demo-system")).containsExactly("version");
        assertThat(changed.get("aws:eks/nodeGroup:NodeGroup::demo-gpu")).containsExactly("version");
        assertThat(changed.keySet().stream().filter(k -> k.startsWith("aws:eks/addon:Addon"))).hasSize(5);
        assertThat(changed.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("version", "addonVersion");
    }

    @Test
    void resizingAPoolChangesOnlyItsScalingConfig() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 4, 10), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        assertThat(changed).containsOnlyKeys("aws:eks/nodeGroup:NodeGroup::demo-system");
        assertThat(changed.get("aws:eks/nodeGroup:NodeGroup::demo-system"))
                .containsExactlyInAnyOrder("scalingConfig.desiredSize", "scalingConfig.maxSize");
    }

    @Test
    void theSameProgramTwiceRegistersIdenticalInputs() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(UPDATES.assertInPlace(first, second)).isEmpty();
    }

    @Test
    void theReplacementTableCatchesAChangeThatWouldReplace() {
        // guards the guard: an instance type change must show up as a replacement-triggering difference
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec(), Fixtures.args().instanceType(io.codezero.core.spec.SizeClass.MEDIUM, "m7i.xlarge").build());
        PlannedResource a = before.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        PlannedResource b = after.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        assertThat(UPDATES.replacementInputs(a)).isNotEqualTo(UPDATES.replacementInputs(b));
    }






}
