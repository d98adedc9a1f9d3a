package io.codezero.pkg.shape;

import java.util.List;

/** {@code digitalocean}: the DigitalOcean target's settings, read by {@code DigitalOceanTargetArgs.fromConfig}. */
@Doc("Makes the cluster on DigitalOcean Kubernetes (DOKS) instead of adopting an existing one. Same keys as "
        + "`codezero:digitalocean` (docs/digitalocean.md); the API token comes from `digitalocean:token` or `tokenFile`.")
public final class DigitalOceanShape {
    @Doc("The region slug, e.g. `fra1`. Required.")
    String region;

    @Doc("Adopt an existing VPC (UUID) instead of creating one; then leave `cluster.network.vpcCidr` unset.")
    String vpcId;

    @Doc("The project: adopt one by `id`, or the `environment` of the one CodeZero creates.")
    DigitalOceanProjectShape project;

    @Doc("Size class to Droplet slug, overriding the defaults; `gpu` must be a `gpu-` slug.")
    DigitalOceanDropletSizesShape dropletSizes;

    @Doc("The cluster's own node pool (DOKS requires one); changing it replaces the cluster.")
    DigitalOceanBuiltInPoolShape builtInPool;

    @Doc("A highly available control plane (default true); DigitalOcean cannot turn it off again once on.")
    Boolean highAvailability;

    @Doc("Let nodes pull from the account's container registry (default false).")
    Boolean registryIntegration;

    @Doc("The account has DOKS' control-plane firewall (invite only): enforce `cluster.network.apiAccessAllowlist` with it "
            + "(default false).")
    Boolean controlPlaneFirewall;

    @Doc("When DigitalOcean may upgrade the cluster; default sunday 04:00 UTC. Give day and startTime together.")
    DigitalOceanMaintenanceWindowShape maintenanceWindow;

    @Doc("Delete the cluster's load balancers, volumes and snapshots with it (default false).")
    Boolean destroyAssociatedResources;

    @Doc("The exact DOKS version, e.g. `1.34.1-do.0`; must match `cluster.kubernetesVersion`.")
    String versionSlug;

    @Doc("The kubeconfig's exec command and its leading arguments; default `[codezero-doks-token]`.")
    List<String> tokenCommand;

    @Doc("A file holding the API token, passed to the helper and the preflight (the path, never the token).")
    String tokenFile;

    @Doc("Lifetime in seconds of the cluster credentials the helper asks for (600-86400, default 3600).")
    Integer credentialSeconds;

    @Doc("Run the read-only preflight in preview and up (default false).")
    Boolean preflight;

    /** Not constructed: a shape is read by reflection only. */
    private DigitalOceanShape() {
    }
}
