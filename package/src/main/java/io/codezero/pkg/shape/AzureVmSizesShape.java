package io.codezero.pkg.shape;

/** {@code azure.vmSizes}: one key per {@code SizeClass}. */
@Doc("The VM size of each node pool size class.")
public final class AzureVmSizesShape {
    @Doc("VM size for `size: small` pools.")
    String small;

    @Doc("VM size for `size: medium` pools.")
    String medium;

    @Doc("VM size for `size: large` pools.")
    String large;

    @Doc("VM size for `size: gpu` pools; an N-series size.")
    String gpu;

    /** Not constructed: a shape is read by reflection only. */
    private AzureVmSizesShape() {
    }
}
