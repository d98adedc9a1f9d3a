package io.codezero.pkg.shape;

/** {@code digitalocean.project}. */
@Doc("The DigitalOcean project the cluster's resources belong to.")
public final class DigitalOceanProjectShape {
    @Doc("Adopt this project (UUID) instead of creating one.")
    String id;

    @Doc("The environment of the project CodeZero creates: `Development`, `Staging` or `Production`.")
    String environment;

    /** Not constructed: a shape is read by reflection only. */
    private DigitalOceanProjectShape() {
    }
}
