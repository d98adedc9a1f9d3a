package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureTargetConfigTest {
    private static final String SUB = "11111111-2222-3333-4444-555555555555";

    @Test
    void readsEveryKey() {
        Map<String, Object> values = Map.ofEntries(
                Map.entry("location", "northeurope"),
                Map.entry("subscriptionId", SUB),
                Map.entry("tenantId", SUB),
                Map.entry("resourceGroup", "platform"),
                Map.entry("adoptResourceGroup", true),
                Map.entry("zones", List.of("1", "2")),
                Map.entry("vnet", Map.of("subnetId", Fixtures.SUBNET_ID, "outboundType", "userDefinedRouting", "egressCidrs", List.of("20.1.2.3/32"))),
                Map.entry("vmSizes", Map.of("gpu", "Standard_NC24ads_A100_v4", "small", "Standard_D2as_v5")),
                Map.entry("systemPool", Map.of("vmSize", "Standard_D4s_v5", "count", 3.0)),
                Map.entry("osSku", "Ubuntu"),
                Map.entry("osDiskSizeGB", 256.0),
                Map.entry("maxSurge", "1"),
                Map.entry("autoUpgradeChannel", "patch"),
                Map.entry("skuTier", "Premium"),
                Map.entry("supportPlan", "AKSLongTermSupport"),
                Map.entry("adminGroupObjectIds", List.of(SUB)),
                Map.entry("adminPrincipalIds", List.of(SUB)),
                Map.entry("grantDeployerAdmin", false),
                Map.entry("secretsEncryption", "keyVault"),
                Map.entry("kms", Map.of("keyId", "https://corp.vault.azure.net/keys/aks/0123456789abcdef0123456789abcdef",
                        "keyVaultId", "/subscriptions/" + SUB + "/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/corp")),
                Map.entry("azureMonitorMetrics", true),
                Map.entry("logAnalyticsWorkspaceId", "/subscriptions/" + SUB + "/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/logs"),
                Map.entry("tokenCommand", List.of("java", "-jar", "/opt/codezero/codezero-aks-token.jar")),
                Map.entry("preflight", "true"),
                Map.entry("manageNodeCount", true),
                Map.entry("protectCluster", false),
                Map.entry("createRoleAssignments", true),
                Map.entry("controlPlaneIdentityId", "/subscriptions/" + SUB + "/resourceGroups/ops/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cp"));
        ConfigObject config = ConfigObject.root("codezero:azure", values);
        AzureTarget target = AzureTarget.fromConfig(config);
        AzureTargetArgs args = target.args();
        assertThat(config.problems()).isEmpty();
        assertThat(target.kind()).isEqualTo("azure");
        assertThat(args.location()).isEqualTo("northeurope");
        assertThat(args.subscriptionId()).contains(SUB);
        assertThat(args.resourceGroupFor("x")).isEqualTo("platform");
        assertThat(args.adoptResourceGroup()).isTrue();
        assertThat(args.zones()).containsExactly("1", "2");
        assertThat(args.existingSubnetId()).contains(Fixtures.SUBNET_ID);
        assertThat(args.effectiveOutboundType()).isEqualTo("userDefinedRouting");
        assertThat(args.vmSizes().resolve(io.codezero.core.spec.MachineSize.of(SizeClass.GPU))).contains("Standard_NC24ads_A100_v4");
        assertThat(args.vmSizes().resolve(io.codezero.core.spec.MachineSize.of(SizeClass.MEDIUM))).contains("Standard_D4s_v5");
        assertThat(args.systemPoolVmSize()).isEqualTo("Standard_D4s_v5");
        assertThat(args.systemPoolCount()).isEqualTo(3);
        assertThat(args.osSku()).isEqualTo("Ubuntu");
        assertThat(args.osDiskSizeGB()).isEqualTo(256);
        assertThat(args.maxSurge()).isEqualTo("1");
        assertThat(args.autoUpgradeChannel()).isEqualTo("patch");
        assertThat(args.supportPlan()).isEqualTo("AKSLongTermSupport");
        assertThat(args.grantDeployerAdmin()).isFalse();
        assertThat(args.kmsKeyId()).isPresent();
        assertThat(args.azureMonitorMetrics()).isTrue();
        assertThat(args.tokenCommand()).containsExactly("java", "-jar", "/opt/codezero/codezero-aks-token.jar");
        assertThat(args.preflight()).isTrue();
        assertThat(args.manageNodeCount()).isTrue();
        assertThat(args.egressCidrs()).containsExactly("20.1.2.3/32");
        assertThat(args.protectCluster()).isFalse();
        assertThat(args.controlPlaneIdentityId()).isPresent();
        assertThat(target.validate(Fixtures.spec())).isEmpty();
    }

    @Test
    void defaultsAreTheSecureOnes() {
        AzureTargetArgs args = AzureTarget.fromConfig(ConfigObject.root("codezero:azure", Map.of("location", "westeurope"))).args();
        assertThat(args.secretsEncryption()).isEqualTo(AzureTargetArgs.SecretsEncryption.KEY_VAULT);
        assertThat(args.autoUpgradeChannel()).isEqualTo("none");
        assertThat(args.zones()).containsExactly("1", "2", "3");
        assertThat(args.adoptsNetwork()).isFalse();
        assertThat(args.azureMonitorMetrics()).isFalse();
        assertThat(args.logAnalyticsWorkspaceId()).isEmpty();
        assertThat(args.grantDeployerAdmin()).isTrue();
        assertThat(args.skuTier()).isEqualTo("Standard");
        assertThat(args.tokenCommand()).containsExactly("codezero-aks-token");
        assertThat(args.preflight()).isFalse();
        assertThat(args.manageNodeCount()).isFalse();
    }

    @Test
    void unknownKeysAndWrongTypesAreProblemsNotCrashes() {
        ConfigObject config = ConfigObject.root("codezero:azure", Map.of(
                "location", "westeurope",
                "zone", List.of("1"),
                "vnet", Map.of("subnetID", "x"),
                "vmSizes", Map.of("huge", "Standard_M128s"),
                "systemPool", "big",
                "osDiskSizeGB", "lots",
                "secretsEncryption", "cmk",
                "preflight", "maybe"));
        AzureTarget.fromConfig(config);
        assertThat(config.problems()).extracting(Problem::field).contains("codezero:azure.zone", "codezero:azure.vnet.subnetID",
                "codezero:azure.vmSizes.huge", "codezero:azure.systemPool", "codezero:azure.osDiskSizeGB",
                "codezero:azure.secretsEncryption", "codezero:azure.preflight");
    }
}
