package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import io.codezero.core.spec.TaintEffect;
import io.codezero.core.target.SpecField;
import io.codezero.core.validation.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AzureValidatorTest {

    private static List<Problem> validate(ClusterSpec spec, AzureTargetArgs args) {
        return AzureValidator.validate(spec, args);
    }

    private static Problem only(List<Problem> problems, String field) {
        assertThat(problems).extracting(Problem::field).contains(field);
        return problems.stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void theFixtureIsValid() {
        assertThat(validate(Fixtures.spec(), Fixtures.args().build())).isEmpty();
    }

    @Test
    void locationIsRequiredAndMustBeAnArmName() {
        assertThat(only(validate(Fixtures.spec(), AzureTargetArgs.builder().build()), "azure.location").message()).contains("required");
        Problem spaced = only(validate(Fixtures.spec(), AzureTargetArgs.builder().location("West Europe").build()), "azure.location");
        assertThat(spaced.message()).contains("westeurope");
    }

    @Test
    void poolNamesFollowAksRulesForLinuxPools() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(
                NodePool.builder("general").build(),
                NodePool.builder("Batch-Workers").build(),
                NodePool.builder("averyverylongname").build(),
                NodePool.builder(AksNames.SYSTEM_POOL).build())).build();
        List<Problem> problems = validate(spec, Fixtures.args().build());
        assertThat(problems).extracting(Problem::field).doesNotContain("nodePools[0].name");
        assertThat(only(problems, "nodePools[1].name").message()).contains("lowercase").contains("batchworkers");
        assertThat(only(problems, "nodePools[2].name").message()).contains("12");
        assertThat(only(problems, "nodePools[3].name").message()).contains("system pool");
    }

    @Test
    void vmSizesMustBeAzureSizesAndGpuMustBeNSeries() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(
                NodePool.builder("a").machineType("m6i.xlarge").build(),
                NodePool.builder("b").size(SizeClass.GPU).build())).build();
        List<Problem> problems = validate(spec, Fixtures.args().vmSize(SizeClass.GPU, "Standard_D8s_v5").systemPoolVmSize("big").build());
        assertThat(only(problems, "nodePools[0].size").message()).contains("not an Azure VM size");
        assertThat(only(problems, "nodePools[1].size").message()).contains("N-series");
        assertThat(problems).extracting(Problem::field).contains("azure.systemPool.vmSize");
    }

    @Test
    void tagsFollowAzureRules() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("cost/center", "1");
        tags.put("microsoft-owned", "x");
        ClusterSpec spec = Fixtures.spec().toBuilder().tags(tags).build();
        List<Problem> problems = validate(spec, Fixtures.args().build());
        assertThat(only(problems, "tags.cost/center").message()).contains("cannot contain");
        assertThat(only(problems, "tags.microsoft-owned").message()).contains("reserved");
        Map<String, String> many = new LinkedHashMap<>();
        IntStream.range(0, 49).forEach(i -> many.put("k" + i, "v"));
        assertThat(only(validate(Fixtures.spec().toBuilder().tags(many).build(), Fixtures.args().build()), "tags").message()).contains("48");
    }

    @Test
    void overlayCidrRules() {
        ClusterSpec reserved = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder()
                .podCidr("172.30.0.0/16").serviceCidr("169.254.0.0/16").build()).build();
        List<Problem> problems = validate(reserved, Fixtures.args().build());
        assertThat(only(problems, "network.podCidr").message()).contains("reserves");
        assertThat(only(problems, "network.serviceCidr").message()).contains("reserves");

        ClusterSpec tooSmall = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder().podCidr("10.100.0.0/22").build()).build();
        assertThat(only(validate(tooSmall, Fixtures.args().build()), "network.podCidr").message()).contains("4 node /24 blocks");

        ClusterSpec tinyVnet = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder().vpcCidr("10.0.0.0/26").build()).build();
        assertThat(only(validate(tinyVnet, Fixtures.args().build()), "network.vpcCidr").message()).contains("/24");
    }

    @Test
    void apiAccessNeedsAnAllowlistOrAPrivateCluster() {
        ClusterSpec open = Fixtures.spec().toBuilder().network(NetworkSpec.defaults()).build();
        assertThat(only(validate(open, Fixtures.args().build()), "network.apiAccessAllowlist").message()).contains("whole internet");
        ClusterSpec both = Fixtures.spec().toBuilder().network(NetworkSpec.builder().privateApiOnly(true).allowApiAccessFrom("10.1.0.0/16").build()).build();
        assertThat(only(validate(both, Fixtures.args().build()), "network.apiAccessAllowlist").message()).contains("private AKS cluster");
    }

    @Test
    void adoptedNetworkAndKeyAndEnumsAreChecked() {
        AzureTargetArgs args = Fixtures.args()
                .existingSubnetId("/subscriptions/x/vnets/y")
                .outboundType("natGateway")
                .kmsKeyId("https://kv.vault.azure.net/keys/k")
                .autoUpgradeChannel("weekly")
                .skuTier("Gold")
                .supportPlan("AKSLongTermSupport")
                .maxSurge("150%")
                .zones(List.of("1", "4", "1"))
                .adminPrincipalIds(List.of("bob"))
                .tokenCommand(List.of())
                .build();
        List<Problem> problems = validate(Fixtures.spec(), args);
        assertThat(problems).extracting(Problem::field).contains("azure.vnet.subnetId", "azure.vnet.outboundType", "azure.kms.keyId",
                "azure.kms.keyVaultId", "azure.autoUpgradeChannel", "azure.skuTier", "azure.maxSurge", "azure.zones[1]", "azure.zones[2]",
                "azure.adminPrincipalIds[0]", "azure.tokenCommand");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        assertThat(only(validate(Fixtures.spec(), Fixtures.args().skuTier("Standard").supportPlan("AKSLongTermSupport").build()), "azure.supportPlan")
                .message()).contains("Premium");
        assertThat(only(validate(Fixtures.spec(), Fixtures.args().outboundType("loadBalancer").build()), "azure.vnet.outboundType")
                .message()).contains("adopted subnet");
    }

    @Test
    void reservedLabelsAndTaintsAreRefused() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(NodePool.builder("a")
                .label("kubernetes.azure.com/mode", "user")
                .taint(Taint.of("kubernetes.azure.com/scalesetpriority", "spot", TaintEffect.NoSchedule)).build())).build();
        List<Problem> problems = validate(spec, Fixtures.args().build());
        assertThat(problems).extracting(Problem::field).contains("nodePools[0].labels", "nodePools[0].taints[0].key");
    }

    @Test
    void publicNodesAreRefusedThroughHonours() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder().privateNodes(false).build()).build();
        AzureTarget target = new AzureTarget(Fixtures.args().build());
        List<Problem> problems = SpecField.unhonoured(spec, target.honours(), target.description());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("network.privateNodes");
            assertThat(p.message()).contains("azure (AKS) target");
        });
    }
}
