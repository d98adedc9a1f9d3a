package io.codezero.azure.cluster;

import com.pulumi.azurenative.ProviderArgs;
import com.pulumi.azurenative.authorization.AuthorizationFunctions;
import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.azurenative.authorization.RoleAssignmentArgs;
import com.pulumi.azurenative.authorization.outputs.GetClientConfigResult;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.containerservice.ManagedClusterArgs;
import com.pulumi.azurenative.containerservice.enums.ResourceIdentityType;
import com.pulumi.azurenative.containerservice.inputs.AgentPoolUpgradeSettingsArgs;
import com.pulumi.azurenative.containerservice.inputs.AzureKeyVaultKmsArgs;
import com.pulumi.azurenative.containerservice.inputs.ContainerServiceNetworkProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAADProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAPIServerAccessProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAddonProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAgentPoolProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAutoUpgradeProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAzureMonitorProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterAzureMonitorProfileMetricsArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterOIDCIssuerProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSKUArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterSecurityProfileWorkloadIdentityArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterStorageProfileArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterStorageProfileBlobCSIDriverArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterStorageProfileDiskCSIDriverArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterStorageProfileFileCSIDriverArgs;
import com.pulumi.azurenative.containerservice.inputs.ManagedClusterStorageProfileSnapshotControllerArgs;
import com.pulumi.azurenative.containerservice.outputs.CredentialResultResponse;
import com.pulumi.azurenative.containerservice.outputs.ListManagedClusterUserCredentialsResult;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentity;
import com.pulumi.azurenative.managedidentity.UserAssignedIdentityArgs;
import com.pulumi.azurenative.resources.ResourceGroup;
import com.pulumi.azurenative.resources.ResourceGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.InvokeArgs;
import com.pulumi.resources.Resource;
import io.codezero.azure.AksNames;
import io.codezero.azure.AzureScope;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.azure.network.AksNetwork;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.validation.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AKS cluster with everything it needs: resource group (created or adopted), node network
 * (created with NAT egress, or adopted), a user-assigned control-plane identity with only the roles
 * it needs, a KMS key for secrets, the managed cluster with a small system pool, one agent pool per
 * spec pool, a kubeconfig and a Kubernetes provider. Every resource is a child of this component
 * and uses the component's own azure-native provider.
 */
public final class AksCluster extends ComponentResource {
    public static final String TYPE = "codezero:azure:AksCluster";
    /** AKS's built-in CSI storage classes: Standard SSD and Premium SSD managed disks (encrypted at rest by Azure). */
    public static final String STANDARD_STORAGE_CLASS = "managed-csi";
    public static final String FAST_STORAGE_CLASS = "managed-csi-premium";
    /** Azure CNI overlay's default and maximum pods per node: pod addresses do not come from the VNet. */
    static final int MAX_PODS = 250;
    /** Keeps user workloads off the system pool: only pods that tolerate it (CoreDNS, konnectivity ...) land there. */
    static final String SYSTEM_POOL_TAINT = "CriticalAddonsOnly=true:NoSchedule";
    /** Channels with which AKS moves the cluster to a newer minor version on its own. */
    static final List<String> MINOR_UPGRADE_CHANNELS = List.of("stable", "rapid");

    /**
     * What the cluster never sends as an update: the system pool's fixed settings, and, when AKS
     * upgrades minor versions itself (channel stable or rapid), the versions, or the next up would
     * ask AKS for a downgrade it refuses.
     */
    public static List<String> clusterIgnoredChanges(AzureTargetArgs args) {
        List<String> ignored = new ArrayList<>(SYSTEM_POOL_FIXED);
        if (MINOR_UPGRADE_CHANNELS.contains(args.autoUpgradeChannel())) {
            ignored.addAll(List.of("kubernetesVersion", "agentPoolProfiles[0].orchestratorVersion"));
        }
        return List.copyOf(ignored);
    }

    /** The inline system pool's settings that are fixed once the cluster exists. */
    public static final List<String> SYSTEM_POOL_FIXED = List.of("agentPoolProfiles[0].vmSize", "agentPoolProfiles[0].availabilityZones",
            "agentPoolProfiles[0].osDiskSizeGB", "agentPoolProfiles[0].osSKU");

    private final Output<String> clusterName;
    private final Output<String> kubeconfig;
    private final Output<String> oidcIssuerUrl;
    private final AksNetwork network;
    private final List<Resource> agentPools;
    private final List<RoleAssignment> adminRoles;
    private final ManagedCluster cluster;
    private final ControlPlaneIdentity identity;
    private final io.codezero.azure.AksClusterHandles handles;
    private final Optional<SecretsKey> secretsKey;
    private final com.pulumi.kubernetes.Provider kubernetesProvider;

    public AksCluster(String name, ClusterSpec spec, AzureTargetArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var providerArgs = ProviderArgs.builder();
        args.subscriptionId().ifPresent(providerArgs::subscriptionId);
        args.tenantId().ifPresent(providerArgs::tenantId);
        var azure = new com.pulumi.azurenative.Provider(name + "-azure", providerArgs.build(),
                CustomResourceOptions.builder().parent(this).build());
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put("codezero.io-cluster", spec.name());
        tags.put("managed-by", "codezero");
        String groupName = args.resourceGroupFor(spec.name());
        var scope = new AzureScope(name, spec.name(), args.location(), groupName, this, azure, Map.copyOf(tags));
        Output<GetClientConfigResult> client = AuthorizationFunctions.getClientConfig(InvokeArgs.Empty,
                InvokeOptions.builder().parent(this).provider(azure).build());
        Output<String> subscription = client.applyValue(GetClientConfigResult::subscriptionId);

        List<Resource> groupDependency = new ArrayList<>();
        Output<String> group;
        if (args.adoptResourceGroup()) {
            group = Output.of(groupName);
        } else {
            var rg = new ResourceGroup(scope.name("rg"), ResourceGroupArgs.builder()
                    .resourceGroupName(groupName)
                    .location(args.location())
                    .tags(tags)
                    .build(), scope.opts());
            group = rg.name();
            groupDependency.add(rg);
        }

        this.network = args.adoptsNetwork()
                ? AksNetwork.adopt(args.existingSubnetId().orElseThrow(), args.effectiveOutboundType(), args.egressCidrs())
                : AksNetwork.create(scope, group, spec.network().vpcCidr(), groupDependency);

        this.identity = ControlPlaneIdentity.of(scope, args, group, groupDependency);

        List<Resource> clusterDependencies = new ArrayList<>(groupDependency);
        clusterDependencies.addAll(network.pieces());
        clusterDependencies.addAll(identity.resources());
        List<RoleAssignment> controlPlaneGrants = new ArrayList<>();
        if (args.createRoleAssignments()) {
            // the control plane joins load balancers and their IPs to the node subnet
            controlPlaneGrants.add(grant(scope, AksNames.GRANT_NETWORK_CONTRIBUTOR, network.subnetId(), identity.principalId(),
                    AksNames.ROLE_NETWORK_CONTRIBUTOR, subscription, "ServicePrincipal"));
        }

        SecretsKey secretsKey = null;
        if (args.secretsEncryption() == AzureTargetArgs.SecretsEncryption.KEY_VAULT) {
            secretsKey = args.kmsKeyId().isPresent()
                    ? SecretsKey.adopt(args.kmsKeyId().get(), args.kmsKeyVaultId().orElseThrow())
                    : SecretsKey.create(scope, group, client.applyValue(GetClientConfigResult::tenantId), identity.principalId(), groupDependency,
                            // an RBAC vault lets nobody write keys until granted a data role, its creator and Owners included
                            vault -> args.createRoleAssignments()
                                    ? List.of(grant(scope, "deployer-kms-officer", vault.id(), client.applyValue(GetClientConfigResult::objectId),
                                            AksNames.ROLE_KEY_VAULT_CRYPTO_OFFICER, subscription, null))
                                    : List.of());
            clusterDependencies.addAll(secretsKey.resources());
            if (args.createRoleAssignments()) {
                // the KMS plugin runs as the control plane identity and wraps keys with the vault's key
                controlPlaneGrants.add(grant(scope, AksNames.GRANT_KMS_CRYPTO_USER, secretsKey.vaultId(), identity.principalId(),
                        AksNames.ROLE_KEY_VAULT_CRYPTO_USER, subscription, "ServicePrincipal"));
            }
        }
        clusterDependencies.addAll(controlPlaneGrants);
        this.secretsKey = Optional.ofNullable(secretsKey);

        var clusterArgs = ManagedClusterArgs.builder()
                .resourceGroupName(group)
                .resourceName(spec.name())
                .location(args.location())
                .dnsPrefix(spec.name())
                .nodeResourceGroup(AksNames.nodeResourceGroup(groupName))
                .kubernetesVersion(spec.kubernetesVersion())
                .sku(ManagedClusterSKUArgs.builder().name("Base").tier(args.skuTier()).build())
                .supportPlan(args.supportPlan())
                .identity(ManagedClusterIdentityArgs.builder()
                        .type(ResourceIdentityType.UserAssigned)
                        .userAssignedIdentities(identity.id().applyValue(List::of))
                        .build())
                .aadProfile(aadProfile(args))
                .enableRBAC(true)
                // no static admin certificate: every user is an Entra ID identity, checked by Azure RBAC
                .disableLocalAccounts(true)
                .oidcIssuerProfile(ManagedClusterOIDCIssuerProfileArgs.builder().enabled(true).build())
                // AKS checks the KMS grant when it creates the cluster: let a fresh grant propagate first (bounded)
                .securityProfile(securityProfile(secretsKey, controlPlaneGrants))
                .networkProfile(networkProfile(spec.network(), network.outboundType()))
                .apiServerAccessProfile(apiAccess(spec.network(), network.egressCidrs()))
                .autoUpgradeProfile(ManagedClusterAutoUpgradeProfileArgs.builder().upgradeChannel(args.autoUpgradeChannel()).build())
                .storageProfile(ManagedClusterStorageProfileArgs.builder()
                        .diskCSIDriver(ManagedClusterStorageProfileDiskCSIDriverArgs.builder().enabled(true).build())
                        .snapshotController(ManagedClusterStorageProfileSnapshotControllerArgs.builder().enabled(true).build())
                        .fileCSIDriver(ManagedClusterStorageProfileFileCSIDriverArgs.builder().enabled(false).build())
                        .blobCSIDriver(ManagedClusterStorageProfileBlobCSIDriverArgs.builder().enabled(false).build())
                        .build())
                // AKS checks the control plane's Network Contributor grant on the subnet at create: same bounded wait
                .agentPoolProfiles(systemPool(spec, args, RolePropagation.real().after(controlPlaneGrants, RolePropagation.KEY_VAULT, network.subnetId())))
                .tags(tags);
        if (args.azureMonitorMetrics()) {
            clusterArgs.azureMonitorProfile(ManagedClusterAzureMonitorProfileArgs.builder()
                    .metrics(ManagedClusterAzureMonitorProfileMetricsArgs.builder().enabled(true).build()).build());
        }
        args.logAnalyticsWorkspaceId().ifPresent(workspace -> clusterArgs.addonProfiles(Map.of("omsagent",
                ManagedClusterAddonProfileArgs.builder().enabled(true)
                        .config(Map.of("logAnalyticsWorkspaceResourceID", workspace, "useAADAuth", "true")).build())));
        this.cluster = new ManagedCluster(scope.name("aks"), clusterArgs.build(), scope.optsBuilder()
                .dependsOn(clusterDependencies)
                // azure-native refuses to create a cluster whose name exists, so a replacement must delete first;
                // protect (on unless opted out) makes the engine refuse such a replacement instead of doing it
                .deleteBeforeReplace(true)
                .protect(args.protectCluster())
                // AKS refuses changes of these on an existing pool and azure-native 2.10.0 sends them as an in-place
                // update of the cluster (pulumi-azure-native#2774): never half-apply them; the preflight reports the
                // difference, and docs/azure.md gives the way out (a new system pool)
                .ignoreChanges(clusterIgnoredChanges(args))
                .build());
        this.clusterName = cluster.name();
        args.logAnalyticsWorkspaceId().ifPresent(workspace -> ContainerInsights.create(scope, group, workspace, cluster.id(), cluster));
        this.oidcIssuerUrl = cluster.oidcIssuerProfile().applyValue(p -> p.map(o -> o.issuerURL()).orElse(""));

        this.adminRoles = new ArrayList<>();
        if (args.createRoleAssignments() && args.grantDeployerAdmin()) {
            adminRoles.add(grant(scope, "deployer-admin", cluster.id(), client.applyValue(GetClientConfigResult::objectId),
                    AksNames.ROLE_AKS_RBAC_CLUSTER_ADMIN, subscription, null));
        }
        Output<String> deployer = client.applyValue(GetClientConfigResult::objectId);
        List<String> admins = args.createRoleAssignments() ? args.adminPrincipalIds() : List.of();
        for (int i = 0; i < admins.size(); i++) {
            String principal = admins.get(i);
            int index = i;
            // the deployer's own grant and an identical admin grant would be two assignments of one role to one
            // principal at one scope, which Azure refuses (RoleAssignmentExists): the invoke resolves in the
            // preview, so this stops `pulumi up` before anything is created
            Output<String> admin = args.grantDeployerAdmin()
                    ? deployer.applyValue(d -> AdminPrincipals.notTheDeployer(index, principal, d))
                    : Output.of(principal);
            adminRoles.add(grant(scope, "admin-" + principal, cluster.id(), admin,
                    AksNames.ROLE_AKS_RBAC_CLUSTER_ADMIN, subscription, null));
        }

        this.agentPools = AgentPools.create(scope, spec, args, cluster.name(), network.subnetId(), List.of(cluster));

        Output<Kubeconfig.Endpoint> endpoint = ContainerserviceFunctions.listManagedClusterUserCredentials(
                        ListManagedClusterUserCredentialsArgs.builder().resourceGroupName(group).resourceName(cluster.name()).build(),
                        InvokeOptions.builder().parent(this).provider(azure).build())
                .applyValue(AksCluster::endpointOf);
        // the tenant is always written: a helper whose credential's home tenant differs (a guest account, a
        // CI identity of another tenant) would otherwise ask the wrong tenant and get a token AKS rejects
        // the platform layers are applied with the deployer's new AKS RBAC grant: let it reach the API server first (bounded)
        this.kubeconfig = Output.tuple(cluster.name(), RolePropagation.real().after(adminRoles, RolePropagation.KUBERNETES, endpoint),
                        client.applyValue(GetClientConfigResult::tenantId))
                .applyValue(t -> Kubeconfig.render(t.t1, t.t2, args.tokenCommand(), Optional.of(args.tenantId().orElse(t.t3))))
                .asSecret();
        Output<Map<String, com.pulumi.azurenative.containerservice.outputs.UserAssignedIdentityResponse>> kubelet =
                cluster.identityProfile().applyValue(p -> p.orElse(Map.of()));
        this.handles = new io.codezero.azure.AksClusterHandles(cluster, group, cluster.name(), endpoint.applyValue(Kubeconfig.Endpoint::server),
                identity.id(), identity.principalId(),
                kubelet.applyValue(m -> Optional.ofNullable(m.get("kubeletidentity")).flatMap(k -> k.clientId()).orElse("")),
                kubelet.applyValue(m -> Optional.ofNullable(m.get("kubeletidentity")).flatMap(k -> k.objectId()).orElse("")),
                oidcIssuerUrl, network.vnetId(), network.subnetId(), network.natIp(),
                this.secretsKey.flatMap(SecretsKey::vault));
        this.kubernetesProvider = new com.pulumi.kubernetes.Provider(name + "-k8s", com.pulumi.kubernetes.ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "kubeconfig", kubeconfig,
                "oidcIssuerUrl", oidcIssuerUrl,
                "subnetId", network.subnetId()));
    }

    /**
     * Binds a built-in role to a principal at a scope. The assignment's name is a GUID derived from
     * the cluster, the grant, the principal and the scope: stable across runs, and new whenever the
     * principal or the scope changes (both force a replacement in azure-native), so the replacement
     * is created beside the old assignment instead of colliding with its name.
     */
    private static RoleAssignment grant(AzureScope scope, String what, Output<String> on, Output<String> principalId, String role,
                                        Output<String> subscription, String principalType) {
        var builder = RoleAssignmentArgs.builder()
                .scope(on)
                .roleAssignmentName(Output.tuple(on, principalId).applyValue(t ->
                        AksNames.grantName(scope.resourceGroupName(), scope.clusterName(), what, t.t1, t.t2)))
                .principalId(principalId)
                // a role definition id names a subscription, and Azure only accepts the scope's own: an adopted subnet or
                // key vault may live in another subscription than the one the provider deploys to
                .roleDefinitionId(Output.tuple(on, subscription).applyValue(t -> AksNames.builtInRoleDefinitionId(t.t1, t.t2, role)));
        if (principalType != null) {
            // a new identity may not have replicated yet; naming its type lets ARM skip the lookup
            builder.principalType(principalType);
        }
        return new RoleAssignment(scope.name(what), builder.build(), scope.opts());
    }

    private static ManagedClusterAADProfileArgs aadProfile(AzureTargetArgs args) {
        var aad = ManagedClusterAADProfileArgs.builder().managed(true).enableAzureRBAC(true).adminGroupObjectIDs(args.adminGroupObjectIds());
        args.tenantId().ifPresent(aad::tenantID);
        return aad.build();
    }

    private static ManagedClusterSecurityProfileArgs securityProfile(SecretsKey key, List<RoleAssignment> grants) {
        var security = ManagedClusterSecurityProfileArgs.builder()
                .workloadIdentity(ManagedClusterSecurityProfileWorkloadIdentityArgs.builder().enabled(true).build());
        if (key != null) {
            security.azureKeyVaultKms(AzureKeyVaultKmsArgs.builder()
                    .enabled(true)
                    .keyId(RolePropagation.real().after(grants, RolePropagation.KEY_VAULT, key.keyId()))
                    .keyVaultNetworkAccess("Public")
                    .build());
        }
        return security.build();
    }

    /** Azure CNI overlay with the Cilium dataplane and Cilium network policy: pods get addresses from podCidr, not the VNet. */
    static ContainerServiceNetworkProfileArgs networkProfile(NetworkSpec network, String outboundType) {
        String dnsServiceIp = Cidr.parse(network.serviceCidr()).map(c -> {
            long ip = c.network() + 10;
            return ((ip >> 24) & 0xFF) + "." + ((ip >> 16) & 0xFF) + "." + ((ip >> 8) & 0xFF) + "." + (ip & 0xFF);
        }).orElseThrow();
        return ContainerServiceNetworkProfileArgs.builder()
                .networkPlugin("azure")
                .networkPluginMode("overlay")
                .networkDataplane("cilium")
                .networkPolicy("cilium")
                .podCidr(network.podCidr())
                .serviceCidr(network.serviceCidr())
                .dnsServiceIP(dnsServiceIp)
                .outboundType(outboundType)
                .loadBalancerSku("standard")
                .build();
    }

    /**
     * A private cluster, or a public one whose authorized ranges are the user's allowlist plus the
     * nodes' egress addresses: nodes reach the public API server through their egress path.
     */
    private static ManagedClusterAPIServerAccessProfileArgs apiAccess(NetworkSpec network, Output<List<String>> egressCidrs) {
        if (network.privateApiOnly()) {
            return ManagedClusterAPIServerAccessProfileArgs.builder()
                    .enablePrivateCluster(true)
                    .privateDNSZone("system")
                    .enablePrivateClusterPublicFQDN(false)
                    .build();
        }
        return ManagedClusterAPIServerAccessProfileArgs.builder()
                .enablePrivateCluster(false)
                .authorizedIPRanges(egressCidrs.applyValue(egress -> {
                    List<String> ranges = new ArrayList<>(network.apiAccessAllowlist());
                    egress.stream().filter(e -> !ranges.contains(e)).forEach(ranges::add);
                    return ranges;
                }))
                .build();
    }

    private static ManagedClusterAgentPoolProfileArgs systemPool(ClusterSpec spec, AzureTargetArgs args, Output<String> subnetId) {
        var pool = ManagedClusterAgentPoolProfileArgs.builder()
                .name(AksNames.SYSTEM_POOL)
                .mode("System")
                .type("VirtualMachineScaleSets")
                .osType("Linux")
                .osSKU(args.osSku())
                .osDiskType("Managed")
                .osDiskSizeGB(args.osDiskSizeGB())
                .vmSize(args.systemPoolVmSize())
                .count(args.systemPoolCount())
                .enableAutoScaling(false)
                .vnetSubnetID(subnetId)
                .enableNodePublicIP(false)
                .maxPods(MAX_PODS)
                .orchestratorVersion(spec.kubernetesVersion())
                .nodeTaints(SYSTEM_POOL_TAINT)
                .nodeLabels(Map.of(AgentPools.POOL_LABEL, AksNames.SYSTEM_POOL))
                .upgradeSettings(AgentPoolUpgradeSettingsArgs.builder().maxSurge(args.maxSurge()).build());
        if (!args.zones().isEmpty()) {
            pool.availabilityZones(args.zones());
        }
        return pool.build();
    }

    private static Kubeconfig.Endpoint endpointOf(ListManagedClusterUserCredentialsResult result) {
        return result.kubeconfigs().stream().findFirst().map(CredentialResultResponse::value).map(Kubeconfig.Endpoint::fromAksKubeconfig)
                .orElseThrow(() -> new IllegalStateException("AKS returned no cluster-user kubeconfig"));
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    /** A Pulumi secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    public Output<String> oidcIssuerUrl() {
        return oidcIssuerUrl;
    }

    public AksNetwork network() {
        return network;
    }

    public ManagedCluster managedCluster() {
        return cluster;
    }

    public List<Resource> agentPools() {
        return agentPools;
    }

    /** The typed handles of this cluster (documented in docs/azure.md). */
    public io.codezero.azure.AksClusterHandles handles() {
        return handles;
    }

    /** The Kubernetes provider built from the kubeconfig; every platform layer uses it. */
    public com.pulumi.kubernetes.Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /**
     * Workloads depend on these: the agent pools (which depend on the cluster, which depends on the
     * whole network) and the admin role assignments without which nothing can be applied.
     */
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(agentPools);
        out.addAll(adminRoles);
        out.add(cluster);
        return out;
    }
}
