package io.codezero.platform.layers;

import com.pulumi.resources.Resource;
import java.util.List;

/**
 * What the metrics layer offers: addresses (plain names, so nobody waits for Prometheus to run) and
 * what a ServiceMonitor or PrometheusRule must wait for (the operator's CRDs).
 *
 * @param scraperPrincipal Prometheus' mesh identity, allowed to an app's metrics port in ambient mode
 */
public record Metrics(String prometheusUrl, String alertmanagerUrl, String scraperPrincipal, List<Resource> crdsReady) {
    /** Copies the list. */
    public Metrics {
        crdsReady = List.copyOf(crdsReady);
    }
}
