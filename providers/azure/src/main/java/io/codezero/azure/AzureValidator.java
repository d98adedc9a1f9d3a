package io.codezero.azure;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import io.codezero.core.validation.Cidr;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Azure rules on top of the shared ones: what ARM and AKS would reject at deploy time, found at
 * program time instead, all at once. Field paths match the config file keys.
 */
public final class AzureValidator {
    /** Linux agent pool names (AKS): lowercase letters and digits, starting with a letter, at most 12. */
    static final int MAX_POOL_NAME = 12;
    /** AKS allows at most 100 agent pools per cluster; one is the system pool. */
    static final int MAX_POOLS = 99;
    /** ARM allows 50 tags per resource; we add two of our own. */
    static final int MAX_TAGS = 50;
    static final int OWN_TAGS = 2;
    static final int MAX_AUTHORIZED_RANGES = 200;
    /** AKS's minimum for system pool nodes (AKS docs, "Manage system node pools": at least 4 vCPUs, three nodes recommended). */
    static final int MIN_SYSTEM_POOL_VCPUS = 4;

    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9]*");
    /** Resource group names: 1-90 of letters, digits, '_', '-', '.', '(', ')'; not ending in '.'. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[\\p{L}\\p{N}_().-]{0,89}[\\p{L}\\p{N}_()-]");
    /** Managed cluster names: 1-63 letters, digits, '-' and '_', starting and ending with a letter or digit. */
    private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");
    private static final Pattern SUBNET_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.Network/virtualNetworks/[^/]+/subnets/[^/]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VAULT_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.KeyVault/vaults/[A-Za-z0-9-]{3,24}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_ID = Pattern.compile("https://[A-Za-z0-9-]{3,24}\\.vault\\.azure\\.(net|cn|us)/keys/[A-Za-z0-9-]{1,127}/[0-9a-f]{32}");
    private static final Pattern IDENTITY_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORKSPACE_ID = Pattern.compile(
            "/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAX_SURGE = Pattern.compile("([1-9][0-9]?|100)%|[1-9][0-9]{0,2}");
    private static final Pattern TAG_KEY_FORBIDDEN = Pattern.compile("[<>%&\\\\?/]");
    /** Ranges AKS reserves and refuses for pods and services (Azure CNI overlay docs). */
    static final List<String> RESERVED_RANGES = List.of("169.254.0.0/16", "172.30.0.0/16", "172.31.0.0/16", "192.0.2.0/24");

    private AzureValidator() {
    }

    /**
     * Everything about {@code args} (and the AKS-specific limits on {@code spec}) Azure would refuse, checked without
     * calling it.
     * @param spec the cluster spec
     * @param args the Azure settings
     * @return the problems found; empty if none
     */
    public static List<Problem> validate(ClusterSpec spec, AzureTargetArgs args) {
        List<Problem> problems = new ArrayList<>();
        validateNames(spec, args, problems);
        validateNetwork(spec, args, problems);
        validatePools(spec, args, problems);
        validateCluster(args, problems);
        validateTags(spec, problems);
        return problems;
    }

    private static void validateNames(ClusterSpec spec, AzureTargetArgs args, List<Problem> problems) {
        String location = args.location();
        if (location == null || location.isBlank()) {
            problems.add(Problem.of("azure.location", location, "is required, for example westeurope or eastus2"));
        } else if (!LOCATION.matcher(location).matches()) {
            String suggestion = location.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            problems.add(Problem.of("azure.location", location,
                    "is not an Azure location name; ARM names are lowercase without spaces, e.g. " + (suggestion.isEmpty() ? "westeurope" : suggestion)));
        }
        args.subscriptionId().filter(id -> !GUID.matcher(id).matches()).ifPresent(id ->
                problems.add(Problem.of("azure.subscriptionId", id, "is not a subscription id; expected a GUID such as 00000000-0000-0000-0000-000000000000")));
        args.tenantId().filter(id -> !GUID.matcher(id).matches()).ifPresent(id ->
                problems.add(Problem.of("azure.tenantId", id, "is not a tenant id; expected a GUID")));
        if (spec.name() != null) {
            if (!CLUSTER_NAME.matcher(spec.name()).matches()) {
                problems.add(Problem.of("name", spec.name(), "cannot name an AKS cluster: 1-63 letters, digits, '-' or '_', starting and ending with a letter or digit"));
            } else if (spec.name().length() > 54) {
                problems.add(Problem.of("name", spec.name(), "is longer than 54 characters, the limit of the AKS DNS prefix derived from it"));
            }
            String group = args.resourceGroupFor(spec.name());
            if (!RESOURCE_GROUP.matcher(group).matches()) {
                problems.add(Problem.of("azure.resourceGroup", group,
                        "is not a resource group name: 1-90 letters, digits, '_', '-', '.', '(' or ')', not ending in '.'"));
            } else if (AksNames.nodeResourceGroup(group).length() > 80) {
                problems.add(Problem.of("azure.resourceGroup", group, "is too long: the node resource group <name>-nodes must fit in 80 characters"));
            }
        }
        if (args.adoptResourceGroup() && args.resourceGroup().isEmpty()) {
            problems.add(Problem.of("azure.resourceGroup", null, "is required when adoptResourceGroup is true: name the existing resource group"));
        }
    }

    private static void validateNetwork(ClusterSpec spec, AzureTargetArgs args, List<Problem> problems) {
        NetworkSpec network = spec.network();
        if (!network.privateApiOnly() && network.apiAccessAllowlist().isEmpty()) {
            problems.add(Problem.of("network.apiAccessAllowlist", "[]",
                    "is empty, so the public API server would accept the whole internet; list the CIDRs that may reach it (your office or CI egress /32) or set privateApiOnly: true"));
        }
        if (network.privateApiOnly() && !network.apiAccessAllowlist().isEmpty()) {
            problems.add(Problem.of("network.apiAccessAllowlist", network.apiAccessAllowlist(),
                    "does not apply to a private AKS cluster (authorized IP ranges filter only the public endpoint); remove it, and reach the API from the VNet or a peered network"));
        }
        // the nodes' egress addresses join the allowlist: a created NAT gateway's one IP, or the adopted subnet's declared ones
        int egressRanges = args.adoptsNetwork() ? args.egressCidrs().size() : 1;
        if (!network.privateApiOnly() && network.apiAccessAllowlist().size() + egressRanges > MAX_AUTHORIZED_RANGES) {
            problems.add(Problem.of("network.apiAccessAllowlist", network.apiAccessAllowlist().size() + " ranges",
                    "AKS accepts at most " + MAX_AUTHORIZED_RANGES + " authorized IP ranges, and the nodes' " + egressRanges
                            + " egress range(s) are added to yours; keep at most " + (MAX_AUTHORIZED_RANGES - egressRanges)));
        }
        for (int i = 0; i < args.egressCidrs().size(); i++) {
            String cidr = args.egressCidrs().get(i);
            if (Cidr.parse(cidr).isEmpty()) {
                problems.add(Problem.of("azure.vnet.egressCidrs[" + i + "]", cidr, "is not a CIDR; write the egress IP as a /32, e.g. 20.50.1.10/32"));
            }
        }
        if (args.adoptsNetwork()) {
            String subnet = args.existingSubnetId().orElseThrow();
            if (!SUBNET_ID.matcher(subnet).matches()) {
                problems.add(Problem.of("azure.vnet.subnetId", subnet,
                        "is not a subnet resource id; expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>"));
            }
            // AKS adds a load balancer's outbound IP to the authorized ranges itself; any other egress it cannot know
            if (!network.privateApiOnly() && !"loadBalancer".equals(args.effectiveOutboundType()) && args.egressCidrs().isEmpty()) {
                problems.add(Problem.of("azure.vnet.egressCidrs", "[]", "is empty, but the nodes of a public cluster reach the API server through the subnet's "
                        + args.effectiveOutboundType() + " egress, and AKS refuses them (node bootstrap fails) unless that egress address is an authorized IP range;"
                        + " list the public IPs of the subnet's NAT gateway or firewall as /32s, or set privateApiOnly: true"));
            }
        } else {
            args.egressCidrs().stream().findFirst().ifPresent(c -> problems.add(Problem.of("azure.vnet.egressCidrs", args.egressCidrs(),
                    "applies only to an adopted subnet: a created network's NAT gateway IP is added to the authorized ranges by itself")));
            args.outboundType().ifPresent(type -> problems.add(Problem.of("azure.vnet.outboundType", type,
                    "applies only to an adopted subnet (azure.vnet.subnetId): a created network always sends egress through its own NAT gateway")));
            Cidr.parse(network.vpcCidr()).filter(c -> c.prefixLength() > 24).ifPresent(c -> problems.add(Problem.of("network.vpcCidr", network.vpcCidr(),
                    "must be /24 or larger on azure: the node subnet is its first half and needs room for every node and internal load balancer")));
        }
        args.outboundType().filter(t -> !AzureTargetArgs.OUTBOUND_TYPES.contains(t)).ifPresent(t -> problems.add(Problem.of("azure.vnet.outboundType", t,
                "is not an outbound type; valid types are " + String.join(", ", AzureTargetArgs.OUTBOUND_TYPES))));
        for (String reserved : RESERVED_RANGES) {
            Cidr range = Cidr.parse(reserved).orElseThrow();
            Cidr.parse(network.podCidr()).filter(range::overlaps).ifPresent(c -> problems.add(Problem.of("network.podCidr", network.podCidr(),
                    "overlaps " + reserved + ", which AKS reserves; choose another private range such as 10.244.0.0/16")));
            Cidr.parse(network.serviceCidr()).filter(range::overlaps).ifPresent(c -> problems.add(Problem.of("network.serviceCidr", network.serviceCidr(),
                    "overlaps " + reserved + ", which AKS reserves; choose another private range such as 10.0.0.0/16 outside the VNet")));
        }
        // Azure CNI overlay gives every node a /24 of the pod range
        Optional<Cidr> pods = Cidr.parse(network.podCidr());
        if (pods.isPresent() && pods.get().prefixLength() <= 24) {
            long nodeSlots = 1L << (24 - pods.get().prefixLength());
            long maxNodes = args.systemPoolCount() + spec.nodePoolsOrDefault().stream().mapToLong(NodePool::maxNodes).sum();
            if (maxNodes > nodeSlots) {
                problems.add(Problem.of("network.podCidr", network.podCidr(), "gives Azure CNI overlay " + nodeSlots
                        + " node /24 blocks but the pools may grow to " + maxNodes + " nodes (system pool included); use a larger range"));
            }
        } else if (pods.isPresent()) {
            problems.add(Problem.of("network.podCidr", network.podCidr(), "must be /24 or larger: Azure CNI overlay gives every node a /24"));
        }
    }

    private static void validatePools(ClusterSpec spec, AzureTargetArgs args, List<Problem> problems) {
        List<NodePool> pools = spec.nodePoolsOrDefault();
        if (pools.size() > MAX_POOLS) {
            problems.add(Problem.of("nodePools", pools.size() + " pools", "AKS allows at most 100 agent pools per cluster, one of them the system pool"));
        }
        VmSizes sizes = args.vmSizes();
        for (int i = 0; i < pools.size(); i++) {
            NodePool pool = pools.get(i);
            String at = "nodePools[" + i + "]";
            if (pool.name() != null && (pool.name().length() > MAX_POOL_NAME || !POOL_NAME.matcher(pool.name()).matches())) {
                problems.add(Problem.of(at + ".name", pool.name(), "cannot name an AKS Linux node pool: 1-" + MAX_POOL_NAME
                        + " lowercase letters and digits, starting with a letter (e.g. " + suggestPoolName(pool.name()) + ")"));
            }
            if (AksNames.SYSTEM_POOL.equals(pool.name())) {
                problems.add(Problem.of(at + ".name", pool.name(), "is the name of the cluster's own system pool; choose another name"));
            }
            Optional<String> size = sizes.resolve(pool.size());
            if (pool.size().explicitMachineType().isPresent() && !VmSizes.looksLikeVmSize(size.orElse(null))) {
                problems.add(Problem.of(at + ".size", pool.size(), "is not an Azure VM size; expected Standard_<family><vcpus>..., e.g. Standard_D4s_v5"));
            }
            if (pool.size().knownClass().isPresent() && size.isEmpty()) {
                problems.add(Problem.of(at + ".size", pool.size(), "has no VM size mapping; set azure.vmSizes." + pool.size().sizeClass()));
            }
            if (pool.size().knownClass().filter(c -> c == SizeClass.GPU).isPresent() && size.isPresent() && !VmSizes.isGpu(size.get())) {
                problems.add(Problem.of(at + ".size", "gpu -> " + size.get(), "the gpu class must map to an N-series GPU size (NC, ND, NV ...); fix azure.vmSizes.gpu"));
            }
            if (pool.maxNodes() > 1000) {
                problems.add(Problem.of(at + ".maxNodes", pool.maxNodes(), "AKS allows at most 1000 nodes per pool"));
            }
            for (String key : pool.labels().keySet()) {
                if (key.startsWith("kubernetes.azure.com/")) {
                    problems.add(Problem.of(at + ".labels", key, "the kubernetes.azure.com/ prefix is reserved by AKS; choose another label key"));
                }
            }
            for (int t = 0; t < pool.taints().size(); t++) {
                Taint taint = pool.taints().get(t);
                if (taint.key() != null && taint.key().startsWith("kubernetes.azure.com/")) {
                    problems.add(Problem.of(at + ".taints[" + t + "].key", taint.key(),
                            "the kubernetes.azure.com/ prefix is reserved by AKS (spot pools get kubernetes.azure.com/scalesetpriority themselves); choose another key"));
                }
            }
        }
        args.vmSizeOverrides().forEach((sizeClass, size) -> {
            if (!VmSizes.looksLikeVmSize(size)) {
                problems.add(Problem.of("azure.vmSizes." + sizeClass.id(), size, "is not an Azure VM size; expected Standard_<family><vcpus>..., e.g. Standard_D4s_v5"));
            }
        });
        if (!VmSizes.looksLikeVmSize(args.systemPoolVmSize())) {
            problems.add(Problem.of("azure.systemPool.vmSize", args.systemPoolVmSize(), "is not an Azure VM size; expected e.g. Standard_D4s_v5"));
        } else {
            VmSizes.vcpusOf(args.systemPoolVmSize()).ifPresent(vcpus -> {
                if (vcpus < MIN_SYSTEM_POOL_VCPUS) {
                    problems.add(Problem.of("azure.systemPool.vmSize", args.systemPoolVmSize(), "has " + vcpus
                            + " vCPUs; AKS system pools need at least " + MIN_SYSTEM_POOL_VCPUS
                            + " vCPUs per node for CoreDNS, konnectivity, metrics-server and the CSI and CNI agents; choose e.g. Standard_D4s_v5"));
                }
            });
        }
        if (args.systemPoolCount() < 1 || args.systemPoolCount() > 100) {
            problems.add(Problem.of("azure.systemPool.count", args.systemPoolCount(), "must be between 1 and 100 (2 or more survives a node failure)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.zones().size(); i++) {
            String zone = args.zones().get(i);
            if (!List.of("1", "2", "3").contains(zone)) {
                problems.add(Problem.of("azure.zones[" + i + "]", zone, "is not an Azure availability zone; zones are 1, 2 and 3 (or none: zones: [])"));
            }
            if (!seen.add(zone)) {
                problems.add(Problem.of("azure.zones[" + i + "]", zone, "is listed twice"));
            }
        }
    }

    private static void validateCluster(AzureTargetArgs args, List<Problem> problems) {
        args.controlPlaneIdentityId().filter(id -> !IDENTITY_ID.matcher(id).matches()).ifPresent(id -> problems.add(Problem.of(
                "azure.controlPlaneIdentityId", id, "is not a user-assigned identity id; expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>")));
        if (!args.createRoleAssignments()) {
            // without creating grants, everything that needs one must have been granted beforehand
            if (args.controlPlaneIdentityId().isEmpty()) {
                problems.add(Problem.of("azure.controlPlaneIdentityId", null, "is required when createRoleAssignments is false: name the identity that was granted"
                        + " Network Contributor on the node subnet (and Key Vault Crypto User on the KMS vault) beforehand"));
            }
            if (args.grantDeployerAdmin()) {
                problems.add(Problem.of("azure.grantDeployerAdmin", true, "needs a role assignment, but createRoleAssignments is false; set it to false and grant the deployer"
                        + " Azure Kubernetes Service RBAC Cluster Admin beforehand (e.g. through adminGroupObjectIds)"));
            }
            if (!args.adminPrincipalIds().isEmpty()) {
                problems.add(Problem.of("azure.adminPrincipalIds", args.adminPrincipalIds(), "need role assignments, but createRoleAssignments is false;"
                        + " use adminGroupObjectIds, or grant them beforehand"));
            }
        }
        if (!AzureTargetArgs.OS_SKUS.contains(args.osSku())) {
            problems.add(Problem.of("azure.osSku", args.osSku(), "is not a Linux node OS of AKS; valid values are " + String.join(", ", AzureTargetArgs.OS_SKUS)));
        }
        if (args.osDiskSizeGB() < 30 || args.osDiskSizeGB() > 2048) {
            problems.add(Problem.of("azure.osDiskSizeGB", args.osDiskSizeGB(), "must be between 30 and 2048"));
        }
        if (args.maxSurge() == null || !MAX_SURGE.matcher(args.maxSurge()).matches()) {
            problems.add(Problem.of("azure.maxSurge", args.maxSurge(), "must be a percentage from 1% to 100% or a node count such as 1"));
        }
        if (!AzureTargetArgs.UPGRADE_CHANNELS.contains(args.autoUpgradeChannel())) {
            problems.add(Problem.of("azure.autoUpgradeChannel", args.autoUpgradeChannel(),
                    "is not an AKS upgrade channel; valid channels are " + String.join(", ", AzureTargetArgs.UPGRADE_CHANNELS)));
        }
        if (!AzureTargetArgs.SKU_TIERS.contains(args.skuTier())) {
            problems.add(Problem.of("azure.skuTier", args.skuTier(), "is not an AKS tier; valid tiers are " + String.join(", ", AzureTargetArgs.SKU_TIERS)));
        }
        if (!AzureTargetArgs.SUPPORT_PLANS.contains(args.supportPlan())) {
            problems.add(Problem.of("azure.supportPlan", args.supportPlan(), "is not an AKS support plan; valid plans are " + String.join(", ", AzureTargetArgs.SUPPORT_PLANS)));
        } else if ("AKSLongTermSupport".equals(args.supportPlan()) && !"Premium".equals(args.skuTier())) {
            problems.add(Problem.of("azure.supportPlan", args.supportPlan(), "long-term support needs the Premium tier; set azure.skuTier: Premium"));
        }
        guids("azure.adminGroupObjectIds", args.adminGroupObjectIds(), problems);
        guids("azure.adminPrincipalIds", args.adminPrincipalIds(), problems);
        boolean adoptsKey = args.kmsKeyId().isPresent() || args.kmsKeyVaultId().isPresent();
        if (args.secretsEncryption() == AzureTargetArgs.SecretsEncryption.PLATFORM && adoptsKey) {
            problems.add(Problem.of("azure.kms", args.kmsKeyId().orElse(args.kmsKeyVaultId().orElse(null)),
                    "is set but secretsEncryption is platform, which uses no key; remove azure.kms or set secretsEncryption: keyVault"));
        }
        if (adoptsKey && (args.kmsKeyId().isEmpty() || args.kmsKeyVaultId().isEmpty())) {
            problems.add(Problem.of(args.kmsKeyId().isEmpty() ? "azure.kms.keyId" : "azure.kms.keyVaultId", null,
                    "is required with the other: an adopted key needs its versioned key URL and its vault's resource id"));
        }
        args.kmsKeyId().filter(id -> !KEY_ID.matcher(id).matches()).ifPresent(id -> problems.add(Problem.of("azure.kms.keyId", id,
                "is not a versioned Key Vault key URL; expected https://<vault>.vault.azure.net/keys/<name>/<32-hex version>")));
        args.kmsKeyVaultId().filter(id -> !VAULT_ID.matcher(id).matches()).ifPresent(id -> problems.add(Problem.of("azure.kms.keyVaultId", id,
                "is not a Key Vault resource id; expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>")));
        args.logAnalyticsWorkspaceId().filter(id -> !WORKSPACE_ID.matcher(id).matches()).ifPresent(id -> problems.add(Problem.of(
                "azure.logAnalyticsWorkspaceId", id, "is not a Log Analytics workspace resource id; expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>")));
        if (args.tokenCommand().isEmpty() || args.tokenCommand().get(0).isBlank()) {
            problems.add(Problem.of("azure.tokenCommand", args.tokenCommand(), "must name the kubeconfig credential helper, e.g. [codezero-aks-token]"));
        }
    }

    /**
     * Entra ID object ids, each once: GUIDs compare without regard to case, and Azure keeps one
     * assignment of a role to a principal at a scope (a repeat fails with RoleAssignmentExists).
     */
    private static void guids(String field, List<String> ids, List<Problem> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!GUID.matcher(ids.get(i)).matches()) {
                problems.add(Problem.of(field + "[" + i + "]", ids.get(i), "is not an Entra ID object id; expected a GUID"));
            } else if (!seen.add(ids.get(i).toLowerCase(java.util.Locale.ROOT))) {
                problems.add(Problem.of(field + "[" + i + "]", ids.get(i), "repeats an earlier id (ids compare without regard to case); list each once"));
            }
        }
    }

    private static void validateTags(ClusterSpec spec, List<Problem> problems) {
        if (spec.tags().size() + OWN_TAGS > MAX_TAGS) {
            problems.add(Problem.of("tags", spec.tags().size() + " tags", "Azure allows " + MAX_TAGS + " tags per resource and CodeZero adds "
                    + OWN_TAGS + "; keep at most " + (MAX_TAGS - OWN_TAGS)));
        }
        for (Map.Entry<String, String> tag : spec.tags().entrySet()) {
            String key = tag.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            if (key.length() > 512) {
                problems.add(Problem.of("tags", key.substring(0, 20) + "...", "Azure tag names must be at most 512 characters"));
            }
            if (TAG_KEY_FORBIDDEN.matcher(key).find()) {
                problems.add(Problem.of("tags." + key, key, "Azure tag names cannot contain < > % & \\ ? /; rename the tag"));
            }
            for (String reserved : List.of("azure", "microsoft", "windows")) {
                if (lower.startsWith(reserved)) {
                    problems.add(Problem.of("tags." + key, key, "the '" + reserved + "' prefix is reserved by Azure; choose another tag name"));
                }
            }
        }
    }

    private static String suggestPoolName(String name) {
        String cleaned = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "pool" + cleaned;
        }
        return cleaned.substring(0, Math.min(MAX_POOL_NAME, cleaned.length()));
    }
}
