package io.codezero.pkg.shape;

/** Output {@code azureHandles}: {@code AksClusterHandles} as plain values. */
@Doc("The AKS cluster's handles (the Java API's `AksClusterHandles`) as plain values; only with the `azure` target.")
public final class AzureHandlesShape {
    @Doc("The managed cluster's resource id.")
    String clusterId;

    @Doc("The cluster's resource group.")
    String resourceGroupName;

    @Doc("The control plane's user-assigned identity (resource id).")
    String clusterIdentityId;

    @Doc("That identity's principal id.")
    String clusterIdentityPrincipalId;

    @Doc("The kubelet identity's client id (e.g. for AcrPull).")
    String kubeletIdentityClientId;

    @Doc("The kubelet identity's object id.")
    String kubeletIdentityObjectId;

    @Doc("The OIDC issuer, for workload identity federated credentials.")
    String oidcIssuerUrl;

    @Doc("The node subnet's resource id.")
    String subnetId;

    /** Not constructed: a shape is read by reflection only. */
    private AzureHandlesShape() {
    }
}
