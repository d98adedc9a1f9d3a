package io.codezero.pkg.shape;

/** {@code cluster.nodePools[i].taints[j]}. */
@Doc("A node taint.")
public final class TaintShape {
    @Doc("The taint's key.")
    @Required
    String key;

    @Doc("The taint's value (may be empty).")
    String value;

    @Doc("NoSchedule (default), PreferNoSchedule or NoExecute.")
    String effect;

    private TaintShape() {
    }
}
