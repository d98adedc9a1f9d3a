package io.codezero.pkg.shape;

/** {@code aws.instanceTypes}: one key per {@code SizeClass}. */
@Doc("The EC2 instance type of each node pool size class.")
public final class AwsInstanceTypesShape {
    @Doc("Instance type for `size: small` pools.")
    String small;

    @Doc("Instance type for `size: medium` pools.")
    String medium;

    @Doc("Instance type for `size: large` pools.")
    String large;

    @Doc("Instance type for `size: gpu` pools; a GPU type.")
    String gpu;

    /** Not constructed: a shape is read by reflection only. */
    private AwsInstanceTypesShape() {
    }
}
