package io.codezero.azure;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Azure-specific about a cluster; the cloud-neutral part (version, pools, CIDRs, API
 * allowlist, tags) stays in the {@link io.codezero.core.spec.ClusterSpec}. Plain Java with no
 * Pulumi types, so the command-line preflight can read it too. Every setting but the location has
 * a default.
 */
public final class AzureTargetArgs {
    /** The default kubeconfig exec command: the {@code codezero-aks-token} helper on the PATH (see docs/azure.md). */
    public static final List<String> DEFAULT_TOKEN_COMMAND = List.of("codezero-aks-token");
    /** The default availability zones of every pool: all three of a region with zones. */
    public static final List<String> DEFAULT_ZONES = List.of("1", "2", "3");
    /** AKS upgrade channels of API 2023-04-01, as the API spells them. */
    public static final List<String> UPGRADE_CHANNELS = List.of("none", "patch", "stable", "rapid", "node-image");
    /** AKS pricing tiers: Free has no uptime SLA, Standard (the default) has one, Premium adds long-term support. */
    public static final List<String> SKU_TIERS = List.of("Free", "Standard", "Premium");
    /** AKS support plans; AKSLongTermSupport needs the Premium tier. */
    public static final List<String> SUPPORT_PLANS = List.of("KubernetesOfficial", "AKSLongTermSupport");
    /** The node operating systems offered: Azure Linux (the default) or Ubuntu. */
    public static final List<String> OS_SKUS = List.of("AzureLinux", "Ubuntu");
    /** How nodes of an adopted subnet reach the internet; a created network always uses its own NAT gateway. */
    public static final List<String> OUTBOUND_TYPES = List.of("userAssignedNATGateway", "userDefinedRouting", "loadBalancer");

    /** Where Kubernetes secrets are encrypted at rest (etcd), beyond Azure's platform-managed encryption. */
    public enum SecretsEncryption {
        /** KMS with a key in a Key Vault this target creates, or the one given with {@code kms.keyId}. */
        KEY_VAULT("keyVault"),
        /** Only Azure's platform-managed encryption of etcd: an explicit opt-out. */
        PLATFORM("platform");

        private final String id;

        SecretsEncryption(String id) {
            this.id = id;
        }

        /** {@return the mode as config spells it: {@code keyVault} or {@code platform}} */
        public String id() {
            return id;
        }

        static Optional<SecretsEncryption> parse(String text) {
            for (SecretsEncryption e : values()) {
                if (e.id.equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    private final String location;
    private final String subscriptionId;
    private final String tenantId;
    private final String resourceGroup;
    private final boolean adoptResourceGroup;
    private final List<String> zones;
    private final String existingSubnetId;
    private final String outboundType;
    private final Map<SizeClass, String> vmSizeOverrides;
    private final VmSizes vmSizes;
    private final String systemPoolVmSize;
    private final int systemPoolCount;
    private final String osSku;
    private final int osDiskSizeGB;
    private final String maxSurge;
    private final String autoUpgradeChannel;
    private final String skuTier;
    private final String supportPlan;
    private final List<String> adminGroupObjectIds;
    private final List<String> adminPrincipalIds;
    private final boolean grantDeployerAdmin;
    private final SecretsEncryption secretsEncryption;
    private final String kmsKeyId;
    private final String kmsKeyVaultId;
    private final boolean azureMonitorMetrics;
    private final String logAnalyticsWorkspaceId;
    private final List<String> tokenCommand;
    private final boolean preflight;
    private final boolean manageNodeCount;
    private final List<String> egressCidrs;
    private final boolean protectCluster;
    private final boolean createRoleAssignments;
    private final String controlPlaneIdentityId;

    private AzureTargetArgs(Builder b) {
        this.location = b.location;
        this.subscriptionId = b.subscriptionId;
        this.tenantId = b.tenantId;
        this.resourceGroup = b.resourceGroup;
        this.adoptResourceGroup = b.adoptResourceGroup;
        this.zones = List.copyOf(b.zones);
        this.existingSubnetId = b.existingSubnetId;
        this.outboundType = b.outboundType;
        this.vmSizeOverrides = Map.copyOf(b.vmSizeOverrides);
        this.vmSizes = VmSizes.withOverrides(vmSizeOverrides);
        this.systemPoolVmSize = b.systemPoolVmSize;
        this.systemPoolCount = b.systemPoolCount;
        this.osSku = b.osSku;
        this.osDiskSizeGB = b.osDiskSizeGB;
        this.maxSurge = b.maxSurge;
        this.autoUpgradeChannel = b.autoUpgradeChannel;
        this.skuTier = b.skuTier;
        this.supportPlan = b.supportPlan;
        this.adminGroupObjectIds = List.copyOf(b.adminGroupObjectIds);
        this.adminPrincipalIds = List.copyOf(b.adminPrincipalIds);
        this.grantDeployerAdmin = b.grantDeployerAdmin;
        this.secretsEncryption = b.secretsEncryption;
        this.kmsKeyId = b.kmsKeyId;
        this.kmsKeyVaultId = b.kmsKeyVaultId;
        this.azureMonitorMetrics = b.azureMonitorMetrics;
        this.logAnalyticsWorkspaceId = b.logAnalyticsWorkspaceId;
        this.tokenCommand = List.copyOf(b.tokenCommand);
        this.preflight = b.preflight;
        this.manageNodeCount = b.manageNodeCount;
        this.egressCidrs = List.copyOf(b.egressCidrs);
        this.protectCluster = b.protectCluster;
        this.createRoleAssignments = b.createRoleAssignments;
        this.controlPlaneIdentityId = b.controlPlaneIdentityId;
    }

    /**
     * Starts with the defaults: zones 1, 2, 3, a system pool of 3 Standard_D4s_v5, Azure Linux, 128 GB OS disks,
     * Standard tier, KMS secrets encryption, auto-upgrade none, the cluster protected.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code codezero:azure} config object. Type errors and unknown keys are added to the
     * object's problem list (never thrown), so the caller reports them with every other problem.
     * @param azure the {@code codezero:azure} config object
     * @return the arguments read; check the object's problems before using them
     */
    public static AzureTargetArgs fromConfig(ConfigObject azure) {
        Builder b = builder();
        b.location(azure.string("location", null));
        b.subscriptionId(azure.string("subscriptionId", null));
        b.tenantId(azure.string("tenantId", null));
        b.resourceGroup(azure.string("resourceGroup", null));
        b.adoptResourceGroup(azure.bool("adoptResourceGroup", b.adoptResourceGroup));
        if (azure.has("zones")) {
            b.zones(azure.distinctStrings("zones"));
        }
        ConfigObject vnet = azure.object("vnet");
        b.existingSubnetId(vnet.string("subnetId", null));
        b.outboundType(vnet.string("outboundType", null));
        if (vnet.has("egressCidrs")) {
            b.egressCidrs(vnet.distinctStrings("egressCidrs"));
        }
        vnet.rejectUnknownKeys();
        ConfigObject sizes = azure.object("vmSizes");
        for (SizeClass sizeClass : SizeClass.values()) {
            String size = sizes.string(sizeClass.id(), null);
            if (size != null) {
                b.vmSize(sizeClass, size);
            }
        }
        sizes.rejectUnknownKeys();
        ConfigObject system = azure.object("systemPool");
        b.systemPoolVmSize(system.string("vmSize", b.systemPoolVmSize));
        b.systemPoolCount(system.integer("count", b.systemPoolCount));
        system.rejectUnknownKeys();
        b.osSku(azure.string("osSku", b.osSku));
        b.osDiskSizeGB(azure.integer("osDiskSizeGB", b.osDiskSizeGB));
        b.maxSurge(azure.string("maxSurge", b.maxSurge));
        b.autoUpgradeChannel(azure.string("autoUpgradeChannel", b.autoUpgradeChannel));
        b.skuTier(azure.string("skuTier", b.skuTier));
        b.supportPlan(azure.string("supportPlan", b.supportPlan));
        b.adminGroupObjectIds(azure.distinctStrings("adminGroupObjectIds"));
        b.adminPrincipalIds(azure.distinctStrings("adminPrincipalIds"));
        b.grantDeployerAdmin(azure.bool("grantDeployerAdmin", b.grantDeployerAdmin));
        String encryption = azure.string("secretsEncryption", SecretsEncryption.KEY_VAULT.id());
        SecretsEncryption.parse(encryption).ifPresentOrElse(b::secretsEncryption, () -> azure.problems().add(
                io.codezero.core.validation.Problem.of(azure.path() + ".secretsEncryption", encryption,
                        "is not a secrets encryption mode; valid modes are keyVault (KMS with a Key Vault key, the default) and platform (opt out)")));
        ConfigObject kms = azure.object("kms");
        b.kmsKeyId(kms.string("keyId", null));
        b.kmsKeyVaultId(kms.string("keyVaultId", null));
        kms.rejectUnknownKeys();
        b.azureMonitorMetrics(azure.bool("azureMonitorMetrics", b.azureMonitorMetrics));
        b.logAnalyticsWorkspaceId(azure.string("logAnalyticsWorkspaceId", null));
        if (azure.has("tokenCommand")) {
            b.tokenCommand(azure.strings("tokenCommand"));
        }
        b.preflight(azure.bool("preflight", b.preflight));
        b.manageNodeCount(azure.bool("manageNodeCount", b.manageNodeCount));
        b.protectCluster(azure.bool("protectCluster", b.protectCluster));
        b.createRoleAssignments(azure.bool("createRoleAssignments", b.createRoleAssignments));
        b.controlPlaneIdentityId(azure.string("controlPlaneIdentityId", null));
        azure.rejectUnknownKeys();
        return b.build();
    }

    /**
     * {@return the Azure region as ARM spells it, e.g. {@code westeurope}; {@code null} if none was set (validation
     * refuses that)}
     */
    public String location() {
        return location;
    }

    /** {@return the subscription to deploy into, or empty for the credential's default subscription} */
    public Optional<String> subscriptionId() {
        return Optional.ofNullable(subscriptionId);
    }

    /** {@return the Entra ID tenant, or empty for the credential's} */
    public Optional<String> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /**
     * The resource group's name: as configured, or {@code <cluster>-rg}.
     * @param clusterName the spec's cluster name
     * @return the configured name, else {@code <clusterName>-rg}
     */
    public String resourceGroupFor(String clusterName) {
        return resourceGroup != null ? resourceGroup : clusterName + "-rg";
    }

    /** {@return the resource group's name as configured, or empty for {@code <cluster>-rg}} */
    public Optional<String> resourceGroup() {
        return Optional.ofNullable(resourceGroup);
    }

    /** {@return whether the resource group already exists and is adopted rather than created (default false)} */
    public boolean adoptResourceGroup() {
        return adoptResourceGroup;
    }

    /** {@return the availability zones of every pool (default 1, 2, 3); empty for regions without zones} */
    public List<String> zones() {
        return zones;
    }

    /** {@return the resource id of the adopted node subnet, or empty to create a VNet} */
    public Optional<String> existingSubnetId() {
        return Optional.ofNullable(existingSubnetId);
    }

    /** {@return true if an existing subnet is adopted rather than a VNet created} */
    public boolean adoptsNetwork() {
        return existingSubnetId != null;
    }

    /**
     * The outbound type as configured; empty means the default (a created NAT gateway, or the adopted subnet's NAT gateway).
     * @return the outbound type, or empty for the default
     */
    public Optional<String> outboundType() {
        return Optional.ofNullable(outboundType);
    }

    /** {@return the outbound type in effect: the configured one, else {@code userAssignedNATGateway}} */
    public String effectiveOutboundType() {
        return outboundType != null ? outboundType : "userAssignedNATGateway";
    }

    /** {@return the VM sizes set per size class, replacing the defaults for those classes} */
    public Map<SizeClass, String> vmSizeOverrides() {
        return vmSizeOverrides;
    }

    /** {@return the VM size per size class: the overrides over {@link VmSizes#DEFAULTS}} */
    public VmSizes vmSizes() {
        return vmSizes;
    }

    /** {@return the system pool's VM size (default Standard_D4s_v5; AKS needs at least 4 vCPUs there)} */
    public String systemPoolVmSize() {
        return systemPoolVmSize;
    }

    /** {@return the system pool's node count (1 to 100, default 3)} */
    public int systemPoolCount() {
        return systemPoolCount;
    }

    /** {@return the nodes' OS: {@code AzureLinux} (default) or {@code Ubuntu}} */
    public String osSku() {
        return osSku;
    }

    /** {@return the nodes' OS disk size in GB (30 to 2048, default 128)} */
    public int osDiskSizeGB() {
        return osDiskSizeGB;
    }

    /** {@return the extra nodes during a pool upgrade: a percentage such as {@code 33%} (default) or a count} */
    public String maxSurge() {
        return maxSurge;
    }

    /** {@return the AKS auto-upgrade channel, one of {@link #UPGRADE_CHANNELS} (default {@code none})} */
    public String autoUpgradeChannel() {
        return autoUpgradeChannel;
    }

    /** {@return the AKS pricing tier, one of {@link #SKU_TIERS} (default Standard)} */
    public String skuTier() {
        return skuTier;
    }

    /** {@return the AKS support plan, one of {@link #SUPPORT_PLANS} (default KubernetesOfficial)} */
    public String supportPlan() {
        return supportPlan;
    }

    /** {@return the object IDs of Entra ID groups whose members are cluster admins} */
    public List<String> adminGroupObjectIds() {
        return adminGroupObjectIds;
    }

    /** {@return the object IDs of Entra ID principals given AKS RBAC Cluster Admin} */
    public List<String> adminPrincipalIds() {
        return adminPrincipalIds;
    }

    /**
     * {@return whether the identity running {@code pulumi up} gets AKS RBAC Cluster Admin (default true; it needs it
     * to install the platform)}
     */
    public boolean grantDeployerAdmin() {
        return grantDeployerAdmin;
    }

    /** {@return where Kubernetes secrets are encrypted at rest (default {@link SecretsEncryption#KEY_VAULT})} */
    public SecretsEncryption secretsEncryption() {
        return secretsEncryption;
    }

    /** {@return the versioned URL of an adopted Key Vault key for KMS, or empty to create a vault and key} */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    /** {@return the resource id of the adopted key's vault, or empty} */
    public Optional<String> kmsKeyVaultId() {
        return Optional.ofNullable(kmsKeyVaultId);
    }

    /** {@return whether Azure Monitor managed Prometheus collects metrics (default false)} */
    public boolean azureMonitorMetrics() {
        return azureMonitorMetrics;
    }

    /** {@return the resource id of the Log Analytics workspace for Container insights, or empty for none} */
    public Optional<String> logAnalyticsWorkspaceId() {
        return Optional.ofNullable(logAnalyticsWorkspaceId);
    }

    /** {@return the kubeconfig exec command (default {@link #DEFAULT_TOKEN_COMMAND})} */
    public List<String> tokenCommand() {
        return tokenCommand;
    }

    /** {@return whether the preflight runs before anything registers (real engine only; default false)} */
    public boolean preflight() {
        return preflight;
    }

    /**
     * {@return whether every {@code pulumi up} resets pools' node counts (default false, so the autoscaler keeps its
     * choice)}
     */
    public boolean manageNodeCount() {
        return manageNodeCount;
    }

    /**
     * The egress addresses (CIDRs) of an adopted subnet: its NAT gateway's or firewall's public IPs.
     * Nodes of a public cluster reach the API server from them, so they join the authorized ranges.
     * @return the CIDRs; empty for a created network
     */
    public List<String> egressCidrs() {
        return egressCidrs;
    }

    /**
     * Whether the managed cluster is registered with {@code protect}: true by default, so a change
     * that would replace the cluster (network ranges, location, node resource group) is refused by
     * the engine instead of deleting the cluster and its workloads.
     * @return true unless opted out
     */
    public boolean protectCluster() {
        return protectCluster;
    }

    /**
     * Whether this target creates the role assignments (Network Contributor and Key Vault Crypto
     * User for the control plane, AKS RBAC Cluster Admin for the deployer and admins); needs
     * {@code Microsoft.Authorization/roleAssignments/write}. False when they were made beforehand.
     * @return true if this target creates them (default true)
     */
    public boolean createRoleAssignments() {
        return createRoleAssignments;
    }

    /**
     * An existing user-assigned identity (resource id) for the control plane, e.g. one granted its roles beforehand.
     * @return the identity's resource id, or empty to create one
     */
    public Optional<String> controlPlaneIdentityId() {
        return Optional.ofNullable(controlPlaneIdentityId);
    }

    /** Collects the arguments; unset values keep the defaults listed on {@link AzureTargetArgs#builder()}. */
    public static final class Builder {
        private String location;
        private String subscriptionId;
        private String tenantId;
        private String resourceGroup;
        private boolean adoptResourceGroup;
        private final List<String> zones = new ArrayList<>(DEFAULT_ZONES);
        private String existingSubnetId;
        private String outboundType;
        private final Map<SizeClass, String> vmSizeOverrides = new EnumMap<>(SizeClass.class);
        // AKS: system pools need at least 4 vCPUs here (see AzureValidator) and three nodes are recommended
        private String systemPoolVmSize = "Standard_D4s_v5";
        private int systemPoolCount = 3;
        private String osSku = "AzureLinux";
        private int osDiskSizeGB = 128;
        private String maxSurge = "33%";
        private String autoUpgradeChannel = "none";
        private String skuTier = "Standard";
        private String supportPlan = "KubernetesOfficial";
        private final List<String> adminGroupObjectIds = new ArrayList<>();
        private final List<String> adminPrincipalIds = new ArrayList<>();
        private boolean grantDeployerAdmin = true;
        private SecretsEncryption secretsEncryption = SecretsEncryption.KEY_VAULT;
        private String kmsKeyId;
        private String kmsKeyVaultId;
        private boolean azureMonitorMetrics;
        private String logAnalyticsWorkspaceId;
        private final List<String> tokenCommand = new ArrayList<>(DEFAULT_TOKEN_COMMAND);
        private boolean preflight;
        private boolean manageNodeCount;
        private final List<String> egressCidrs = new ArrayList<>();
        private boolean protectCluster = true;
        private boolean createRoleAssignments = true;
        private String controlPlaneIdentityId;

        /**
         * The Azure region, as ARM spells it: westeurope, eastus2. Required.
         * @param location a region such as {@code westeurope}
         * @return this builder
         */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /**
         * Pins the subscription for the provider and the preflight; default: the credential's default subscription.
         * @param subscriptionId a subscription ID (GUID)
         * @return this builder
         */
        public Builder subscriptionId(String subscriptionId) {
            this.subscriptionId = subscriptionId;
            return this;
        }

        /**
         * The Entra ID tenant for the kubeconfig's token helper and the preflight; default: the credential's.
         * @param tenantId a tenant ID (GUID)
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Resource group name; default {@code <cluster>-rg}.
         * @param name an Azure resource group name (1 to 90 characters)
         * @return this builder
         */
        public Builder resourceGroup(String name) {
            this.resourceGroup = name;
            return this;
        }

        /**
         * Use an existing resource group of that name instead of creating it.
         * @param adopt true if the group exists and must not be created
         * @return this builder
         */
        public Builder adoptResourceGroup(boolean adopt) {
            this.adoptResourceGroup = adopt;
            return this;
        }

        /**
         * Availability zones of every pool; empty for regions without zones. Default 1, 2, 3.
         * @param zones zone numbers such as {@code 1}, none blank
         * @return this builder
         */
        public Builder zones(List<String> zones) {
            this.zones.clear();
            this.zones.addAll(io.codezero.core.validation.Arguments.items(zones, "AzureTargetArgs.Builder.zones"));
            return this;
        }

        /**
         * Adopt an existing subnet (full resource id) for the nodes instead of creating a VNet.
         * @param subnetId the subnet's full resource id
         * @return this builder
         */
        public Builder existingSubnetId(String subnetId) {
            this.existingSubnetId = subnetId;
            return this;
        }

        /**
         * Egress of an adopted subnet: userAssignedNATGateway (default), userDefinedRouting or loadBalancer.
         * @param outboundType one of {@link #OUTBOUND_TYPES}
         * @return this builder
         */
        public Builder outboundType(String outboundType) {
            this.outboundType = outboundType;
            return this;
        }

        /**
         * The VM size for one size class, replacing {@link VmSizes#DEFAULTS}' choice.
         * @param sizeClass the class pools ask for
         * @param vmSize an Azure VM size such as {@code Standard_D8s_v5}; the preflight checks the region offers it
         * @return this builder
         */
        public Builder vmSize(SizeClass sizeClass, String vmSize) {
            vmSizeOverrides.put(sizeClass, vmSize);
            return this;
        }

        /**
         * The VM size of AKS's system pool, which runs the cluster's own pods.
         * @param vmSize an Azure VM size with at least 4 vCPUs (default Standard_D4s_v5)
         * @return this builder
         */
        public Builder systemPoolVmSize(String vmSize) {
            this.systemPoolVmSize = vmSize;
            return this;
        }

        /**
         * How many nodes the system pool has; 2 or more survive a node failure.
         * @param count 1 to 100 (default 3)
         * @return this builder
         */
        public Builder systemPoolCount(int count) {
            this.systemPoolCount = count;
            return this;
        }

        /**
         * The nodes' operating system.
         * @param osSku {@code AzureLinux} (default) or {@code Ubuntu}
         * @return this builder
         */
        public Builder osSku(String osSku) {
            this.osSku = osSku;
            return this;
        }

        /**
         * The nodes' OS disk size.
         * @param gb 30 to 2048 GB (default 128)
         * @return this builder
         */
        public Builder osDiskSizeGB(int gb) {
            this.osDiskSizeGB = gb;
            return this;
        }

        /**
         * Extra nodes during a pool upgrade: a percentage ("33%") or a count ("1").
         * @param maxSurge a percentage such as {@code 33%} (default) or a node count such as {@code 1}
         * @return this builder
         */
        public Builder maxSurge(String maxSurge) {
            this.maxSurge = maxSurge;
            return this;
        }

        /**
         * AKS auto-upgrade channel; default none, so version changes come only from this program.
         * @param channel one of {@link #UPGRADE_CHANNELS}
         * @return this builder
         */
        public Builder autoUpgradeChannel(String channel) {
            this.autoUpgradeChannel = channel;
            return this;
        }

        /**
         * The AKS pricing tier.
         * @param tier one of {@link #SKU_TIERS} (default Standard)
         * @return this builder
         */
        public Builder skuTier(String tier) {
            this.skuTier = tier;
            return this;
        }

        /**
         * The AKS support plan.
         * @param plan one of {@link #SUPPORT_PLANS} (default KubernetesOfficial)
         * @return this builder
         */
        public Builder supportPlan(String plan) {
            this.supportPlan = plan;
            return this;
        }

        /**
         * Entra ID groups whose members are cluster admins.
         * @param ids group object IDs (GUIDs), none blank
         * @return this builder
         */
        public Builder adminGroupObjectIds(List<String> ids) {
            adminGroupObjectIds.clear();
            adminGroupObjectIds.addAll(io.codezero.core.validation.Arguments.items(ids, "AzureTargetArgs.Builder.adminGroupObjectIds"));
            return this;
        }

        /**
         * Entra ID principals (users, groups, service principals) given the AKS RBAC Cluster Admin role.
         * @param ids principal object IDs (GUIDs), none blank
         * @return this builder
         */
        public Builder adminPrincipalIds(List<String> ids) {
            adminPrincipalIds.clear();
            adminPrincipalIds.addAll(io.codezero.core.validation.Arguments.items(ids, "AzureTargetArgs.Builder.adminPrincipalIds"));
            return this;
        }

        /**
         * Give the identity running pulumi up the AKS RBAC Cluster Admin role (it needs it to install the platform).
         * @param grant true to grant it (default)
         * @return this builder
         */
        public Builder grantDeployerAdmin(boolean grant) {
            this.grantDeployerAdmin = grant;
            return this;
        }

        /**
         * Where Kubernetes secrets are encrypted at rest.
         * @param mode {@link SecretsEncryption#KEY_VAULT} (default) or the explicit opt-out {@link
         *     SecretsEncryption#PLATFORM}
         * @return this builder
         */
        public Builder secretsEncryption(SecretsEncryption mode) {
            this.secretsEncryption = mode;
            return this;
        }

        /**
         * Adopt a Key Vault key (versioned key URL) for KMS instead of creating a vault and key.
         * @param keyId the key's versioned URL
         * @return this builder
         */
        public Builder kmsKeyId(String keyId) {
            this.kmsKeyId = keyId;
            return this;
        }

        /**
         * The resource id of the adopted key's vault: the control plane is granted Key Vault Crypto User on it.
         * @param vaultId the vault's resource id
         * @return this builder
         */
        public Builder kmsKeyVaultId(String vaultId) {
            this.kmsKeyVaultId = vaultId;
            return this;
        }

        /**
         * Azure Monitor managed Prometheus metrics; off unless asked.
         * @param enabled true to collect them
         * @return this builder
         */
        public Builder azureMonitorMetrics(boolean enabled) {
            this.azureMonitorMetrics = enabled;
            return this;
        }

        /**
         * Container insights into this Log Analytics workspace; off unless given.
         * @param workspaceId the workspace's resource id
         * @return this builder
         */
        public Builder logAnalyticsWorkspaceId(String workspaceId) {
            this.logAnalyticsWorkspaceId = workspaceId;
            return this;
        }

        /**
         * The kubeconfig exec command; default {@code codezero-aks-token} on the PATH.
         * @param command the program and its arguments, none blank
         * @return this builder
         */
        public Builder tokenCommand(List<String> command) {
            tokenCommand.clear();
            tokenCommand.addAll(io.codezero.core.validation.Arguments.items(command, "AzureTargetArgs.Builder.tokenCommand"));
            return this;
        }

        /**
         * Run the preflight before registering anything (real engine only).
         * @param preflight true to check the subscription, region, quotas and VM sizes first
         * @return this builder
         */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        /**
         * Let Pulumi reset pool node counts on every up; off by default so the autoscaler wins.
         * @param manage true to let Pulumi reset the counts
         * @return this builder
         */
        public Builder manageNodeCount(boolean manage) {
            this.manageNodeCount = manage;
            return this;
        }

        /**
         * Egress addresses of an adopted subnet (its NAT gateway's or firewall's public IPs, as CIDRs).
         * @param cidrs CIDRs such as {@code 20.1.2.3/32}, none blank
         * @return this builder
         */
        public Builder egressCidrs(List<String> cidrs) {
            egressCidrs.clear();
            egressCidrs.addAll(io.codezero.core.validation.Arguments.items(cidrs, "AzureTargetArgs.Builder.egressCidrs"));
            return this;
        }

        /**
         * Protect the managed cluster from replacement and deletion (default true); false is an explicit opt-out.
         * @param protect false to allow replacing or deleting the cluster
         * @return this builder
         */
        public Builder protectCluster(boolean protect) {
            this.protectCluster = protect;
            return this;
        }

        /**
         * Create the role assignments (default true); false when they were made beforehand by someone allowed to.
         * @param create false if they exist already
         * @return this builder
         */
        public Builder createRoleAssignments(boolean create) {
            this.createRoleAssignments = create;
            return this;
        }

        /**
         * Use this existing user-assigned identity (resource id) as the control plane's identity.
         * @param identityId the identity's resource id
         * @return this builder
         */
        public Builder controlPlaneIdentityId(String identityId) {
            this.controlPlaneIdentityId = identityId;
            return this;
        }

        /**
         * Freezes the values; they are checked by the validator when the stack plans.
         * @return the arguments
         */
        public AzureTargetArgs build() {
            return new AzureTargetArgs(this);
        }
    }
}
