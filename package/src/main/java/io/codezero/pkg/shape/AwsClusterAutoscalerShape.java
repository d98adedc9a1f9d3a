package io.codezero.pkg.shape;

/** {@code aws.clusterAutoscaler}. */
@Doc("The Cluster Autoscaler, on by default when a pool has minNodes below maxNodes.")
public final class AwsClusterAutoscalerShape {
    @Doc("Force the Cluster Autoscaler on or off.")
    Boolean enabled;

    @Doc("How long a node must be unneeded before it goes (default `10m`).")
    String scaleDownUnneededTime;

    @Doc("No scale-down this long after a scale-up (default `10m`).")
    String scaleDownDelayAfterAdd;

    @Doc("Requested CPU and memory over allocatable below which a node is unneeded (default `0.5`).")
    String scaleDownUtilizationThreshold;

    @Doc("Which pool grows: `least-waste` (default), `random`, `most-pods`, `priority`.")
    String expander;

    /** Not constructed: a shape is read by reflection only. */
    private AwsClusterAutoscalerShape() {
    }
}
