package io.codezero.pkg.shape;

/** {@code platform.dashboards}: what {@code PlatformConfig} reads for the dashboards layer. */
@Doc("Grafana with the platform's dashboards. `{}` takes every default.")
public final class DashboardsShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("The layer's namespace.")
    String namespace;

    @Doc("Size of Grafana's volume (e.g. 1Gi).")
    String storage;

    @Doc("private (default), public or none: how Grafana is reached through the gateway.")
    String route;

    private DashboardsShape() {
    }
}
