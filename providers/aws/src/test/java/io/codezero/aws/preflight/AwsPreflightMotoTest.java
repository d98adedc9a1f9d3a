package io.codezero.aws.preflight;

import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preflight against a real AWS API emulator (moto server), each failure with its message. */
class AwsPreflightMotoTest extends AgainstMoto {
    private static ClusterSpec spec() {
        return ClusterSpec.builder("demo")
                .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, 2, 5).build())
                .nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(0, 0, 2).spot(true).build())
                .build();
    }

    private PreflightReport run(AwsTargetArgs args) {
        return new AwsPreflight(moto.clients(args.region())).run(spec(), args);
    }

    private static CheckResult result(PreflightReport report, String check) {
        return report.results().stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " in\n" + report.render()));
    }

    @Test
    void aHealthyAccountPassesAndWhatCannotBeCheckedIsUnknownNotPassed() {
        PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1").build());
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(result(report, "credentials").message()).contains("account 123456789012");
        assertThat(result(report, "region").status()).isEqualTo(CheckStatus.PASS);
        assertThat(result(report, "zones").message()).isEqualTo("zones us-east-1a, us-east-1b, us-east-1c are available");
        assertThat(report.results().stream().filter(r -> r.check().equals("instance-types")))
                .extracting(CheckResult::status).containsExactly(CheckStatus.PASS, CheckStatus.PASS);
        // moto implements neither DescribeClusterVersions nor EC2 quotas: reported as could-not-check
        assertThat(result(report, "kubernetes-version").status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(result(report, "kubernetes-version").message()).startsWith("could not check whether EKS offers Kubernetes " + spec().kubernetesVersion());
        assertThat(report.results().stream().filter(r -> r.check().equals("vcpu-quota")))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(CheckStatus.UNKNOWN);
                    assertThat(r.message()).startsWith("could not read vCPU quota L-");
                });
        // moto has no IAM policy simulator either
        assertThat(result(report, DeployerPermissions.CHECK).status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(result(report, DeployerPermissions.CHECK).message()).startsWith("could not simulate the first up's IAM calls");
        assertThat(report.unknowns()).hasSize(4);
    }

    @Test
    void runningInstancesAreCountedAgainstTheirQuotasInOneListing() {
        // a region of its own, so these instances are invisible to the other tests
        try (AwsClients clients = moto.clients("eu-west-2")) {
            String ami = "ami-03cf127a"; // one of moto's default images
            clients.ec2().runInstances(r -> r.imageId(ami).instanceType("m6i.xlarge").minCount(2).maxCount(2));
            clients.ec2().runInstances(r -> r.imageId(ami).instanceType("g5.2xlarge").minCount(1).maxCount(1));
            clients.ec2().runInstances(r -> r.imageId(ami).instanceType("t3.medium").minCount(1).maxCount(1)
                    .instanceMarketOptions(o -> o.marketType("spot")));
            assertThat(new AwsPreflight(clients).vcpusInUse()).containsOnly(
                    entry(VcpuQuota.STANDARD_ON_DEMAND, 2 * 4),
                    entry(VcpuQuota.G_ON_DEMAND, 8),
                    entry(VcpuQuota.STANDARD_SPOT, 2));
        }
    }

    @Test
    void invalidCredentialsAreOneClearFailureAndStopTheOtherChecks() throws Exception {
        moto.enforceAuthentication(true);
        try {
            PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1").build());
            assertThat(report.results()).hasSize(1);
            assertThat(report.failures()).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo("credentials");
                // real STS names the error InvalidClientTokenId; moto's error body is not in the STS format, so the status is reported
                assertThat(f.message()).startsWith("AWS credentials are not valid (HTTP 403, refused: the access key is unknown or expired")
                        .contains("set AWS_PROFILE or AWS_ACCESS_KEY_ID");
            });
            assertThatThrownBy(report::throwIfFailed).hasMessageContaining("AWS preflight failed (1 problem)")
                    .hasMessageContaining("AWS credentials are not valid");
        } finally {
            moto.enforceAuthentication(false);
        }
    }

    @Test
    void anUnknownRegionFails() {
        PreflightReport report = run(AwsTargetArgs.builder().region("mars-east-1").build());
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("region");
            assertThat(f.message()).startsWith("region mars-east-1 does not exist; regions are ").contains("eu-west-1");
        });
    }

    @Test
    void aZoneThatDoesNotExistFails() {
        PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1").availabilityZones(List.of("us-east-1a", "us-east-1z")).build());
        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("availability zone us-east-1z not available in us-east-1; available zones are us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f"));
    }

    @Test
    void moreZonesThanTheRegionHasFails() {
        PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1").zoneCount(7).build());
        assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("region us-east-1 has 6 available zones but aws.zoneCount is 7; lower it to 6"));
    }

    @Test
    void anInstanceTypeNotOfferedInAChosenZoneFails() {
        // us-east-1e offers neither m6i nor g5 instances
        PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1").availabilityZones(List.of("us-east-1a", "us-east-1e")).build());
        assertThat(report.failures()).extracting(CheckResult::message).containsExactly(
                "instance type m6i.xlarge (pool system) is not offered in us-east-1e; it is offered in us-east-1a;"
                        + " pick other zones with aws.availabilityZones or another type with aws.instanceTypes",
                "instance type g5.2xlarge (pool gpu) is not offered in us-east-1e; it is offered in us-east-1a;"
                        + " pick other zones with aws.availabilityZones or another type with aws.instanceTypes");
    }

    @Test
    void anInstanceTypeThatDoesNotExistFails() {
        PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1").instanceType(SizeClass.MEDIUM, "m99.huge").build());
        assertThat(report.failures()).extracting(CheckResult::message).contains(
                "instance type m99.huge (pool system) is not offered in us-east-1a, us-east-1b, us-east-1c;"
                        + " pick other zones with aws.availabilityZones or another type with aws.instanceTypes");
    }

    @Test
    void theCommandLineReadsTheStackConfigAndExitsNonZeroOnFailure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path config = dir.resolve("Pulumi.dev.yaml");
        java.nio.file.Files.writeString(config, String.join("\n",
                "config:",
                "  codezero:cluster:",
                "    name: demo",
                "    network:",
                "      apiAccessAllowlist: [203.0.113.10/32]",
                "    nodePools:",
                "      - {name: system, size: medium, minNodes: 1, desiredNodes: 2, maxNodes: 3}",
                "  codezero:aws:",
                "    region: us-east-1",
                "    availabilityZones: [us-east-1a, us-east-1e]",
                ""));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        int code;
        try {
            code = PreflightCommand.run(new AwsPreflightTarget(), new String[] {"--config", config.toString(), "--endpoint-url", moto.endpoint().toString()},
                    new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("PASS    credentials").contains("FAIL    instance-types     instance type m6i.xlarge (pool system) is not offered in us-east-1e");
        assertThat(err.toString()).contains("AWS preflight failed: 1 check(s) failed");

        java.nio.file.Files.writeString(config, "config:\n  codezero:aws:\n    regoin: us-east-1\n");
        var err2 = new java.io.ByteArrayOutputStream();
        assertThat(PreflightCommand.run(new AwsPreflightTarget(), new String[] {"--config", config.toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err2, true))).isEqualTo(2);
        assertThat(err2.toString()).contains("codezero:aws.regoin = \"us-east-1\": is not a known setting").contains("aws.region = <missing>: is required");
    }

    @Test
    void listingTheCallerAsAdminOfANewClusterFailsBeforeEksAnswers409() {
        String caller = moto.clients("us-east-1").sts().getCallerIdentity().arn();
        PreflightReport report = run(AwsTargetArgs.builder().region("us-east-1")
                .adminPrincipalArns(java.util.List.of("arn:aws:iam::123456789012:role/ops", caller)).build());
        CheckResult check = result(report, "access-entries");
        assertThat(check.status()).as(report.render()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.message()).contains("aws.adminPrincipalArns[1]").contains("409");
        assertThat(result(run(AwsTargetArgs.builder().region("us-east-1")
                .adminPrincipalArns(java.util.List.of("arn:aws:iam::123456789012:role/ops")).build()), "access-entries").status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anExistingClusterIsReadWithItsRecordedCreator() {
        var clients = moto.clients("us-east-1");
        String caller = clients.sts().getCallerIdentity().arn();
        clients.eks().createCluster(r -> r.name("existing").roleArn("arn:aws:iam::123456789012:role/eks")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"))
                .tags(java.util.Map.of(io.codezero.aws.cluster.ClusterCreator.TAG, io.codezero.aws.cluster.ClusterCreator.principalOf(caller))));
        CheckResult check = new AwsPreflight(moto.clients("us-east-1")).adminsExcludeTheCreator("existing", java.util.List.of());
        assertThat(check.status()).as(check.message()).isEqualTo(CheckStatus.PASS);
        assertThat(check.message()).contains("created cluster existing");
        // its recorded creator listed as an admin is refused, as the program refuses it
        CheckResult listed = new AwsPreflight(moto.clients("us-east-1")).adminsExcludeTheCreator("existing", java.util.List.of(caller));
        assertThat(listed.status()).as(listed.message()).isEqualTo(CheckStatus.FAIL);
    }

    private static ClusterSpec laterUp(String name, String version, int min, int max) {
        return ClusterSpec.builder(name).kubernetesVersion(version)
                .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(min, min, max).build())
                .nodePool(NodePool.builder("added").size(SizeClass.MEDIUM).scaling(1, 1, 3).build())
                .build();
    }

    /** A cluster as an earlier up left it: Kubernetes 1.33, pool system running 4 nodes within 2..6 (the autoscaler grew it). */
    private static void existingCluster(AwsClients clients, String name) {
        clients.eks().createCluster(r -> r.name(name).version("1.33").roleArn("arn:aws:iam::123456789012:role/eks")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")));
        clients.eks().createNodegroup(r -> r.clusterName(name).nodegroupName("system").version("1.33").nodeRole("arn:aws:iam::123456789012:role/nodes")
                .subnets("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")
                .scalingConfig(c -> c.minSize(2).desiredSize(4).maxSize(6)));
    }

    @Test
    void aLaterUpThatSkipsAMinorOrGoesBackFailsBeforeEksRefusesTheUpdate() {
        var clients = moto.clients("us-east-1");
        existingCluster(clients, "upgrading");
        AwsTargetArgs args = AwsTargetArgs.builder().region("us-east-1").build();
        CheckResult next = result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("upgrading", "1.34", 2, 6), args)),
                ExistingClusterChecks.UPGRADE);
        assertThat(next.status()).as(next.message()).isEqualTo(CheckStatus.PASS);
        CheckResult skip = result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("upgrading", "1.35", 2, 6), args)),
                ExistingClusterChecks.UPGRADE);
        assertThat(skip.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(skip.message()).contains("runs Kubernetes 1.33").contains("set kubernetesVersion to 1.34");
        CheckResult back = result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("upgrading", "1.32", 2, 6), args)),
                ExistingClusterChecks.UPGRADE);
        assertThat(back.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(back.message()).contains("never downgrades");
        // and the full preflight runs it
        assertThat(new AwsPreflight(moto.clients("us-east-1")).run(laterUp("upgrading", "1.35", 2, 6), args).results())
                .anySatisfy(r -> assertThat(r.check()).isEqualTo(ExistingClusterChecks.UPGRADE));
        // a cluster that does not exist yet has no version or node groups to compare
        assertThat(new ExistingClusterChecks(clients).run(laterUp("not-there-yet", "1.35", 2, 6), args))
                .extracting(CheckResult::check).containsExactly(ExistingClusterChecks.LOG_GROUP);
    }

    @Test
    void newPoolLimitsThatLeaveTheRunningSizeOutsideFailWithTheResizeCommand() {
        var clients = moto.clients("us-east-1");
        existingCluster(clients, "resizing");
        AwsTargetArgs args = AwsTargetArgs.builder().region("us-east-1").build();
        // minNodes 5 above the 4 nodes it runs: EKS would refuse the update
        List<CheckResult> raised = new ExistingClusterChecks(clients).run(laterUp("resizing", "1.33", 5, 8), args);
        CheckResult scaling = result(new PreflightReport("AWS", raised), ExistingClusterChecks.SCALING);
        assertThat(scaling.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(scaling.message()).contains("node group system runs 4 nodes")
                .contains("aws eks update-nodegroup-config --cluster-name resizing --nodegroup-name system --scaling-config minSize=5,maxSize=8,desiredSize=5")
                .contains("pulumi up --refresh");
        // maxNodes 3 below them: the same
        CheckResult lowered = result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("resizing", "1.33", 1, 3), args)),
                ExistingClusterChecks.SCALING);
        assertThat(lowered.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(lowered.message()).contains("desiredSize=3");
        // limits around the running size pass, saying why --refresh matters; unchanged limits pass; the new pool is not looked at
        List<CheckResult> widened = new ExistingClusterChecks(clients).run(laterUp("resizing", "1.33", 1, 10), args);
        assertThat(widened).filteredOn(r -> r.check().equals(ExistingClusterChecks.SCALING)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASS))
                .satisfies(r -> assertThat(r.message()).contains("--refresh"));
        assertThat(result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("resizing", "1.33", 2, 6), args)),
                ExistingClusterChecks.SCALING).status()).isEqualTo(CheckStatus.PASS);
        // with manageDesiredSize the program sends its own desired size, which validation keeps within the limits
        assertThat(result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("resizing", "1.33", 5, 8),
                AwsTargetArgs.builder().region("us-east-1").manageDesiredSize(true).build())), ExistingClusterChecks.SCALING).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aLogGroupEksLeftAfterADestroyFailsTheReCreateWithTheDeleteCommand() {
        var clients = moto.clients("us-west-2");
        AwsTargetArgs args = AwsTargetArgs.builder().region("us-west-2").build();
        String leftover = io.codezero.aws.cluster.EksCluster.controlPlaneLogGroup("recreated");
        clients.logs().createLogGroup(r -> r.logGroupName(leftover));
        CheckResult check = result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("recreated", "1.34", 2, 6), args)),
                ExistingClusterChecks.LOG_GROUP);
        assertThat(check.status()).as(check.message()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.message()).contains("ResourceAlreadyExistsException")
                .contains("aws logs delete-log-group --log-group-name /aws/eks/recreated/cluster --region us-west-2");
        assertThat(new AwsPreflight(moto.clients("us-west-2")).run(laterUp("recreated", "1.34", 2, 6), args).results())
                .anySatisfy(r -> assertThat(r.check() + " " + r.status()).isEqualTo(ExistingClusterChecks.LOG_GROUP + " FAIL"));
        // the group an earlier up of this program made (tagged as such) is its own; no group at all passes
        String ours = io.codezero.aws.cluster.EksCluster.controlPlaneLogGroup("half-made");
        clients.logs().createLogGroup(r -> r.logGroupName(ours).tags(java.util.Map.of("managed-by", "codezero", "codezero.io/cluster", "half-made")));
        assertThat(result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("half-made", "1.34", 2, 6), args)),
                ExistingClusterChecks.LOG_GROUP).status()).isEqualTo(CheckStatus.PASS);
        assertThat(result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("fresh", "1.34", 2, 6), args)),
                ExistingClusterChecks.LOG_GROUP).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void anUpgradeWhileANodeGroupLagsBehindTheControlPlaneFailsNamingIt() {
        var clients = moto.clients("us-east-1");
        existingCluster(clients, "lagging");
        // an earlier upgrade's node rollout failed: one group still runs 1.32 under a 1.33 control plane
        clients.eks().createNodegroup(r -> r.clusterName("lagging").nodegroupName("old").version("1.32")
                .nodeRole("arn:aws:iam::123456789012:role/nodes").subnets("subnet-0aaaaaaaaaaaaaaa1")
                .scalingConfig(c -> c.minSize(1).desiredSize(1).maxSize(2)));
        AwsTargetArgs args = AwsTargetArgs.builder().region("us-east-1").build();
        CheckResult upgrade = result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("lagging", "1.34", 2, 6), args)),
                ExistingClusterChecks.UPGRADE);
        assertThat(upgrade.status()).as(upgrade.message()).isEqualTo(CheckStatus.FAIL);
        assertThat(upgrade.message()).contains("node group old (1.32)").contains("keep kubernetesVersion at 1.33");
        // staying on 1.33 lets the group catch up
        assertThat(result(new PreflightReport("AWS", new ExistingClusterChecks(clients).run(laterUp("lagging", "1.33", 2, 6), args)),
                ExistingClusterChecks.UPGRADE).status()).isEqualTo(CheckStatus.PASS);
    }

    private static List<CheckResult> networkQuotas(PreflightReport report) {
        return report.results().stream().filter(r -> r.check().equals(NetworkQuotas.CHECK)).toList();
    }

    @Test
    void aRegionWithoutRoomForAnotherVpcFailsBeforeAnythingIsCreated() {
        String region = "ap-southeast-2";
        try (var clients = moto.clients(region)) {
            long existing = clients.ec2().describeVpcs().vpcs().size(); // moto, like AWS, starts with the default VPC
            for (long i = existing; i < 5; i++) {
                clients.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16"));
            }
        }
        PreflightReport report = run(AwsTargetArgs.builder().region(region).build());
        assertThat(networkQuotas(report)).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.message()).startsWith("VPCs per Region: 5 in use of a quota of 5, and this cluster's VPC needs 1 more")
                    .contains("--service-code vpc --quota-code L-F678F1CE --desired-value 6");
        });
        // an adopted VPC draws on none of these quotas
        assertThat(networkQuotas(run(AwsTargetArgs.builder().region(region).existingVpcId("vpc-0123456789abcdef0")
                .existingPrivateSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2")).build()))).isEmpty();
    }

    @Test
    void natGatewaysInEveryZoneNeedAnElasticIpEachWithinTheQuota() {
        String region = "ca-central-1";
        try (var clients = moto.clients(region)) {
            for (int i = 0; i < 3; i++) {
                clients.ec2().allocateAddress(r -> r.domain("vpc"));
            }
        }
        var oneEach = networkQuotas(run(AwsTargetArgs.builder().region(region).build()));
        assertThat(oneEach).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.message()).startsWith("EC2-VPC Elastic IPs: 3 in use of a quota of 5, and this cluster's VPC needs 3 more")
                    .contains("natMode: SINGLE");
        });
        // one NAT gateway for all zones fits
        var single = networkQuotas(run(AwsTargetArgs.builder().region(region).natMode(io.codezero.aws.NatMode.SINGLE).build()));
        assertThat(single).isNotEmpty().allSatisfy(r -> assertThat(r.status()).as(r.message()).isEqualTo(CheckStatus.PASS));
    }

    @Test
    void aZoneFullOfNatGatewaysFailsNamingTheZone() {
        String region = "sa-east-1";
        try (var clients = moto.clients(region)) {
            String vpc = clients.ec2().createVpc(r -> r.cidrBlock("10.8.0.0/16")).vpc().vpcId();
            String subnet = clients.ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.8.0.0/24").availabilityZone(region + "a"))
                    .subnet().subnetId();
            for (int i = 0; i < 5; i++) {
                clients.ec2().createNatGateway(r -> r.subnetId(subnet).connectivityType("private"));
            }
        }
        var results = networkQuotas(run(AwsTargetArgs.builder().region(region).build()));
        assertThat(results).anySatisfy(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.message()).startsWith("NAT gateways per Availability Zone (sa-east-1a): 5 in use of a quota of 5")
                    .contains("--quota-code L-FE5A380F");
        });
        assertThat(results).anySatisfy(r -> assertThat(r.message()).startsWith("NAT gateways per Availability Zone (sa-east-1b): 0 in use"));
    }
}
