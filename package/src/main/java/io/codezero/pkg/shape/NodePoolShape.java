package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/** {@code cluster.nodePools[i]}. */
@Doc("A node pool.")
public final class NodePoolShape {
    @Doc("The pool's name (a DNS label).")
    @Required
    public String name;

    @Doc("Fewest nodes (default 1).")
    public Integer minNodes;

    @Doc("Nodes to start with (default 2).")
    public Integer desiredNodes;

    @Doc("Most nodes (default 3).")
    public Integer maxNodes;

    @Doc("A size class: small, medium, large or xlarge (default medium); or give machineType.")
    public String size;

    @Doc("The cloud's machine type, instead of a size class.")
    public String machineType;

    @Doc("Node labels.")
    public Map<String, String> labels;

    @Doc("Spot / preemptible nodes.")
    public Boolean spot;

    @Doc("Node taints.")
    public List<TaintShape> taints;

    private NodePoolShape() {
    }
}
