package io.codezero.pkg.shape;

import java.util.List;

/** {@code gcp}: the Google Cloud target's settings, read by {@code GcpTargetArgs.fromConfig}. */
@Doc("Makes the cluster on Google Kubernetes Engine (a regional GKE Standard cluster) instead of adopting an existing one. "
        + "Same keys as `codezero:gcp` (docs/gcp.md); credentials come from the program's `gcp:` config or the environment.")
public final class GcpShape {
    @Doc("The project id (6-30 lowercase letters, digits, `-`). Required.")
    String project;

    @Doc("The region, e.g. `europe-west1`; the cluster is regional. Required.")
    String region;

    @Doc("Zones of the region for the nodes; default GKE's three.")
    List<String> zones;

    @Doc("Adopt a network and subnetwork, and name the secondary ranges.")
    GcpNetworkShape network;

    @Doc("The control plane's private /28 (RFC 1918, outside every range); default `172.16.0.0/28`.")
    String masterCidr;

    @Doc("`RAPID`, `REGULAR` (default), `STABLE` or `UNSPECIFIED`.")
    String releaseChannel;

    @Doc("The maintenance window and an optional minor-upgrade freeze.")
    GcpMaintenanceShape maintenance;

    @Doc("Size class to machine type, overriding the defaults; `gpu` must be accelerator-optimized (a2, a3, g2 ...).")
    GcpMachineTypesShape machineTypes;

    @Doc("Adopt a Cloud KMS key for secrets encryption: `projects/P/locations/REGION/keyRings/R/cryptoKeys/K`.")
    String kmsKeyName;

    @Doc("Refuse to delete the cluster (default true).")
    Boolean deletionProtection;

    @Doc("The kubeconfig's exec command and its leading arguments; default `[codezero-gke-token]`.")
    List<String> tokenCommand;

    @Doc("Run the read-only preflight in preview and up (default false).")
    Boolean preflight;

    @Doc("Enable the cluster's Google APIs in the deploy, left on at destroy (default false).")
    Boolean enableApis;

    @Doc("How node pools upgrade.")
    GcpUpgradesShape upgrades;

    @Doc("Node boot disk size in GB, 10-65536 (default 100).")
    Integer diskSizeGb;

    @Doc("Node boot disk type: `pd-standard`, `pd-balanced` (default) or `pd-ssd`.")
    String diskType;

    /** Not constructed: a shape is read by reflection only. */
    private GcpShape() {
    }
}
