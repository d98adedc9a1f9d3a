package io.codezero.pkg.shape;

/** {@code platform.apps[i].quota}. */
@Doc("A resource quota on the app's namespace.")
public final class AppQuotaShape {
    @Doc("CPU requests and limits the namespace may total (e.g. 2).")
    String cpu;

    @Doc("Memory requests and limits the namespace may total (e.g. 4Gi).")
    String memory;

    @Doc("Total storage the namespace's volumes may claim (e.g. 20Gi).")
    String storage;

    @Doc("Most pods in the namespace.")
    Integer pods;

    private AppQuotaShape() {
    }
}
