package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.codezero.azure.cluster.AgentPools;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class AzureTargetTest {

    @Test
    void everyResourceIsInsideTheAksClusterComponentAndUsesItsOwnProviders() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource platform = run.get("codezero:index:Platform", "platform");
        PlannedResource component = run.get("codezero:azure:AksCluster", "demo");
        assertThat(component.parentUrn()).isEqualTo(platform.urn());
        PlannedResource azure = run.get("pulumi:providers:azure-native", "demo-azure");
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "demo-k8s");
        List<PlannedResource> azureResources = run.where(r -> r.type().startsWith("azure-native:"));
        assertThat(azureResources).extracting(PlannedResource::type).contains(
                "azure-native:resources:ResourceGroup", "azure-native:network:VirtualNetwork", "azure-native:network:Subnet",
                "azure-native:network:NatGateway", "azure-native:network:PublicIPAddress", "azure-native:managedidentity:UserAssignedIdentity",
                "azure-native:authorization:RoleAssignment", "azure-native:keyvault:Vault", "azure-native:keyvault:Key",
                "azure-native:containerservice:ManagedCluster", "azure-native:containerservice:AgentPool");
        assertThat(azureResources).allSatisfy(r -> {
            assertThat(r.parentUrn()).as(r.toString()).isEqualTo(component.urn());
            assertThat(r.providerUrn()).as(r.toString()).isEqualTo(azure.urn());
        });
        assertThat(k8s.parentUrn()).isEqualTo(component.urn());
    }

    @Test
    void theClusterIsSecureByDefault() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        // Entra ID with Azure RBAC, no local accounts
        assertThat(aks.input("aadProfile.managed")).isEqualTo(true);
        assertThat(aks.input("aadProfile.enableAzureRBAC")).isEqualTo(true);
        assertThat(aks.input("disableLocalAccounts")).isEqualTo(true);
        assertThat(aks.input("enableRBAC")).isEqualTo(true);
        // workload identity through the OIDC issuer
        assertThat(aks.input("oidcIssuerProfile.enabled")).isEqualTo(true);
        assertThat(aks.input("securityProfile.workloadIdentity.enabled")).isEqualTo(true);
        // secrets in etcd encrypted with our Key Vault key
        assertThat(aks.input("securityProfile.azureKeyVaultKms.enabled")).isEqualTo(true);
        assertThat((String) aks.input("securityProfile.azureKeyVaultKms.keyId")).startsWith("https://kvdemo-").contains("/keys/demo-etcd/");
        PlannedResource vault = run.get("azure-native:keyvault:Vault", "demo-secrets-vault");
        assertThat(vault.input("properties.enableRbacAuthorization")).isEqualTo(true);
        assertThat(vault.input("properties.enablePurgeProtection")).isEqualTo(true);
        // network policy and overlay networking with the spec's ranges
        assertThat(aks.input("networkProfile.networkPlugin")).isEqualTo("azure");
        assertThat(aks.input("networkProfile.networkPluginMode")).isEqualTo("overlay");
        assertThat(aks.input("networkProfile.networkDataplane")).isEqualTo("cilium");
        assertThat(aks.input("networkProfile.networkPolicy")).isEqualTo("cilium");
        assertThat(aks.input("networkProfile.podCidr")).isEqualTo(NetworkSpec.DEFAULT_POD_CIDR);
        assertThat(aks.input("networkProfile.serviceCidr")).isEqualTo(NetworkSpec.DEFAULT_SERVICE_CIDR);
        assertThat(aks.input("networkProfile.dnsServiceIP")).isEqualTo("172.20.0.10");
        // private nodes, egress through our NAT gateway
        assertThat(aks.input("networkProfile.outboundType")).isEqualTo("userAssignedNATGateway");
        PlannedResource subnet = run.get("azure-native:network:Subnet", "demo-nodes");
        PlannedResource nat = run.get("azure-native:network:NatGateway", "demo-nat");
        assertThat(subnet.input("natGateway.id")).isEqualTo(Fixtures.GROUP_ID + "/providers/Microsoft.Network/natGateways/demo-nat");
        assertThat(subnet.input("addressPrefix")).isEqualTo("10.0.0.0/17");
        List<Map<String, Object>> systemPools = (List<Map<String, Object>>) aks.input("agentPoolProfiles");
        assertThat(systemPools).singleElement().satisfies(pool -> {
            assertThat(pool.get("enableNodePublicIP")).isEqualTo(false);
            assertThat(pool.get("vnetSubnetID")).isEqualTo(Fixtures.NODE_SUBNET_ID);
        });
        assertThat(run.ofType("azure-native:containerservice:AgentPool")).allSatisfy(p -> {
            assertThat(p.input("enableNodePublicIP")).isEqualTo(false);
            assertThat(p.input("vnetSubnetID")).isEqualTo(Fixtures.NODE_SUBNET_ID);
        });
        // the API server answers only the allowlist and the nodes' egress (the NAT IP, see AzureRulesTest); upgrades are ours
        assertThat((List<String>) aks.input("apiServerAccessProfile.authorizedIPRanges")).hasSize(2).startsWith(Fixtures.ALLOWED);
        assertThat(aks.input("apiServerAccessProfile.enablePrivateCluster")).isEqualTo(false);
        assertThat(aks.input("autoUpgradeProfile.upgradeChannel")).isEqualTo("none");
        // a user-assigned control-plane identity with Network Contributor on the node subnet and crypto use of the vault
        assertThat(run.get("azure-native:managedidentity:UserAssignedIdentity", "demo-control-plane").input("resourceName")).isEqualTo("demo-control-plane");
        assertThat(aks.input("identity.type")).isEqualTo("UserAssigned");
        assertThat(aks.input("identity.userAssignedIdentities")).isEqualTo(List.of(Fixtures.GROUP_ID + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/demo-control-plane"));
        PlannedResource network = run.get("azure-native:authorization:RoleAssignment", "demo-network-contributor");
        assertThat(network.input("scope")).isEqualTo(Fixtures.NODE_SUBNET_ID);
        assertThat((String) network.input("roleDefinitionId")).endsWith("/" + AksNames.ROLE_NETWORK_CONTRIBUTOR);
        PlannedResource crypto = run.get("azure-native:authorization:RoleAssignment", "demo-kms-crypto-user");
        assertThat(crypto.input("scope")).isEqualTo(Fixtures.GROUP_ID + "/providers/Microsoft.KeyVault/vaults/" + vault.input("vaultName"));
        assertThat((String) crypto.input("roleDefinitionId")).endsWith("/" + AksNames.ROLE_KEY_VAULT_CRYPTO_USER);
        assertThat(run.dependsOn(aks, crypto)).isTrue();
        assertThat(run.dependsOn(aks, network)).isTrue();
        // no Azure Monitor unless asked
        assertThat(aks.input("azureMonitorProfile")).isNull();
        assertThat(aks.input("addonProfiles")).isNull();
    }

    @Test
    void thePoolsAreSeparateAgentPoolsAndTheClusterKeepsOnlyASmallSystemPool() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        List<Map<String, Object>> inline = (List<Map<String, Object>>) aks.input("agentPoolProfiles");
        assertThat(inline).extracting(p -> p.get("name")).containsExactly(AksNames.SYSTEM_POOL);
        assertThat(inline.get(0).get("mode")).isEqualTo("System");
        assertThat(inline.get(0).get("nodeTaints")).isEqualTo(List.of("CriticalAddonsOnly=true:NoSchedule"));

        List<PlannedResource> pools = run.ofType("azure-native:containerservice:AgentPool");
        assertThat(pools).extracting(p -> p.input("agentPoolName")).containsExactlyInAnyOrder("general", "gpu");
        assertThat(pools).allSatisfy(p -> {
            assertThat(p.input("mode")).isEqualTo("User");
            assertThat(p.input("resourceName")).isEqualTo("demo");
            assertThat(run.dependsOn(p, aks)).isTrue();
        });
        PlannedResource general = run.get("azure-native:containerservice:AgentPool", "demo-general");
        assertThat(general.input("vmSize")).isEqualTo("Standard_D4s_v5");
        assertThat(general.input("enableAutoScaling")).isEqualTo(true);
        assertThat(general.input("minCount")).isEqualTo(2.0);
        assertThat(general.input("maxCount")).isEqualTo(5.0);
        assertThat(general.input("scaleSetPriority")).isEqualTo("Regular");
        assertThat(general.input("upgradeSettings.maxSurge")).isEqualTo("33%");
        assertThat(general.input("availabilityZones")).isEqualTo(List.of("1", "2", "3"));
        assertThat(general.input("nodeLabels")).isEqualTo(Map.of(AgentPools.POOL_LABEL, "general"));
        PlannedResource gpu = run.get("azure-native:containerservice:AgentPool", "demo-gpu");
        assertThat(gpu.input("vmSize")).isEqualTo("Standard_NC8as_T4_v3");
        assertThat(gpu.input("scaleSetPriority")).isEqualTo("Spot");
        assertThat(gpu.input("scaleSetEvictionPolicy")).isEqualTo("Delete");
        assertThat(gpu.input("spotMaxPrice")).isEqualTo(-1.0);
        assertThat(gpu.input("upgradeSettings")).as("AKS refuses upgrade settings on spot pools").isNull();
        // AKS's own spot taint and label are declared (AzureRulesTest.spotPoolsDeclareTheLabelAndTaintAksAddsSoRefreshShowsNoDiff)
        assertThat(gpu.input("nodeTaints")).isEqualTo(List.of("nvidia.com/gpu=true:NoSchedule", AgentPools.SPOT_TAINT));
        assertThat(gpu.input("nodeLabels")).isEqualTo(Map.of("codezero.io/accelerator", "nvidia", AgentPools.POOL_LABEL, "gpu",
                AgentPools.SPOT_LABEL_KEY, "spot"));
    }

    @Test
    void theKubeconfigIsASecretThatRunsTheTokenHelperNotKubelogin() {
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().tenantId("00000000-0000-0000-0000-0000000070a7").build(),
                (cluster, parent) -> provisioned.set(cluster));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        Map<String, Object> kubeconfig = new Gson().fromJson((String) run.outputs().get("kubeconfig").value(), Map.class);
        Map<String, Object> cluster = (Map<String, Object>) ((List<Map<String, Object>>) kubeconfig.get("clusters")).get(0).get("cluster");
        assertThat((String) cluster.get("server")).matches("https://demo-[0-9a-f]{8}\\.hcp\\.westeurope\\.azmk8s\\.io:443");
        assertThat((String) cluster.get("certificate-authority-data")).isNotBlank();
        Map<String, Object> exec = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>) kubeconfig.get("users")).get(0).get("user")).get("exec");
        assertThat(exec.get("command")).isEqualTo("codezero-aks-token");
        assertThat(exec.get("args")).isEqualTo(List.of("--server-id", AksNames.AKS_AAD_SERVER_APP_ID, "--tenant-id", "00000000-0000-0000-0000-0000000070a7"));
        assertThat(exec.get("interactiveMode")).isEqualTo("Never");
        assertThat(provisioned.get().storage().standardClass()).isEqualTo("managed-csi");
        assertThat(provisioned.get().storage().fastClass()).isEqualTo("managed-csi-premium");
        assertThat(provisioned.get().loadBalancers().annotationsFor(Exposure.INTERNAL).orElseThrow())
                .containsEntry("service.beta.kubernetes.io/azure-load-balancer-internal", "true");
        assertThat(provisioned.get().loadBalancers().defaultExposure()).isEqualTo(Exposure.INTERNET_FACING);
        assertThat(provisioned.get().facts().get(io.codezero.core.target.MeshDataplanePreference.class)).hasValueSatisfying(p ->
                assertThat(p.ambient()).isFalse());
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "demo-k8s");
        assertThat(k8s.isSecretInput("kubeconfig")).isTrue();
    }

    @Test
    void theDeployerAndListedAdminsGetClusterAdminThroughAzureRbac() {
        String admin = "11111111-2222-3333-4444-555555555555";
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().adminPrincipalIds(List.of(admin)).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        PlannedResource deployer = run.get("azure-native:authorization:RoleAssignment", "demo-deployer-admin");
        assertThat(deployer.input("principalId")).isEqualTo(AzurePlanMocks.DEPLOYER_OBJECT_ID);
        assertThat(deployer.input("scope")).isEqualTo(Fixtures.GROUP_ID + "/providers/Microsoft.ContainerService/managedClusters/demo");
        assertThat((String) deployer.input("roleDefinitionId")).endsWith("/" + AksNames.ROLE_AKS_RBAC_CLUSTER_ADMIN);
        assertThat(run.get("azure-native:authorization:RoleAssignment", "demo-admin-" + admin).input("principalId")).isEqualTo(admin);
    }

    @Test
    void aPrivateClusterHasNoPublicEndpointAndNoAllowlist() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(NetworkSpec.builder().privateApiOnly(true).build()).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        assertThat(aks.input("apiServerAccessProfile.enablePrivateCluster")).isEqualTo(true);
        assertThat(aks.input("apiServerAccessProfile.enablePrivateClusterPublicFQDN")).isEqualTo(false);
        assertThat(aks.input("apiServerAccessProfile.authorizedIPRanges")).isNull();
        Map<String, Object> kubeconfig = new Gson().fromJson((String) run.outputs().get("kubeconfig").value(), Map.class);
        Map<String, Object> cluster = (Map<String, Object>) ((List<Map<String, Object>>) kubeconfig.get("clusters")).get(0).get("cluster");
        assertThat((String) cluster.get("server")).contains(".privatelink.westeurope.azmk8s.io");
    }

    @Test
    void optOutsAndAskedForExtrasAreExplicit() {
        String workspace = "/subscriptions/" + AzurePlanMocks.SUBSCRIPTION + "/resourceGroups/ops/providers/Microsoft.OperationalInsights/workspaces/logs";
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args()
                .secretsEncryption(AzureTargetArgs.SecretsEncryption.PLATFORM)
                .azureMonitorMetrics(true).logAnalyticsWorkspaceId(workspace).autoUpgradeChannel("patch").build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        assertThat(aks.input("securityProfile.azureKeyVaultKms")).isNull();
        assertThat(run.ofType("azure-native:keyvault:Vault")).isEmpty();
        assertThat(aks.input("azureMonitorProfile.metrics.enabled")).isEqualTo(true);
        assertThat(aks.input("addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID")).isEqualTo(workspace);
        assertThat(aks.input("autoUpgradeProfile.upgradeChannel")).isEqualTo("patch");
    }

    @Test
    void anExistingSubnetIsAdoptedAndNothingOfTheNetworkIsCreated() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().existingSubnetId(Fixtures.SUBNET_ID).egressCidrs(List.of("20.1.2.3/32")).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.where(r -> r.type().startsWith("azure-native:network:"))).isEmpty();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        assertThat(((List<Map<String, Object>>) aks.input("agentPoolProfiles")).get(0).get("vnetSubnetID")).isEqualTo(Fixtures.SUBNET_ID);
        assertThat(aks.input("networkProfile.outboundType")).isEqualTo("userAssignedNATGateway");
        assertThat(run.ofType("azure-native:containerservice:AgentPool")).allSatisfy(p ->
                assertThat(p.input("vnetSubnetID")).isEqualTo(Fixtures.SUBNET_ID));
        assertThat(run.get("azure-native:authorization:RoleAssignment", "demo-network-contributor").input("scope")).isEqualTo(Fixtures.SUBNET_ID);
    }

    @Test
    void anAdoptedResourceGroupAndKeyAreUsedNotCreated() {
        String vault = "/subscriptions/" + AzurePlanMocks.SUBSCRIPTION + "/resourceGroups/sec/providers/Microsoft.KeyVault/vaults/corp-kms";
        String key = "https://corp-kms.vault.azure.net/keys/aks/0123456789abcdef0123456789abcdef";
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().resourceGroup("platform").adoptResourceGroup(true)
                .kmsKeyId(key).kmsKeyVaultId(vault).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("azure-native:resources:ResourceGroup")).isEmpty();
        assertThat(run.ofType("azure-native:keyvault:Vault")).isEmpty();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "demo-aks");
        assertThat(aks.input("resourceGroupName")).isEqualTo("platform");
        assertThat(aks.input("nodeResourceGroup")).isEqualTo("platform-nodes");
        assertThat(aks.input("securityProfile.azureKeyVaultKms.keyId")).isEqualTo(key);
        assertThat(run.get("azure-native:authorization:RoleAssignment", "demo-kms-crypto-user").input("scope")).isEqualTo(vault);
    }

    @Test
    void thePlanAnswersTheOutputsProgramsReadSoNothingDropsOut() {
        OfflineRun run = io.codezero.core.plan.OfflineEngine.create().mocks(AzurePlanMocks.create()).run(ctx -> {
            var target = new AzureTarget(Fixtures.args().build());
            var handles = target.provision(Fixtures.spec(), io.codezero.core.target.TargetContext.standalone("demo"))
                    .handles(AksClusterHandles.class);
            var aks = handles.managedCluster();
            // an input list of identity ids, answered as ARM does: a map from id to the identity's principal and client ids
            ctx.export("identities", aks.identity().applyValue(i -> i.orElseThrow().userAssignedIdentities().keySet().toString()));
            ctx.export("principal", aks.identity().applyValue(i -> i.orElseThrow().userAssignedIdentities().values().iterator().next().principalId()));
            ctx.export("name", aks.name());
            ctx.export("issuer", handles.oidcIssuerUrl());
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.outputs().get("identities").value()).isEqualTo("[" + Fixtures.GROUP_ID
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/demo-control-plane]");
        assertThat((String) run.outputs().get("principal").value()).matches("[0-9a-f-]{36}");
        assertThat(run.outputs().get("name").value()).isEqualTo("demo");
        assertThat((String) run.outputs().get("issuer").value()).startsWith("https://westeurope.oic.prod-aks.azure.com/");
    }

    @Test
    void honoursEverythingButPublicNodes() {
        assertThat(new AzureTarget(Fixtures.args().build()).honours()).containsExactlyInAnyOrder(SpecField.NODE_POOLS, SpecField.VPC_CIDR,
                SpecField.POD_CIDR, SpecField.SERVICE_CIDR, SpecField.API_ALLOWLIST, SpecField.PRIVATE_API_ONLY, SpecField.TAGS);
    }

    @Test
    void anInvalidSpecRegistersNothing() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), AzureTargetArgs.builder().location("West Europe").build());
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("azure.location").contains("westeurope");
        assertThat(run.where(r -> r.type().startsWith("azure-native:"))).isEmpty();
    }

    @Test
    void twoClustersInOneProgramPlanCleanly() {
        var first = Fixtures.spec();
        var second = Fixtures.spec().toBuilder().name("demo2").build();
        OfflineRun run = io.codezero.core.plan.OfflineEngine.create().mocks(AzurePlanMocks.create()).run(ctx -> {
            var a = new AzureTarget(Fixtures.args().build()).provision(first, io.codezero.core.target.TargetContext.standalone("eu"));
            var b = new AzureTarget(Fixtures.args().location("eastus2").build()).provision(second, io.codezero.core.target.TargetContext.standalone("us"));
            ctx.export("a", a.kubeconfig());
            ctx.export("b", b.kubeconfig());
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("azure-native:containerservice:ManagedCluster")).extracting(PlannedResource::name).containsExactlyInAnyOrder("eu-aks", "us-aks");
        assertThat(run.get("azure-native:containerservice:ManagedCluster", "us-aks").input("location")).isEqualTo("eastus2");
        assertThat(run.ofType("azure-native:keyvault:Vault")).extracting(v -> v.input("vaultName")).doesNotHaveDuplicates();
        assertThat(run.ofType("azure-native:authorization:RoleAssignment")).extracting(v -> v.input("roleAssignmentName")).doesNotHaveDuplicates();
    }

    @Test
    void oneTargetProvisioningTwoClustersKeepsNoStateAndEachCallAnswersItsOwnHandles() {
        // issue 20: a target is configuration; what a provision call registers is reached through that call's handles
        assertThat(java.util.Arrays.stream(AzureTarget.class.getDeclaredFields())
                .filter(f -> !java.lang.reflect.Modifier.isStatic(f.getModifiers())))
                .allSatisfy(f -> assertThat(java.lang.reflect.Modifier.isFinal(f.getModifiers())).as(f.getName() + " is final").isTrue())
                .allSatisfy(f -> assertThat(f.getType()).as(f.getName()).isEqualTo(AzureTargetArgs.class));
        var names = new java.util.concurrent.ConcurrentHashMap<String, String>();
        OfflineRun run = io.codezero.core.plan.OfflineEngine.create().mocks(AzurePlanMocks.create()).run(ctx -> {
            var target = new AzureTarget(Fixtures.args().build());
            for (String cluster : List.of("blue", "green")) {
                var spec = Fixtures.spec().toBuilder().name(cluster).build();
                target.provision(spec, io.codezero.core.target.TargetContext.standalone(cluster)).handles(AksClusterHandles.class)
                        .clusterName().applyValue(n -> names.put(cluster, n));
            }
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(names).containsEntry("blue", "blue").containsEntry("green", "green");
    }
}
