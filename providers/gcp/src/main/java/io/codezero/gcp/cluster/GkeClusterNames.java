package io.codezero.gcp.cluster;

/** Names other code may rely on: the storage classes of the profile. */
public final class GkeClusterNames {
    public static final String STANDARD_CLASS = StorageClasses.STANDARD;
    public static final String FAST_CLASS = StorageClasses.FAST;

    private GkeClusterNames() {
    }
}
