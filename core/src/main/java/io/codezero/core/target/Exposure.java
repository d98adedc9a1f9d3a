package io.codezero.core.target;

/** Where a load-balanced service is reachable from. */
public enum Exposure {
    INTERNET_FACING,
    INTERNAL
}
