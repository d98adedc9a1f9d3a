package io.codezero.pkg.shape;

/** {@code azure.systemPool}. */
@Doc("The AKS system pool (at least 4 vCPUs per node).")
public final class AzureSystemPoolShape {
    @Doc("Its VM size (default `Standard_D4s_v5`).")
    String vmSize;

    @Doc("Its node count (default 3).")
    Integer count;

    /** Not constructed: a shape is read by reflection only. */
    private AzureSystemPoolShape() {
    }
}
