package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsTargetConfigTest {

    @Test
    void readsEveryKey() {
        Map<String, Object> values = Map.ofEntries(
                Map.entry("region", "eu-central-1"),
                Map.entry("availabilityZones", List.of("eu-central-1a", "eu-central-1b")),
                Map.entry("natMode", "single"),
                Map.entry("vpc", Map.of("id", "vpc-0123456789abcdef0", "privateSubnetIds", List.of("subnet-01234567", "subnet-89abcdef"))),
                Map.entry("instanceTypes", Map.of("gpu", "g6.2xlarge", "small", "t3.large")),
                Map.entry("kmsKeyArn", "arn:aws:kms:eu-central-1:123456789012:key/abc"),
                Map.entry("controlPlaneLogs", List.of("api", "audit")),
                Map.entry("adminPrincipalArns", List.of("arn:aws:iam::123456789012:role/admins")),
                Map.entry("tokenCommand", List.of("java", "-jar", "/opt/codezero/codezero-eks-token.jar")),
                Map.entry("profile", "prod"),
                Map.entry("preflight", true),
                Map.entry("maxUnavailablePercent", 20.0),
                Map.entry("rootVolumeGiB", 100.0),
                Map.entry("imdsHopLimit", 2.0),
                Map.entry("manageDesiredSize", "true"),
                Map.entry("addonVersions", Map.of("coredns", "v1.11.4-eksbuild.2")));
        ConfigObject config = ConfigObject.root("codezero:aws", values);
        AwsTarget target = AwsTarget.fromConfig(config);
        AwsTargetArgs args = target.args();
        assertThat(config.problems()).isEmpty();
        assertThat(target.kind()).isEqualTo("aws");
        assertThat(args.region()).isEqualTo("eu-central-1");
        assertThat(args.zoneCount()).isEqualTo(2);
        assertThat(args.natMode()).isEqualTo(NatMode.SINGLE);
        assertThat(args.existingVpcId()).contains("vpc-0123456789abcdef0");
        assertThat(args.existingPrivateSubnetIds()).containsExactly("subnet-01234567", "subnet-89abcdef");
        assertThat(args.instanceTypes().mapping()).containsEntry(SizeClass.GPU, "g6.2xlarge").containsEntry(SizeClass.SMALL, "t3.large")
                .containsEntry(SizeClass.MEDIUM, "m6i.xlarge");
        assertThat(args.tokenCommand()).containsExactly("java", "-jar", "/opt/codezero/codezero-eks-token.jar");
        assertThat(args.awsProfile()).contains("prod");
        assertThat(args.preflight()).isTrue();
        assertThat(args.maxUnavailablePercent()).isEqualTo(20);
        assertThat(args.imdsHopLimit()).isEqualTo(2);
        assertThat(args.manageDesiredSize()).isTrue();
        assertThat(args.addonVersions()).containsEntry("coredns", "v1.11.4-eksbuild.2");
        assertThat(args.controlPlaneLogTypes()).containsExactly("api", "audit");
    }

    @Test
    void readsTheSupportTypeAndTheAutoscalerSettings() {
        ConfigObject config = ConfigObject.root("codezero:aws", Map.of("region", "eu-west-1", "zoneCount", 2.0,
                "availabilityZones", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                "supportType", "EXTENDED",
                "clusterAutoscaler", Map.of("enabled", false, "scaleDownUnneededTime", "5m", "scaleDownDelayAfterAdd", "2m",
                        "scaleDownUtilizationThreshold", 0.7, "expander", "random", "scaleDownTme", "1m")));
        AwsTargetArgs args = AwsTarget.fromConfig(config).args();
        assertThat(config.problems()).extracting(Problem::field).containsExactly("codezero:aws.clusterAutoscaler.scaleDownTme");
        assertThat(args.supportType()).isEqualTo("EXTENDED");
        assertThat(args.zoneCountGiven()).contains(2);
        assertThat(args.clusterAutoscaler()).isEqualTo(new io.codezero.aws.autoscaling.AutoscalerSettings(
                java.util.Optional.of(false), "5m", "2m", "0.7", "random"));
        AwsTargetArgs defaults = AwsTarget.fromConfig(ConfigObject.root("codezero:aws", Map.of("region", "eu-west-1"))).args();
        assertThat(defaults.supportType()).isEqualTo("STANDARD");
        assertThat(defaults.zoneCountGiven()).isEmpty();
        assertThat(defaults.clusterAutoscaler()).isEqualTo(io.codezero.aws.autoscaling.AutoscalerSettings.DEFAULTS);
    }

    @Test
    void defaultsAreTheSecureOnes() {
        AwsTargetArgs args = AwsTarget.fromConfig(ConfigObject.root("codezero:aws", Map.of("region", "eu-west-1"))).args();
        assertThat(args.zoneCount()).isEqualTo(3);
        assertThat(args.natMode()).isEqualTo(NatMode.ONE_PER_ZONE);
        assertThat(args.imdsHopLimit()).isEqualTo(1);
        assertThat(args.controlPlaneLogTypes()).hasSize(5);
        assertThat(args.tokenCommand()).containsExactly("codezero-eks-token");
        assertThat(args.kmsKeyArn()).isEmpty();
        assertThat(args.manageDesiredSize()).isFalse();
        assertThat(args.preflight()).isFalse();
    }

    @Test
    void reportsEveryTypeErrorAndUnknownKeyAtOnce() {
        ConfigObject config = ConfigObject.root("codezero:aws", Map.of(
                "region", "eu-west-1",
                "natMode", "two",
                "zoneCount", "three",
                "vpc", Map.of("id", "vpc-01234567", "subnets", List.of("subnet-01234567")),
                "instanceTypes", Map.of("huge", "x2.32xlarge"),
                "regoin", "eu-west-2"));
        AwsTarget.fromConfig(config);
        assertThat(config.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "codezero:aws.natMode", "codezero:aws.zoneCount", "codezero:aws.vpc.subnets",
                "codezero:aws.instanceTypes.huge", "codezero:aws.regoin");
        assertThat(config.problems()).extracting(Problem::message)
                .contains("is not a NAT mode; valid modes are ONE_PER_ZONE, SINGLE");
    }

    @Test
    void anInstanceTypeThatIsNotASingleValueIsAProblemNotACrash() {
        ConfigObject config = ConfigObject.root("codezero:aws", Map.of(
                "region", "eu-west-1",
                "instanceTypes", Map.of("gpu", List.of("g5.2xlarge", "g6.2xlarge"))));
        AwsTargetArgs args = AwsTarget.fromConfig(config).args();
        assertThat(config.problems()).extracting(Problem::field).containsExactly("codezero:aws.instanceTypes.gpu");
        assertThat(args.instanceTypes().mapping()).containsEntry(SizeClass.GPU, InstanceTypes.DEFAULTS.get(SizeClass.GPU));
    }
}
