package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.azure.cluster.AgentPools;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Rules Azure enforces at deploy time that the plan alone would not show (issue 21): each test
 * names the rule it holds; docs/azure.md's "What Azure checks that the plan cannot" lists them.
 */
@SuppressWarnings("unchecked")
class AzureRulesTest {
    static final String CLUSTER = "azure-native:containerservice:ManagedCluster";

    @Test
    void theNatGatewayEgressIpIsAnAuthorizedIpRangeSoNodesReachTheApiServer() {
        var ip = new AtomicReference<String>();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (cluster, parent) -> cluster.handles(AksClusterHandles.class)
                .natPublicIp().orElseThrow().ipAddress().applyValue(a -> {
                    ip.set(a.orElse(null));
                    return a;
                }));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get(CLUSTER, "demo-aks");
        String natIp = ip.get();
        assertThat(natIp).isNotBlank();
        assertThat((List<String>) aks.input("apiServerAccessProfile.authorizedIPRanges")).containsExactly(Fixtures.ALLOWED, natIp + "/32");
    }

    @Test
    void anAdoptedSubnetOfAPublicClusterNeedsItsEgressIpsAndTheyAreAuthorized() {
        var adopted = Fixtures.args().existingSubnetId(Fixtures.SUBNET_ID);
        List<Problem> problems = AzureValidator.validate(Fixtures.spec(), adopted.build());
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("azure.vnet.egressCidrs");
            assertThat(p.message()).contains("authorized IP range").contains("/32").contains("privateApiOnly");
        });
        // a load balancer's outbound IP is added by AKS itself
        assertThat(AzureValidator.validate(Fixtures.spec(), Fixtures.args().existingSubnetId(Fixtures.SUBNET_ID).outboundType("loadBalancer").build()))
                .noneSatisfy(p -> assertThat(p.field()).isEqualTo("azure.vnet.egressCidrs"));
        OfflineRun run = Fixtures.run(Fixtures.spec(), adopted.egressCidrs(List.of("20.1.2.3/32")).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat((List<String>) run.get(CLUSTER, "demo-aks").input("apiServerAccessProfile.authorizedIPRanges"))
                .containsExactly(Fixtures.ALLOWED, "20.1.2.3/32");
    }

    @Test
    void theAllowlistLeavesRoomForTheEgressRangeWithinAksLimitOf200() {
        var network = io.codezero.core.spec.NetworkSpec.builder();
        for (int i = 0; i < 200; i++) {
            network.allowApiAccessFrom("198.51." + (i / 250) + "." + (i % 250) + "/32");
        }
        var spec = Fixtures.spec().toBuilder().network(network.build()).build();
        assertThat(AzureValidator.validate(spec, Fixtures.args().build())).anySatisfy(p ->
                assertThat(p.message()).contains("at most 200").contains("keep at most 199"));
    }

    @Test
    void theKeyVaultNameIsGloballyUniquePerDeploymentAndStableAcrossRuns() {
        var principalId = new AtomicReference<String>();
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (cluster, parent) -> cluster.handles(AksClusterHandles.class)
                .clusterIdentityPrincipalId().applyValue(p -> {
                    principalId.set(p);
                    return p;
                }));
        OfflineRun again = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        String name = (String) first.get("azure-native:keyvault:Vault", "demo-secrets-vault").input("vaultName");
        // from the control plane identity's principal id: Azure picks it at creation, the state keeps it
        String principal = principalId.get();
        assertThat(name).isEqualTo(AksNames.keyVaultName("demo", principal)).matches("[a-z][a-z0-9-]{2,23}");
        assertThat(again.get("azure-native:keyvault:Vault", "demo-secrets-vault").input("vaultName")).isEqualTo(name);
        // the same cluster, resource group and location in another deployment (another identity) gets another name
        assertThat(AksNames.keyVaultName("demo", "6f1c0a52-8a1e-4a55-9d0c-3c1bd3d2a001")).isNotEqualTo(AksNames.keyVaultName("demo", principal));
    }

    @Test
    void theSystemPoolHasAtLeastFourVcpusAndThreeNodesByDefault() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        Map<String, Object> system = ((List<Map<String, Object>>) run.get(CLUSTER, "demo-aks").input("agentPoolProfiles")).get(0);
        assertThat(system.get("vmSize")).isEqualTo("Standard_D4s_v5");
        assertThat(((Number) system.get("count")).intValue()).isEqualTo(3);
        assertThat(VmSizes.vcpusOf("Standard_D4s_v5")).hasValue(4);
        assertThat(VmSizes.vcpusOf("Standard_E32-8ds_v5")).hasValue(8);
        assertThat(VmSizes.vcpusOf("Standard_NC8as_T4_v3")).hasValue(8);
        List<Problem> problems = AzureValidator.validate(Fixtures.spec(), Fixtures.args().systemPoolVmSize("Standard_D2s_v5").build());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("azure.systemPool.vmSize");
            assertThat(p.message()).contains("has 2 vCPUs").contains("at least 4").contains("Standard_D4s_v5");
        });
    }

    @Test
    void aFixedSizePoolResizesWhileAnAutoscaledPoolLeavesItsCountToTheAutoscaler() {
        var fixed = NodePool.builder("fixed").size(SizeClass.SMALL).scaling(3, 3, 3).build();
        var autoscaled = NodePool.builder("auto").size(SizeClass.SMALL).scaling(1, 2, 5).build();
        assertThat(AgentPools.ignoredChanges(Fixtures.args().build(), fixed)).isEmpty();
        assertThat(AgentPools.ignoredChanges(Fixtures.args().build(), autoscaled)).containsExactly(AgentPools.COUNT);
        var spec = Fixtures.spec().toBuilder().nodePools(List.of(fixed, autoscaled)).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().build());
        assertThat(run.get("azure-native:containerservice:AgentPool", "demo-fixed").ignoreChanges()).isEmpty();
        assertThat(run.get("azure-native:containerservice:AgentPool", "demo-auto").ignoreChanges()).containsExactly("count");
        // 3/3 -> 5/5 reaches AKS as a count change
        var grown = spec.toBuilder().nodePools(List.of(NodePool.builder("fixed").size(SizeClass.SMALL).scaling(5, 5, 5).build(), autoscaled)).build();
        assertThat(Fixtures.run(grown, Fixtures.args().build()).get("azure-native:containerservice:AgentPool", "demo-fixed").input("count")).isEqualTo(5.0);
    }

    @Test
    void preMadeGrantsNeedAnExistingIdentityAndNoGrantIsCreated() {
        assertThat(AzureValidator.validate(Fixtures.spec(), Fixtures.args().createRoleAssignments(false).build()))
                .extracting(Problem::field).contains("azure.controlPlaneIdentityId", "azure.grantDeployerAdmin");
        String identity = "/subscriptions/" + AzurePlanMocks.SUBSCRIPTION + "/resourceGroups/ops/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-cp";
        var args = Fixtures.args().createRoleAssignments(false).grantDeployerAdmin(false).controlPlaneIdentityId(identity).build();
        assertThat(AzureValidator.validate(Fixtures.spec(), args)).isEmpty();
        OfflineRun run = Fixtures.run(Fixtures.spec(), args);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("azure-native:authorization:RoleAssignment")).isEmpty();
        assertThat(run.ofType("azure-native:managedidentity:UserAssignedIdentity")).isEmpty();
        assertThat((List<String>) run.get(CLUSTER, "demo-aks").input("identity.userAssignedIdentities")).containsExactly(identity);
    }

    @Test
    void theKubeconfigAlwaysNamesTheTenantEvenWhenTheStackDoesNot() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        Map<String, Object> kubeconfig = new com.google.gson.Gson().fromJson((String) run.outputs().get("kubeconfig").value(), Map.class);
        Map<String, Object> exec = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>) kubeconfig.get("users")).get(0).get("user")).get("exec");
        // the deploying credential's tenant (getClientConfig), so a helper whose identity has another home tenant asks the right one
        assertThat((List<String>) exec.get("args")).containsSequence("--tenant-id", AzurePlanMocks.TENANT);
    }

    @Test
    void theHandlesNameTheClustersTypedResources() {
        var handles = new AtomicReference<AksClusterHandles>();
        var values = new java.util.concurrent.ConcurrentHashMap<String, String>();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (cluster, parent) -> {
            AksClusterHandles h = cluster.handles(AksClusterHandles.class);
            handles.set(h);
            h.oidcIssuerUrl().applyValue(v -> values.put("oidc", v));
            h.kubeletIdentityObjectId().applyValue(v -> values.put("kubelet", v));
            h.endpoint().applyValue(v -> values.put("endpoint", v));
            h.resourceGroupName().applyValue(v -> values.put("group", v));
            h.subnetId().applyValue(v -> values.put("subnet", v));
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        AksClusterHandles h = handles.get();
        assertThat(h.managedCluster().pulumiResourceName()).isEqualTo("demo-aks");
        assertThat(h.natPublicIp()).hasValueSatisfying(ip -> assertThat(ip.pulumiResourceName()).isEqualTo("demo-nat-ip"));
        assertThat(h.keyVault()).hasValueSatisfying(v -> assertThat(v.pulumiResourceName()).isEqualTo("demo-secrets-vault"));
        assertThat(h.vnetId()).isPresent();
        assertThat(values.get("oidc")).startsWith("https://westeurope.oic.prod-aks.azure.com/");
        assertThat(values.get("kubelet")).isNotBlank();
        assertThat(values.get("endpoint")).matches("https://demo-[0-9a-f]{8}\\.hcp\\.westeurope\\.azmk8s\\.io:443");
        assertThat(values.get("group")).isEqualTo("demo-rg");
        assertThat(values.get("subnet")).isEqualTo(Fixtures.NODE_SUBNET_ID);
    }

    @Test
    void theSystemPoolsFixedSettingsAreNeverSentAsAnInPlaceUpdate() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.get(CLUSTER, "demo-aks").ignoreChanges()).containsExactlyInAnyOrderElementsOf(io.codezero.azure.cluster.AksCluster.SYSTEM_POOL_FIXED);
        // every path names an input the system pool sets
        Map<String, Object> system = ((List<Map<String, Object>>) run.get(CLUSTER, "demo-aks").input("agentPoolProfiles")).get(0);
        assertThat(io.codezero.azure.cluster.AksCluster.SYSTEM_POOL_FIXED).allSatisfy(path ->
                assertThat(system).containsKey(path.substring(path.indexOf('.') + 1)));
    }

    @Test
    void spotPoolsDeclareTheLabelAndTaintAksAddsSoRefreshShowsNoDiff() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        PlannedResource gpu = run.get("azure-native:containerservice:AgentPool", "demo-gpu");
        assertThat((Map<String, Object>) gpu.input("nodeLabels")).containsEntry("kubernetes.azure.com/scalesetpriority", "spot");
        assertThat((List<String>) gpu.input("nodeTaints")).contains("kubernetes.azure.com/scalesetpriority=spot:NoSchedule", "nvidia.com/gpu=true:NoSchedule");
        PlannedResource general = run.get("azure-native:containerservice:AgentPool", "demo-general");
        assertThat((Map<String, Object>) general.input("nodeLabels")).doesNotContainKey("kubernetes.azure.com/scalesetpriority");
    }

    @Test
    void containerInsightsWithEntraAuthGetsItsDataCollectionRuleAndAssociation() {
        String workspace = "/subscriptions/" + AzurePlanMocks.SUBSCRIPTION + "/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/logs";
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().logAnalyticsWorkspaceId(workspace).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get(CLUSTER, "demo-aks").input("addonProfiles.omsagent.config.useAADAuth")).isEqualTo("true");
        PlannedResource rule = run.get("azure-native:insights:DataCollectionRule", "demo-container-insights");
        assertThat(rule.input("destinations.logAnalytics.0.workspaceResourceId")).isEqualTo(workspace);
        assertThat(rule.input("dataFlows.0.streams.0")).isEqualTo("Microsoft-ContainerInsights-Group-Default");
        assertThat(rule.input("dataSources.extensions.0.extensionName")).isEqualTo("ContainerInsights");
        PlannedResource association = run.get("azure-native:insights:DataCollectionRuleAssociation", "demo-container-insights-association");
        assertThat((String) association.input("resourceUri")).endsWith("/managedClusters/demo");
        assertThat((String) association.input("dataCollectionRuleId")).endsWith("/dataCollectionRules/MSCI-westeurope-demo");
        // without a workspace, neither the add-on nor the rule
        assertThat(Fixtures.run(Fixtures.spec(), Fixtures.args().build()).ofType("azure-native:insights:DataCollectionRule")).isEmpty();
    }

    @Test
    void withAMinorUpgradeChannelAksOwnsTheVersionSoTheProgramNeverAsksForADowngrade() {
        OfflineRun stable = Fixtures.run(Fixtures.spec(), Fixtures.args().autoUpgradeChannel("stable").build());
        assertThat(stable.get(CLUSTER, "demo-aks").ignoreChanges()).contains("kubernetesVersion", "agentPoolProfiles[0].orchestratorVersion");
        assertThat(stable.get("azure-native:containerservice:AgentPool", "demo-general").ignoreChanges()).contains("orchestratorVersion");
        // with none (the default) or patch, the program's version is the cluster's
        OfflineRun none = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(none.get(CLUSTER, "demo-aks").ignoreChanges()).doesNotContain("kubernetesVersion");
        assertThat(none.get("azure-native:containerservice:AgentPool", "demo-general").ignoreChanges()).doesNotContain("orchestratorVersion");
    }

    @Test
    void theDeployerListedAmongTheAdminsIsRefusedInThePreviewSinceAzureKeepsOneAssignmentPerPrincipalRoleAndScope() {
        String deployer = AzurePlanMocks.DEPLOYER_OBJECT_ID.toUpperCase(java.util.Locale.ROOT);
        // the refusal fails an Output while the grant's inputs are serialized: the offline engine throws it, every time
        // (SettlingRunnerTest's contract), with the refusal as the cause
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> Fixtures.run(Fixtures.spec(), Fixtures.args().adminPrincipalIds(List.of(deployer)).build()));
        assertThat(thrown).isInstanceOf(io.codezero.core.plan.OutputFailedException.class);
        assertThat(thrown.getCause().getMessage()).contains("azure.adminPrincipalIds[0]").contains(deployer).contains("RoleAssignmentExists")
                .contains("grantDeployerAdmin: false");
        // the way out for several deploying identities: list them all, no deployer grant
        OfflineRun listed = Fixtures.run(Fixtures.spec(), Fixtures.args().adminPrincipalIds(List.of(deployer)).grantDeployerAdmin(false).build());
        assertThat(listed.succeeded()).as(listed.failure()).isTrue();
        assertThat(listed.ofType("azure-native:authorization:RoleAssignment"))
                .filteredOn(r -> String.valueOf(r.input("roleDefinitionId")).endsWith(AksNames.ROLE_AKS_RBAC_CLUSTER_ADMIN))
                .singleElement().satisfies(r -> assertThat(r.input("principalId")).isEqualTo(deployer));
    }

    @Test
    void aGrantOnAnAdoptedSubnetOfAnotherSubscriptionNamesItsRoleThroughThatSubscription() {
        String other = "11111111-2222-3333-4444-555555555555";
        String subnet = "/subscriptions/" + other + "/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().existingSubnetId(subnet).egressCidrs(List.of("20.1.2.3/32")).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get("azure-native:authorization:RoleAssignment", "demo-network-contributor").input("roleDefinitionId"))
                .isEqualTo("/subscriptions/" + other + "/providers/Microsoft.Authorization/roleDefinitions/" + AksNames.ROLE_NETWORK_CONTRIBUTOR);
        // grants in the deployment's subscription keep the id they always had: Azure refuses to change a role assignment in place
        assertThat(run.get("azure-native:authorization:RoleAssignment", "demo-deployer-admin").input("roleDefinitionId"))
                .isEqualTo("/subscriptions/" + AzurePlanMocks.SUBSCRIPTION + "/providers/Microsoft.Authorization/roleDefinitions/"
                        + AksNames.ROLE_AKS_RBAC_CLUSTER_ADMIN);
    }

    @Test
    void theDeployerIsGrantedCryptoOfficerOnTheRbacVaultBeforeTheKeyIsWrittenSinceOwnerHoldsNoDataRole() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource vault = run.get("azure-native:keyvault:Vault", "demo-secrets-vault");
        assertThat(vault.input("properties.enableRbacAuthorization")).isEqualTo(true);
        PlannedResource officer = run.get("azure-native:authorization:RoleAssignment", "demo-deployer-kms-officer");
        assertThat(officer.input("principalId")).isEqualTo(AzurePlanMocks.DEPLOYER_OBJECT_ID);
        assertThat((String) officer.input("scope")).endsWith("/providers/Microsoft.KeyVault/vaults/" + vault.input("vaultName"));
        assertThat((String) officer.input("roleDefinitionId")).endsWith("/roleDefinitions/" + AksNames.ROLE_KEY_VAULT_CRYPTO_OFFICER);
        // azure-native reads the key before creating it and Azure writes it only for a data role: the grant comes first
        assertThat(run.dependsOn(run.get("azure-native:keyvault:Key", "demo-secrets-key"), officer)).isTrue();
        // pre-made grants: nobody is granted here (docs/azure.md names the role the deployer then needs)
        String identity = Fixtures.GROUP_ID + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/premade";
        OfflineRun premade = Fixtures.run(Fixtures.spec(),
                Fixtures.args().createRoleAssignments(false).grantDeployerAdmin(false).controlPlaneIdentityId(identity).build());
        assertThat(premade.succeeded()).as(premade.failure()).isTrue();
        assertThat(premade.ofType("azure-native:authorization:RoleAssignment")).isEmpty();
    }

    @Test
    void anAdminIdListedTwiceInAnyCaseIsAProblemSinceAzureKeepsOneAssignment() {
        String id = "0000000a-0000-0000-0000-00000000beef";
        List<Problem> problems = AzureValidator.validate(Fixtures.spec(),
                Fixtures.args().adminPrincipalIds(List.of(id, id.toUpperCase(java.util.Locale.ROOT))).build());
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("azure.adminPrincipalIds[1]");
            assertThat(p.message()).contains("repeats an earlier id");
        });
        assertThat(AzureValidator.validate(Fixtures.spec(), Fixtures.args().adminPrincipalIds(List.of(id)).build()))
                .noneSatisfy(p -> assertThat(p.field()).startsWith("azure.adminPrincipalIds"));
    }
}
