package io.codezero.pkg.shape;

/** {@code gcp.maintenance.noMinorUpgrades}. */
@Doc("A period without minor version upgrades.")
public final class GcpNoMinorUpgradesShape {
    @Doc("Its start, RFC 3339.")
    String start;

    @Doc("Its end, RFC 3339.")
    String end;

    /** Not constructed: a shape is read by reflection only. */
    private GcpNoMinorUpgradesShape() {
    }
}
