package io.codezero.pkg.shape;

/** {@code gcp.machineTypes}: one key per {@code SizeClass}. */
@Doc("The machine type of each node pool size class.")
public final class GcpMachineTypesShape {
    @Doc("Machine type for `size: small` pools.")
    String small;

    @Doc("Machine type for `size: medium` pools.")
    String medium;

    @Doc("Machine type for `size: large` pools.")
    String large;

    @Doc("Machine type for `size: gpu` pools; accelerator-optimized.")
    String gpu;

    /** Not constructed: a shape is read by reflection only. */
    private GcpMachineTypesShape() {
    }
}
