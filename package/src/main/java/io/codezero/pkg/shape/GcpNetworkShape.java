package io.codezero.pkg.shape;

/** {@code gcp.network}. */
@Doc("The VPC network: adopted, or the one CodeZero creates.")
public final class GcpNetworkShape {
    @Doc("Adopt this network (name or self link).")
    String name;

    @Doc("Adopt this subnetwork (name or self link); it must be in the region.")
    String subnetwork;

    @Doc("The pods' secondary range name (default `pods`).")
    String podRangeName;

    @Doc("The services' secondary range name (default `services`).")
    String serviceRangeName;

    /** Not constructed: a shape is read by reflection only. */
    private GcpNetworkShape() {
    }
}
