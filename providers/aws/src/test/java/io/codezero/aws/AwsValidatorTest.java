package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsValidatorTest {

    private static List<String> fields(ClusterSpec spec, AwsTargetArgs args) {
        return new AwsTarget(args).validate(spec).stream().map(Problem::field).toList();
    }

    @Test
    void theAwsTagPrefixIsRefusedByTheAwsTarget() {
        ClusterSpec tagged = Fixtures.spec().toBuilder().tag("aws:owner", "me").build();
        assertThat(fields(tagged, Fixtures.args().build())).containsExactly("tags.aws:owner");
    }

    /** Before: core refused any allowlist with privateApiOnly while AWS required one in an adopted VPC, so nothing passed. */
    @Test
    void anAdoptedVpcWithAPrivateEndpointTakesTheAllowlistOfPrivateRanges() {
        ClusterSpec privateEndpoint = Fixtures.spec().toBuilder().network(NetworkSpec.builder().privateApiOnly(true)
                .allowApiAccessFrom("10.20.0.0/16").build()).build();
        AwsTargetArgs adopted = Fixtures.args().existingVpcId("vpc-0123456789abcdef0")
                .existingPrivateSubnetIds(List.of("subnet-0123456789abcdef0", "subnet-0123456789abcdef1")).build();
        assertThat(io.codezero.core.validation.ClusterSpecValidator.validate(privateEndpoint)).isEmpty();
        assertThat(new AwsTarget(adopted).validate(privateEndpoint)).isEmpty();
    }

    @Test
    void theFixtureIsValid() {
        assertThat(new AwsTarget(Fixtures.args().build()).validate(Fixtures.spec())).isEmpty();
    }

    @Test
    void thePublicEndpointNeedsAnAllowlistUnlessItIsClosed() {
        ClusterSpec open = Fixtures.spec().toBuilder().network(NetworkSpec.defaults()).build();
        List<Problem> problems = new AwsTarget(Fixtures.args().build()).validate(open);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("network.apiAccessAllowlist");
            assertThat(p.message()).contains("privateApiOnly: true");
        });
        ClusterSpec closed = Fixtures.spec().toBuilder().network(NetworkSpec.builder().privateApiOnly(true).build()).build();
        assertThat(new AwsTarget(Fixtures.args().build()).validate(closed)).isEmpty();
    }

    @Test
    void gpuClassMustMapToAGpuInstanceAndTypesMustLookLikeInstanceTypes() {
        assertThat(fields(Fixtures.spec(), Fixtures.args().instanceType(SizeClass.GPU, "m6i.2xlarge").build()))
                .containsExactly("nodePools[1].size");
        assertThat(fields(Fixtures.spec(), Fixtures.args().instanceType(SizeClass.MEDIUM, "big").build()))
                .containsExactly("aws.instanceTypes.medium");
        ClusterSpec explicit = Fixtures.spec().toBuilder().nodePools(List.of(NodePool.builder("system").machineType("not a type").build())).build();
        assertThat(fields(explicit, Fixtures.args().build())).containsExactly("nodePools[0].size");
    }

    @Test
    void nodeGroupNamesFollowEksRules() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(NodePool.builder("-bad").build(), NodePool.builder("x".repeat(64)).build())).build();
        assertThat(fields(spec, Fixtures.args().build())).containsExactly("nodePools[0].name", "nodePools[1].name");
    }

    @Test
    void adoptedNetworksNeedTwoWellFormedPrivateSubnets() {
        AwsTargetArgs args = Fixtures.args().existingVpcId("vpc-12")
                .existingPrivateSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaa1")).existingPublicSubnetIds(List.of("sn-1")).build();
        assertThat(fields(Fixtures.spec(), args)).containsExactlyInAnyOrder(
                "aws.vpc.id", "aws.vpc.privateSubnetIds", "aws.vpc.publicSubnetIds[0]");
        AwsTargetArgs orphanSubnets = Fixtures.args().existingPrivateSubnetIds(List.of("subnet-01234567", "subnet-89abcdef")).build();
        assertThat(fields(Fixtures.spec(), orphanSubnets)).containsExactly("aws.vpc.id");
        ClusterSpec privateOnly = Fixtures.spec().toBuilder().network(NetworkSpec.builder().privateApiOnly(true).build()).build();
        AwsTargetArgs adopted = Fixtures.args().existingVpcId("vpc-0123456789abcdef0")
                .existingPrivateSubnetIds(List.of("subnet-01234567", "subnet-89abcdef")).build();
        assertThat(fields(privateOnly, adopted)).containsExactly("network.apiAccessAllowlist");
        assertThat(fields(privateOnly, Fixtures.args().build())).isEmpty();
    }

    @Test
    void regionZonesAndKnobsAreChecked() {
        AwsTargetArgs args = AwsTargetArgs.builder().region("Ireland").zoneCount(1).imdsHopLimit(3).maxUnavailablePercent(0)
                .rootVolumeGiB(5).controlPlaneLogTypes(List.of("api", "everything")).kmsKeyArn("alias/mine")
                .adminPrincipalArns(List.of("bob")).tokenCommand(List.of()).build();
        assertThat(fields(Fixtures.spec(), args)).containsExactlyInAnyOrder("aws.region", "aws.zoneCount", "aws.imdsHopLimit",
                "aws.maxUnavailablePercent", "aws.rootVolumeGiB", "aws.controlPlaneLogs[1]", "aws.kmsKeyArn",
                "aws.adminPrincipalArns[0]", "aws.tokenCommand");
        AwsTargetArgs zones = Fixtures.args().availabilityZones(List.of("eu-west-1a", "us-east-1b", "eu-west-1a")).build();
        assertThat(fields(Fixtures.spec(), zones)).containsExactly("aws.availabilityZones[1]", "aws.availabilityZones[2]");
    }

    @Test
    void publicNodesAndOddVpcSizesAreRejected() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(NetworkSpec.builder().allowApiAccessFrom(Fixtures.ALLOWED)
                .privateNodes(false).vpcCidr("10.0.0.0/24").build()).build();
        assertThat(fields(spec, Fixtures.args().build())).containsExactlyInAnyOrder("network.privateNodes", "network.vpcCidr");
    }
}
