package io.codezero.pkg.shape;

/** {@code platform.logs}: what {@code PlatformConfig} reads for the logs layer. */
@Doc("Loki and Alloy: the cluster's logs. `{}` takes every default.")
public final class LogsShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("The layer's namespace.")
    String namespace;

    @Doc("How long logs are kept (e.g. 24h, 7d).")
    String retention;

    @Doc("Size of Loki's volume (e.g. 10Gi).")
    String storage;

    private LogsShape() {
    }
}
