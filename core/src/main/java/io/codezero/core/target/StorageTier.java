package io.codezero.core.target;

/** The kinds of storage a layer or app may ask for. */
public enum StorageTier {
    STANDARD,
    FAST
}
