package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/** {@code cluster.nodePools[i]}. */
@Doc("A node pool.")
public final class NodePoolShape {
    @Doc("The pool's name (a DNS label).")
    @Required
    String name;

    @Doc("Fewest nodes (default 1).")
    Integer minNodes;

    @Doc("Nodes to start with (default 2).")
    Integer desiredNodes;

    @Doc("Most nodes (default 3).")
    Integer maxNodes;

    @Doc("A size class: small, medium, large or xlarge (default medium); or give machineType.")
    String size;

    @Doc("The cloud's machine type, instead of a size class.")
    String machineType;

    @Doc("Node labels.")
    Map<String, String> labels;

    @Doc("Spot / preemptible nodes.")
    Boolean spot;

    @Doc("Node taints.")
    List<TaintShape> taints;

    private NodePoolShape() {
    }
}
