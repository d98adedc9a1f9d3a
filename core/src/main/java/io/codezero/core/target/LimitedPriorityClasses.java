package io.codezero.core.target;

import java.util.List;
import java.util.Objects;

/**
 * Priority classes the cluster admits only where a quota allows them: a pod of one of these classes is
 * accepted in {@code kube-system}, and in any other namespace only when that namespace has a ResourceQuota
 * whose scope selects the class ({@code scopeSelector: PriorityClass In [<class>]}). This is the Kubernetes
 * ResourceQuota admission plugin's {@code limitedResources} configuration, which a distribution may set.
 *
 * <p>A layer whose node agents run as {@code system-node-critical} outside {@code kube-system} (istio-cni,
 * ztunnel) reads this fact and creates the quota with them; without it their DaemonSets get no pods at
 * all and every pod waiting for them hangs. Targets state it only when their distribution limits the class:
 * GKE does, for {@code system-node-critical} (Istio's platform prerequisites for GKE); EKS, AKS, DOKS and
 * k3s do not configure {@code limitedResources}, so they state nothing. An existing cluster's owner knows.
 *
 * @param priorityClasses the limited classes, e.g. {@code system-node-critical}; at least one
 * @param source          who imposes the rule, for messages and docs (e.g. "GKE")
 */
public record LimitedPriorityClasses(List<String> priorityClasses, String source) {
    /** The priority class of node agents that must run on every node. */
    public static final String NODE_CRITICAL = "system-node-critical";

    /**
     * Checks that at least one class and the source are given.
     *
     * @param priorityClasses the limited classes; at least one
     * @param source          who imposes the rule, for messages and docs
     */
    public LimitedPriorityClasses {
        priorityClasses = List.copyOf(Objects.requireNonNull(priorityClasses, "priorityClasses"));
        if (priorityClasses.isEmpty()) {
            throw new IllegalArgumentException("LimitedPriorityClasses needs at least one priority class");
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * Whether pods of this class need a ResourceQuota for it in any namespace other than kube-system.
     *
     * @param priorityClass a priority class name
     * @return true when this cluster limits the class
     */
    public boolean limits(String priorityClass) {
        return priorityClasses.contains(priorityClass);
    }
}
