package io.codezero.pkg.shape;

import java.util.List;

/** {@code azure}: the Azure target's settings, read by {@code AzureTargetArgs.fromConfig}. */
@Doc("Makes the cluster on Azure Kubernetes Service instead of adopting an existing one. Same keys as `codezero:azure` "
        + "(docs/azure.md); credentials come from the program's `azure-native:` config or the environment.")
public final class AzureShape {
    @Doc("The ARM location name, e.g. `westeurope` (lowercase, no spaces). Required.")
    String location;

    @Doc("Pin the subscription (provider, preflight, token helper); default the credential's.")
    String subscriptionId;

    @Doc("Pin the tenant; default the credential's.")
    String tenantId;

    @Doc("The resource group's name (default `<cluster>-rg`); node resources go to `<name>-nodes`.")
    String resourceGroup;

    @Doc("Use the existing group named `resourceGroup` (default false).")
    Boolean adoptResourceGroup;

    @Doc("Availability zones of every pool (default `[1, 2, 3]`); `[]` in regions without zones.")
    List<String> zones;

    @Doc("An existing subnet to adopt, and its egress.")
    AzureVnetShape vnet;

    @Doc("Size class to VM size, overriding the defaults; `gpu` must be an N-series size.")
    AzureVmSizesShape vmSizes;

    @Doc("The cluster's own system pool.")
    AzureSystemPoolShape systemPool;

    @Doc("`AzureLinux` (default) or `Ubuntu`.")
    String osSku;

    @Doc("Node OS disk size in GB, 30-2048 (default 128).")
    Integer osDiskSizeGB;

    @Doc("Upgrade surge: a percentage or a node count (default `33%`).")
    String maxSurge;

    @Doc("`none` (default), `patch`, `stable`, `rapid` or `node-image`.")
    String autoUpgradeChannel;

    @Doc("`Free`, `Standard` (default) or `Premium`.")
    String skuTier;

    @Doc("`KubernetesOfficial` (default) or `AKSLongTermSupport` (needs `Premium`).")
    String supportPlan;

    @Doc("Entra ID groups of cluster admins.")
    List<String> adminGroupObjectIds;

    @Doc("Entra ID object ids given AKS RBAC Cluster Admin.")
    List<String> adminPrincipalIds;

    @Doc("Give the identity running `pulumi up` AKS RBAC Cluster Admin (default true).")
    Boolean grantDeployerAdmin;

    @Doc("`keyVault` (KMS with a Key Vault key, default) or `platform` (explicit opt-out).")
    String secretsEncryption;

    @Doc("Bring your own KMS key.")
    AzureKmsShape kms;

    @Doc("Azure Monitor managed Prometheus metrics (default false).")
    Boolean azureMonitorMetrics;

    @Doc("Container insights into this Log Analytics workspace (resource id).")
    String logAnalyticsWorkspaceId;

    @Doc("The kubeconfig's exec command and its leading arguments; default `[codezero-aks-token]`.")
    List<String> tokenCommand;

    @Doc("Run the read-only preflight in preview and up (default false).")
    Boolean preflight;

    @Doc("Let the program set node counts (default false: the autoscaler owns them).")
    Boolean manageNodeCount;

    @Doc("Register the cluster with `protect` (default true); false is the explicit opt-out, needed before destroy.")
    Boolean protectCluster;

    @Doc("Create the role assignments (default true); false when they were made beforehand.")
    Boolean createRoleAssignments;

    @Doc("An existing user-assigned identity (resource id) for the control plane.")
    String controlPlaneIdentityId;

    /** Not constructed: a shape is read by reflection only. */
    private AzureShape() {
    }
}
