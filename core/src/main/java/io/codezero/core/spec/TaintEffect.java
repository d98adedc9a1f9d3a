package io.codezero.core.spec;

/** Kubernetes taint effects, spelled as the API spells them. */
public enum TaintEffect {
    /** New pods without a toleration are not scheduled on the node. */
    NoSchedule,
    /** The scheduler avoids the node for pods without a toleration. */
    PreferNoSchedule,
    /** Pods without a toleration are not scheduled and running ones are evicted. */
    NoExecute
}
