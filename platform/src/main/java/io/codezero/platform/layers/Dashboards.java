package io.codezero.platform.layers;

/** Present when Grafana runs: apps register dashboards as ConfigMaps with this label, found in every namespace. */
public record Dashboards(String label, String labelValue) {
    /** The label Grafana's dashboard sidecar looks for on ConfigMaps. */
    public static final Dashboards GRAFANA_SIDECAR = new Dashboards("grafana_dashboard", "1");
}
