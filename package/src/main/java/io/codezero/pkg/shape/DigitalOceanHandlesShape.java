package io.codezero.pkg.shape;

/** Output {@code digitaloceanHandles}: {@code DoksClusterHandles} as plain values. */
@Doc("The DOKS cluster's handles (the Java API's `DoksClusterHandles`) as plain values; only with the `digitalocean` target.")
public final class DigitalOceanHandlesShape {
    @Doc("The DOKS cluster's id.")
    String clusterId;

    @Doc("The cluster's URN in DigitalOcean (`do:kubernetes:<id>`), for project membership.")
    String clusterUrn;

    @Doc("The VPC's id.")
    String vpcId;

    @Doc("The project's id.")
    String projectId;

    /** Not constructed: a shape is read by reflection only. */
    private DigitalOceanHandlesShape() {
    }
}
