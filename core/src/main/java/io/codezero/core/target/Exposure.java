package io.codezero.core.target;

/** Where a load-balanced service is reachable from. */
public enum Exposure {
    /** Reachable from the internet (a public address). */
    INTERNET_FACING,
    /** Reachable only from the cluster's network (a private address). */
    INTERNAL
}
