package io.codezero.pkg.shape;

import java.util.List;

/** {@code aws.vpc}. */
@Doc("An existing VPC to adopt: nothing in it is created or tagged by CodeZero.")
public final class AwsVpcShape {
    @Doc("The VPC's id.")
    String id;

    @Doc("At least two private subnets in different zones.")
    List<String> privateSubnetIds;

    @Doc("Public subnets (needed for internet-facing load balancers).")
    List<String> publicSubnetIds;

    /** Not constructed: a shape is read by reflection only. */
    private AwsVpcShape() {
    }
}
