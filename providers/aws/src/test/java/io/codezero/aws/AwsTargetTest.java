package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.ProvisionedCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AwsTargetTest {

    @Test
    void everyResourceIsInsideTheEksClusterComponentAndUsesItsOwnProviders() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource platform = run.get("codezero:index:Platform", "platform");
        PlannedResource component = run.get("codezero:aws:EksCluster", "demo");
        assertThat(component.parentUrn()).isEqualTo(platform.urn());
        PlannedResource aws = run.get("pulumi:providers:aws", "demo-aws");
        assertThat(aws.input("region")).isEqualTo("eu-west-1");
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "demo-k8s");

        List<PlannedResource> awsResources = run.where(r -> r.type().startsWith("aws:"));
        assertThat(awsResources).hasSizeGreaterThan(30);
        assertThat(awsResources).allSatisfy(r -> {
            assertThat(r.parentUrn()).as(r.toString()).isEqualTo(component.urn());
            assertThat(r.providerUrn()).as(r.toString()).isEqualTo(aws.urn());
        });
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).isNotEmpty().allSatisfy(r ->
                assertThat(r.providerUrn()).as(r.toString()).isEqualTo(k8s.urn()));
    }

    @Test
    void nodesRunInPrivateSubnetsOnly() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<PlannedResource> groups = run.ofType("aws:eks/nodeGroup:NodeGroup");
        assertThat(groups).hasSize(2);
        for (PlannedResource group : groups) {
            assertThat((List<Object>) group.input("subnetIds")).containsExactly("demo-private-a-id", "demo-private-b-id", "demo-private-c-id");
        }
        assertThat((List<Object>) run.get("aws:eks/cluster:Cluster", "demo-eks").input("vpcConfig.subnetIds"))
                .containsExactly("demo-private-a-id", "demo-private-b-id", "demo-private-c-id");
        List<PlannedResource> subnets = run.ofType("aws:ec2/subnet:Subnet");
        assertThat(subnets).hasSize(6).allSatisfy(s -> assertThat(s.input("mapPublicIpOnLaunch")).isEqualTo(false));
        assertThat(((Map<Object, Object>) run.get("aws:ec2/subnet:Subnet", "demo-private-a").input("tags"))).containsEntry("kubernetes.io/role/internal-elb", "1");
        assertThat(((Map<Object, Object>) run.get("aws:ec2/subnet:Subnet", "demo-public-a").input("tags"))).containsEntry("kubernetes.io/role/elb", "1")
                .containsEntry("kubernetes.io/cluster/demo", "shared");
        // private routes go through NAT, public through the internet gateway
        assertThat(run.get("aws:ec2/routeTable:RouteTable", "demo-private-a-rt").input("routes.0.natGatewayId")).isEqualTo("demo-nat-a-id");
        assertThat(run.get("aws:ec2/routeTable:RouteTable", "demo-public-rt").input("routes.0.gatewayId")).isEqualTo("demo-igw-id");
        assertThat(run.get("aws:ec2/subnet:Subnet", "demo-private-a").input("cidrBlock")).isEqualTo("10.0.0.0/19");
        assertThat(run.get("aws:ec2/subnet:Subnet", "demo-public-c").input("cidrBlock")).isEqualTo("10.0.200.0/22");
        assertThat(run.get("aws:ec2/subnet:Subnet", "demo-private-b").input("availabilityZone")).isEqualTo("eu-west-1b");
    }

    @Test
    void launchTemplatesRequireImdsV2AndEncryptGp3RootVolumes() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<PlannedResource> templates = run.ofType("aws:ec2/launchTemplate:LaunchTemplate");
        assertThat(templates).hasSize(2);
        for (PlannedResource lt : templates) {
            assertThat(lt.input("metadataOptions.httpTokens")).isEqualTo("required");
            assertThat(lt.input("metadataOptions.httpPutResponseHopLimit")).isEqualTo(1.0);
            assertThat(lt.input("blockDeviceMappings.0.ebs.encrypted")).isEqualTo("true");
            assertThat(lt.input("blockDeviceMappings.0.ebs.volumeType")).isEqualTo("gp3");
        }
        PlannedResource system = run.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        assertThat(system.input("launchTemplate.id")).isEqualTo("demo-system-lt-id");
        assertThat(system.input("launchTemplate.version")).isEqualTo("1");
        assertThat(system.input("diskSize")).as("disk size comes from the launch template").isNull();
        assertThat(system.input("updateConfig.maxUnavailablePercentage")).isEqualTo(33.0);
    }

    @Test
    void clusterEncryptsSecretsLogsAndUsesAccessEntriesWithAnAllowlistedPublicEndpoint() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource cluster = run.get("aws:eks/cluster:Cluster", "demo-eks");
        PlannedResource key = run.get("aws:kms/key:Key", "demo-secrets-key");
        assertThat(key.input("enableKeyRotation")).isEqualTo(true);
        assertThat(cluster.input("encryptionConfig.resources")).isEqualTo(List.of("secrets"));
        assertThat((String) cluster.input("encryptionConfig.provider.keyArn")).startsWith("arn:aws:kms:eu-west-1:123456789012:key/");
        assertThat(run.dependsOn(cluster, key)).isTrue();
        assertThat(cluster.input("accessConfig.authenticationMode")).isEqualTo("API");
        assertThat((List<Object>) cluster.input("enabledClusterLogTypes")).containsExactlyInAnyOrder("api", "audit", "authenticator", "controllerManager", "scheduler");
        assertThat(cluster.input("vpcConfig.endpointPrivateAccess")).isEqualTo(true);
        assertThat(cluster.input("vpcConfig.endpointPublicAccess")).isEqualTo(true);
        assertThat(cluster.input("vpcConfig.publicAccessCidrs")).isEqualTo(List.of(Fixtures.ALLOWED));
        assertThat(cluster.input("version")).isEqualTo("1.33");
        assertThat(cluster.input("name")).isEqualTo("demo");
        assertThat(run.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).singleElement().satisfies(oidc -> {
            assertThat((String) oidc.input("url")).startsWith("https://oidc.eks.eu-west-1.amazonaws.com/id/");
            assertThat(oidc.input("clientIdLists")).isEqualTo(List.of("sts.amazonaws.com"));
        });
        assertThat(run.where(r -> r.type().contains("ConfigMap"))).as("no aws-auth ConfigMap").isEmpty();
    }

    @Test
    void privateOnlyEndpointClosesThePublicEndpoint() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(NetworkSpec.builder().privateApiOnly(true).build()).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource cluster = run.get("aws:eks/cluster:Cluster", "demo-eks");
        assertThat(cluster.input("vpcConfig.endpointPublicAccess")).isEqualTo(false);
        assertThat(cluster.input("vpcConfig.endpointPrivateAccess")).isEqualTo(true);
        assertThat(cluster.input("vpcConfig.publicAccessCidrs")).isNull();
        // the private endpoint is reachable from the VPC (where `pulumi up` must then run)
        assertThat(run.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).singleElement().satisfies(rule -> {
            assertThat(rule.input("cidrIpv4")).isEqualTo("10.0.0.0/16");
            assertThat(rule.input("fromPort")).isEqualTo(443.0);
            assertThat((String) rule.input("securityGroupId")).startsWith("sg-");
        });
        OfflineRun publicRun = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(publicRun.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).isEmpty();
    }

    @Test
    void eachRoleHasOnlyItsOwnManagedPolicies() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<Object, List<String>> policiesByRole = new java.util.HashMap<>();
        for (PlannedResource attachment : run.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) {
            policiesByRole.computeIfAbsent(attachment.input("role"), k -> new java.util.ArrayList<>()).add((String) attachment.input("policyArn"));
        }
        assertThat(policiesByRole.get("demo-node-role")).containsExactlyInAnyOrder(
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
        assertThat(policiesByRole.get("demo-cluster-role")).containsExactly("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy");
        assertThat(policiesByRole.get("demo-ebs-csi-role")).containsExactly("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        assertThat(policiesByRole).hasSize(3);
        assertThat(run.ofType("aws:iam/role:Role")).allSatisfy(role ->
                assertThat(role.input("inlinePolicies")).as(role + " has no inline policies").isNull());

        PlannedResource ebsRole = run.get("aws:iam/role:Role", "demo-ebs-csi-role");
        assertThat((String) ebsRole.input("assumeRolePolicy")).contains("pods.eks.amazonaws.com").contains("sts:TagSession");
        assertThat((String) run.get("aws:iam/role:Role", "demo-node-role").input("assumeRolePolicy")).contains("ec2.amazonaws.com");
        PlannedResource ebs = run.get("aws:eks/addon:Addon", "demo-aws-ebs-csi-driver");
        assertThat(ebs.input("podIdentityAssociations.0.roleArn")).isEqualTo("arn:aws:iam::123456789012:role/demo-ebs-csi-role");
        assertThat(ebs.input("podIdentityAssociations.0.serviceAccount")).isEqualTo("ebs-csi-controller-sa");
        assertThat(ebs.input("serviceAccountRoleArn")).as("not IRSA through the node role").isNull();
    }

    @Test
    void managedAddonsAreInstalledAroundTheNodeGroups() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("aws:eks/addon:Addon")).extracting(r -> r.input("addonName"))
                .containsExactlyInAnyOrder("vpc-cni", "kube-proxy", "eks-pod-identity-agent", "coredns", "aws-ebs-csi-driver");
        PlannedResource group = run.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        assertThat(run.dependsOn(group, run.get("aws:eks/addon:Addon", "demo-vpc-cni"))).isTrue();
        assertThat(run.dependsOn(run.get("aws:eks/addon:Addon", "demo-coredns"), group)).isTrue();
        assertThat(run.dependsOn(run.get("aws:eks/addon:Addon", "demo-aws-ebs-csi-driver"), run.get("aws:eks/addon:Addon", "demo-eks-pod-identity-agent"))).isTrue();
        assertThat(run.get("aws:eks/addon:Addon", "demo-coredns").input("addonVersion")).isEqualTo("eks-default-for-1.33");
        assertThat(run.get("aws:eks/cluster:Cluster", "demo-eks").input("bootstrapSelfManagedAddons")).isEqualTo(false);
    }

    @Test
    void poolsBecomeNodeGroupsWithSpotLabelsTaintsAndGpuAmi() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource gpu = run.get("aws:eks/nodeGroup:NodeGroup", "demo-gpu");
        assertThat(gpu.input("nodeGroupName")).isEqualTo("gpu");
        assertThat(gpu.input("capacityType")).isEqualTo("SPOT");
        assertThat(gpu.input("instanceTypes")).isEqualTo(List.of("g5.2xlarge"));
        assertThat(gpu.input("amiType")).isEqualTo("AL2023_x86_64_NVIDIA");
        assertThat(gpu.input("taints.0.effect")).isEqualTo("NO_SCHEDULE");
        assertThat(gpu.input("taints.0.key")).isEqualTo("nvidia.com/gpu");
        assertThat((Map<Object, Object>) gpu.input("labels")).containsEntry("codezero.io/accelerator", "nvidia").containsEntry("codezero.io/pool", "gpu");
        PlannedResource system = run.get("aws:eks/nodeGroup:NodeGroup", "demo-system");
        assertThat(system.input("capacityType")).isEqualTo("ON_DEMAND");
        assertThat(system.input("instanceTypes")).isEqualTo(List.of("m6i.xlarge"));
        assertThat(system.input("scalingConfig.minSize")).isEqualTo(2.0);
        assertThat(system.input("scalingConfig.maxSize")).isEqualTo(5.0);
        assertThat(system.input("version")).isEqualTo("1.33");
    }

    @Test
    void singleNatModeUsesOneGatewayForEveryZone() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().natMode(NatMode.SINGLE).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("aws:ec2/natGateway:NatGateway")).hasSize(1);
        assertThat(run.ofType("aws:ec2/routeTable:RouteTable").stream().filter(r -> r.name().contains("private")))
                .hasSize(3).allSatisfy(rt -> assertThat(rt.input("routes.0.natGatewayId")).isEqualTo("demo-nat-a-id"));
        OfflineRun perZone = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(perZone.ofType("aws:ec2/natGateway:NatGateway")).hasSize(3);
    }

    @Test
    void adoptingAnExistingVpcCreatesNoNetworkAndUsesTheGivenSubnets() {
        AwsTargetArgs args = Fixtures.args().existingVpcId("vpc-0123456789abcdef0")
                .existingPrivateSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"))
                .existingPublicSubnetIds(List.of("subnet-0bbbbbbbbbbbbbbb1"))
                .kmsKeyArn("arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555")
                .build();
        OfflineRun run = Fixtures.run(Fixtures.spec(), args);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.where(r -> r.type().startsWith("aws:ec2/") && !r.type().equals("aws:ec2/launchTemplate:LaunchTemplate"))).isEmpty();
        assertThat(run.ofType("aws:kms/key:Key")).as("adopted key, none created").isEmpty();
        assertThat(run.get("aws:eks/cluster:Cluster", "demo-eks").input("encryptionConfig.provider.keyArn"))
                .isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555");
        assertThat(run.get("aws:eks/nodeGroup:NodeGroup", "demo-system").input("subnetIds"))
                .isEqualTo(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"));
    }

    @Test
    void provisionedClusterHasASecretKubeconfigStorageProfileAndNlbAnnotations() {
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (cluster, parent) -> provisioned.set(cluster));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        ProvisionedCluster cluster = provisioned.get();
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        assertThat(run.get("pulumi:providers:kubernetes", "demo-k8s").isSecretInput("kubeconfig")).isTrue();
        String kubeconfig = (String) run.outputs().get("kubeconfig").value();
        assertThat(kubeconfig).contains("\"command\": \"codezero-eks-token\"").contains("\"--cluster-name\"").contains("\"eu-west-1\"")
                .contains("https://").doesNotContain("\"aws\"");
        assertThat(cluster.storage().standardClass()).isEqualTo("gp3-encrypted");
        PlannedResource storageClass = run.get("kubernetes:storage.k8s.io/v1:StorageClass", "demo-gp3-encrypted");
        assertThat(storageClass.input("parameters.type")).isEqualTo("gp3");
        assertThat(storageClass.input("parameters.encrypted")).isEqualTo("true");
        assertThat(storageClass.input("provisioner")).isEqualTo("ebs.csi.aws.com");
        assertThat(cluster.loadBalancers().annotationsFor(Exposure.INTERNET_FACING).orElseThrow())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-type", "nlb")
                .doesNotContainKey("service.beta.kubernetes.io/aws-load-balancer-internal");
        assertThat(cluster.loadBalancers().annotationsFor(Exposure.INTERNAL).orElseThrow())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-internal", "true");
        // node groups, add-ons, the storage class and the Cluster Autoscaler's release
        assertThat(cluster.readiness()).hasSize(2 + 5 + 1 + 1);
    }

    private static <T> T value(com.pulumi.core.Output<T> output) {
        return com.pulumi.core.internal.Internal.of(output).getValueNullable().join();
    }

    @Test
    void theProvisionedClusterHandsBackTypedEksHandles() {
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (cluster, parent) -> provisioned.set(cluster));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        EksClusterHandles handles = provisioned.get().handles(EksClusterHandles.class);
        assertThat(value(handles.cluster().urn())).isEqualTo(run.get("aws:eks/cluster:Cluster", "demo-eks").urn());
        assertThat(value(handles.oidcProvider().urn())).isEqualTo(run.get("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "demo-oidc").urn());
        assertThat(value(handles.podIdentityAgent().urn())).isEqualTo(run.get("aws:eks/addon:Addon", "demo-eks-pod-identity-agent").urn());
        assertThat(value(handles.nodeRole().urn())).isEqualTo(run.get("aws:iam/role:Role", "demo-node-role").urn());
        assertThat(handles.nodeGroups()).extracting(g -> value(g.urn()))
                .containsExactly(run.get("aws:eks/nodeGroup:NodeGroup", "demo-system").urn(), run.get("aws:eks/nodeGroup:NodeGroup", "demo-gpu").urn());
        assertThat(value(handles.awsProvider().urn())).isEqualTo(run.get("pulumi:providers:aws", "demo-aws").urn());
        assertThat(handles.privateSubnetIds()).hasSize(3);
        assertThat(handles.publicSubnetIds()).hasSize(3);
        assertThat(handles.autoscaler()).isPresent();
        assertThat(value(handles.autoscaler().get().release().urn()))
                .isEqualTo(run.get("kubernetes:helm.sh/v3:Release", "demo-cluster-autoscaler").urn());
    }

    @Test
    void adoptedVpcWithoutPublicSubnetsOffersOnlyInternalLoadBalancers() {
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        AwsTargetArgs args = Fixtures.args().existingVpcId("vpc-0123456789abcdef0")
                .existingPrivateSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")).build();
        OfflineRun run = Fixtures.run(Fixtures.spec(), args, (cluster, parent) -> provisioned.set(cluster));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(provisioned.get().loadBalancers().supports(Exposure.INTERNET_FACING)).isFalse();
        assertThat(provisioned.get().loadBalancers().defaultExposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void preflightIsSkippedWhenNoPulumiEngineDrivesTheProgram() {
        // under the offline engine there are no credentials and no network: a preflight that ran would fail the credentials check
        assertThat(System.getenv("PULUMI_MONITOR")).isNull();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().preflight(true).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("aws:eks/cluster:Cluster")).hasSize(1);
    }

    @Test
    void invalidSpecFailsBeforeAnyResourceIsRegistered() {
        ClusterSpec open = Fixtures.spec().toBuilder().network(NetworkSpec.defaults())
                .nodePools(List.of(NodePool.builder("system").build())).build();
        OfflineRun run = Fixtures.run(open, Fixtures.args().build());
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("network.apiAccessAllowlist");
        assertThat(run.where(r -> r.type().startsWith("aws:") || r.type().startsWith("codezero:aws"))).isEmpty();
    }
}
