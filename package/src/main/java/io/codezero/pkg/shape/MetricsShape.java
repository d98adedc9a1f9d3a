package io.codezero.pkg.shape;

import java.util.List;

/** {@code platform.metrics}: what {@code PlatformConfig} reads for the metrics layer. */
@Doc("Prometheus and Alertmanager: the cluster's metrics and alerts. `{}` takes every default.")
public final class MetricsShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("The layer's namespace.")
    String namespace;

    @Doc("How long metrics are kept (e.g. 15d).")
    String retention;

    @Doc("Size of Prometheus's volume (e.g. 20Gi).")
    String storage;

    @Doc("Size of Alertmanager's volume (e.g. 1Gi).")
    String alertStorage;

    @Doc("Where Alertmanager sends alerts.")
    List<AlertReceiverShape> receivers;

    private MetricsShape() {
    }
}
