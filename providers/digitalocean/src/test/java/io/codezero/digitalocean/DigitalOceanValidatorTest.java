package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every DigitalOcean rule, each reported with the config path and what would be valid. */
class DigitalOceanValidatorTest {

    private static List<Problem> problems(ClusterSpec spec, DigitalOceanTargetArgs args) {
        return DigitalOceanValidator.validate(spec, args);
    }

    private static Problem only(List<Problem> problems, String field) {
        assertThat(problems).extracting(Problem::field).contains(field);
        return problems.stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void theFixtureIsValid() {
        assertThat(problems(Fixtures.spec(), Fixtures.args().build())).isEmpty();
    }

    @Test
    void aPoolThatWouldScaleToZeroIsRefusedBecauseDoksKeepsOneNode() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(
                NodePool.builder("batch").size(SizeClass.LARGE).scaling(0, 0, 4).build())).build();
        Problem problem = only(problems(spec, Fixtures.args().build()), "nodePools[0].minNodes");
        assertThat(problem.value()).isEqualTo("0");
        assertThat(problem.message()).contains("at least 1", "min_nodes >= 1", "minNodes: 1");
    }

    @Test
    void anAllowlistNeedsTheInviteOnlyFirewallOptedIntoExplicitly() {
        Problem problem = only(problems(Fixtures.spec(), Fixtures.args().controlPlaneFirewall(false).build()), "network.apiAccessAllowlist");
        assertThat(problem.message()).contains("control-plane firewall", "by invitation", "digitalocean.controlPlaneFirewall: true",
                "network.apiOpenToInternet: true");
        ClusterSpec open = Fixtures.spec().toBuilder().network(Fixtures.network().apiAccessAllowlist(List.of()).apiOpenToInternet(true).build()).build();
        assertThat(problems(open, Fixtures.args().controlPlaneFirewall(false).build())).isEmpty();
    }

    @Test
    void regionIsRequiredAndMustBeASlug() {
        assertThat(only(problems(Fixtures.spec(), Fixtures.args().region(null).build()), "digitalocean.region").message()).contains("fra1");
        Problem bad = only(problems(Fixtures.spec(), Fixtures.args().region("Frankfurt 1").build()), "digitalocean.region");
        assertThat(bad.value()).isEqualTo("Frankfurt 1");
        assertThat(bad.message()).contains("three lowercase letters and a digit");
    }

    @Test
    void theVpcRangeMustBePrivateAndBetweenSlash16AndSlash24() {
        ClusterSpec wide = Fixtures.spec().toBuilder().network(Fixtures.network().vpcCidr("10.0.0.0/12").build()).build();
        assertThat(only(problems(wide, Fixtures.args().build()), "network.vpcCidr").message()).contains("/16 and /24");
        ClusterSpec tiny = Fixtures.spec().toBuilder().network(Fixtures.network().vpcCidr("10.20.0.0/26").build()).build();
        assertThat(only(problems(tiny, Fixtures.args().build()), "network.vpcCidr").message()).contains("/16 and /24");
        ClusterSpec pub = Fixtures.spec().toBuilder().network(Fixtures.network().vpcCidr("100.64.0.0/16").build()).build();
        assertThat(only(problems(pub, Fixtures.args().build()), "network.vpcCidr").message()).contains("RFC 1918");
    }

    @Test
    void podAndServiceRangesMustBePrivate() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(Fixtures.network().podCidr("100.96.0.0/16").serviceCidr("198.18.0.0/16").build()).build();
        List<Problem> problems = problems(spec, Fixtures.args().build());
        assertThat(only(problems, "network.podCidr").message()).contains("10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
        assertThat(only(problems, "network.serviceCidr").message()).contains("RFC 1918");
    }

    @Test
    void privateNodesMustBeAcknowledgedAsPublic() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(Fixtures.network().privateNodes(true).build()).build();
        assertThat(only(problems(spec, Fixtures.args().build()), "network.privateNodes").message()).contains("privateNodes: false");
    }

    @Test
    void anEmptyAllowlistNeedsTheExplicitOptIn() {
        ClusterSpec open = Fixtures.spec().toBuilder().network(Fixtures.network().apiAccessAllowlist(List.of()).build()).build();
        assertThat(only(problems(open, Fixtures.args().build()), "network.apiAccessAllowlist").message()).contains("apiOpenToInternet");
        ClusterSpec accepted = Fixtures.spec().toBuilder().network(Fixtures.network().apiAccessAllowlist(List.of()).apiOpenToInternet(true).build()).build();
        assertThat(problems(accepted, Fixtures.args().build())).isEmpty();
    }

    @Test
    void anAdoptedVpcIsAUuidAndExcludesAVpcRange() {
        List<Problem> problems = problems(Fixtures.spec(), Fixtures.args().existingVpcId("vpc-123").build());
        assertThat(only(problems, "digitalocean.vpcId").message()).contains("UUID");
        assertThat(only(problems, "network.vpcCidr").message()).contains("adopts an existing one");
    }

    @Test
    void poolsAreCheckedForDigitalOceansRules() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(
                NodePool.builder("base").size(SizeClass.SMALL).build(),
                NodePool.builder("cheap").size(SizeClass.SMALL).spot(true).build(),
                NodePool.builder("odd").machineType("M6I.XLARGE").build(),
                NodePool.builder("gpu").size(SizeClass.GPU).build())).build();
        List<Problem> problems = problems(spec, Fixtures.args().dropletSize(SizeClass.GPU, "g-8vcpu-32gb").dropletSize(SizeClass.LARGE, "large!").build());
        assertThat(only(problems, "nodePools[0].name").message()).contains("built-in pool");
        assertThat(only(problems, "nodePools[1].spot").message()).contains("no spot");
        assertThat(only(problems, "nodePools[2].machineType").message()).contains("Droplet size slug");
        assertThat(only(problems, "nodePools[3].size").message()).contains("GPU Droplet");
        assertThat(only(problems, "digitalocean.dropletSizes.large").value()).isEqualTo("large!");
    }

    @Test
    void tagsFollowDigitalOceansTagNameRules() {
        ClusterSpec spec = Fixtures.spec().toBuilder().tag("cost center", "x").tag("team", "plat form").tag("k8s", "mine")
                .tag("long", "x".repeat(260)).build();
        List<Problem> problems = problems(spec, Fixtures.args().build());
        assertThat(only(problems, "tags.cost center").message()).contains("letters, digits, ':', '-' and '_'");
        assertThat(only(problems, "tags.team").message()).contains("change the value");
        assertThat(only(problems, "tags.k8s").message()).contains("reserved");
        assertThat(only(problems, "tags.long").message()).contains("255");
        assertThat(DoTags.of(java.util.Map.of("env", "dev", "billing", ""), "demo")).contains("env:dev", "billing", "codezero", "codezero-cluster:demo");
    }

    @Test
    void targetSettingsAreChecked() {
        List<Problem> problems = problems(Fixtures.spec(), Fixtures.args()
                .builtInPoolSize("tiny").builtInPoolNodes(0).maintenanceWindow("caturday", "25:00")
                .projectEnvironment("Prod").versionSlug("1.34.1-do.0").tokenCommand(List.of()).credentialSeconds(30).build());
        assertThat(only(problems, "digitalocean.builtInPool.size").value()).isEqualTo("tiny");
        assertThat(only(problems, "digitalocean.builtInPool.nodes").message()).contains("between 1 and 10");
        assertThat(only(problems, "digitalocean.maintenanceWindow.day").message()).contains("monday");
        assertThat(only(problems, "digitalocean.maintenanceWindow.startTime").message()).contains("HH:MM");
        assertThat(only(problems, "digitalocean.project.environment").message()).contains("Development, Staging, Production");
        assertThat(only(problems, "digitalocean.versionSlug").message()).contains("kubernetesVersion is 1.33");
        assertThat(only(problems, "digitalocean.tokenCommand").message()).contains("codezero-doks-token");
        assertThat(only(problems, "digitalocean.credentialSeconds").message()).contains("600 and 86400");
        assertThat(only(problems(Fixtures.spec(), Fixtures.args().versionSlug("latest").build()), "digitalocean.versionSlug").message())
                .contains("1.34.1-do.0");
    }
}
