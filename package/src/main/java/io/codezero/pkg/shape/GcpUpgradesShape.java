package io.codezero.pkg.shape;

/** {@code gcp.upgrades}. */
@Doc("The node pool upgrade strategy and its settings.")
public final class GcpUpgradesShape {
    @Doc("`SURGE` (default) or `BLUE_GREEN`.")
    String strategy;

    @Doc("Surge: nodes added during an upgrade (default 1; maxSurge + maxUnavailable 1-20).")
    Integer maxSurge;

    @Doc("Surge: nodes that may be unavailable during an upgrade (default 0).")
    Integer maxUnavailable;

    @Doc("Blue-green: how long old nodes stay, e.g. `1800s` (default; at most 7 days).")
    String blueGreenSoak;

    /** Not constructed: a shape is read by reflection only. */
    private GcpUpgradesShape() {
    }
}
