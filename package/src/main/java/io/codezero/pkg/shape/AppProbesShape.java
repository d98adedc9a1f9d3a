package io.codezero.pkg.shape;

/** {@code platform.apps[i].probes}. */
@Doc("The container's probes; one not given keeps its default (TCP on the app's port).")
public final class AppProbesShape {
    @Doc("The startup probe, or none for no startup probe.")
    @AlsoText
    AppProbeShape startup;

    @Doc("The readiness probe.")
    AppProbeShape readiness;

    @Doc("The liveness probe.")
    AppProbeShape liveness;

    private AppProbesShape() {
    }
}
