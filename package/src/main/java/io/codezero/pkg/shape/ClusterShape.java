package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/** {@code cluster}: what {@code io.codezero.core.config.ClusterSpecConfig} reads. */
@Doc("The cluster spec. An existing cluster adopts the cluster as it is: only name and kubernetesVersion apply there.")
public final class ClusterShape {
    @Doc("The cluster's name (a DNS label); starts the name of every resource of the stack. Defaults to the resource's name.")
    String name;

    @Doc("Kubernetes minor version, quoted (\"1.34\").")
    String kubernetesVersion;

    @Doc("Node pools (targets that make clusters); omit for the target's default pool.")
    List<NodePoolShape> nodePools;

    @Doc("The cluster's network (targets that make clusters).")
    NetworkShape network;

    @Doc("Cloud tags put on every resource the target creates.")
    Map<String, String> tags;

    private ClusterShape() {
    }
}
