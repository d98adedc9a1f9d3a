package io.codezero.pkg.shape;

/** {@code gcp.maintenance}. */
@Doc("When GKE may upgrade the cluster; default weekend nights. Give start, end and recurrence together.")
public final class GcpMaintenanceShape {
    @Doc("The first window's start, RFC 3339.")
    String start;

    @Doc("The first window's end, RFC 3339.")
    String end;

    @Doc("How the window recurs, an RFC 5545 RRULE.")
    String recurrence;

    @Doc("A `NO_MINOR_UPGRADES` exclusion (needs a release channel).")
    GcpNoMinorUpgradesShape noMinorUpgrades;

    /** Not constructed: a shape is read by reflection only. */
    private GcpMaintenanceShape() {
    }
}
