package io.codezero.pkg.shape;

/** {@code digitalocean.builtInPool}. */
@Doc("The node pool DOKS creates with the cluster.")
public final class DigitalOceanBuiltInPoolShape {
    @Doc("Its Droplet slug (default `s-2vcpu-4gb`).")
    String size;

    @Doc("Its node count, 1-10 (default 2).")
    Integer nodes;

    /** Not constructed: a shape is read by reflection only. */
    private DigitalOceanBuiltInPoolShape() {
    }
}
