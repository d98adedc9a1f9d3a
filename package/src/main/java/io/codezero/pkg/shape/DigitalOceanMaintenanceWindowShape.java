package io.codezero.pkg.shape;

/** {@code digitalocean.maintenanceWindow}. */
@Doc("The weekly window in which DigitalOcean may upgrade the cluster.")
public final class DigitalOceanMaintenanceWindowShape {
    @Doc("`any` or `monday` ... `sunday`.")
    String day;

    @Doc("UTC start time, `HH:MM`.")
    String startTime;

    /** Not constructed: a shape is read by reflection only. */
    private DigitalOceanMaintenanceWindowShape() {
    }
}
