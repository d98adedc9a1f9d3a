package io.codezero.core.target;

/** The kinds of storage a layer or app may ask for. */
public enum StorageTier {
    /** Durable, general-purpose volumes. */
    STANDARD,
    /** Low-latency volumes (SSD where the cloud distinguishes). */
    FAST
}
