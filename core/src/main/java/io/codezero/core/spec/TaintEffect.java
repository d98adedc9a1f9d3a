package io.codezero.core.spec;

/** Kubernetes taint effects, spelled as the API spells them. */
public enum TaintEffect {
    NoSchedule,
    PreferNoSchedule,
    NoExecute
}
