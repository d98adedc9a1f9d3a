package io.codezero.pkg.shape;

/** Output {@code gcpHandles}: {@code GkeClusterHandles} as plain values. */
@Doc("The GKE cluster's handles (the Java API's `GkeClusterHandles`) as plain values; only with the `gcp` target.")
public final class GcpHandlesShape {
    @Doc("The GKE cluster's id.")
    String clusterId;

    @Doc("The VPC's id (created) or the adopted network as configured.")
    String networkId;

    @Doc("The node subnet's id (created) or the adopted subnet as configured.")
    String subnetworkId;

    @Doc("The Workload Identity pool, `<project>.svc.id.goog`.")
    String workloadIdentityPool;

    @Doc("The email of the service account every node runs as.")
    String nodeServiceAccountEmail;

    /** Not constructed: a shape is read by reflection only. */
    private GcpHandlesShape() {
    }
}
