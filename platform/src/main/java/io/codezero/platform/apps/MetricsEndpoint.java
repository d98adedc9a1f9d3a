package io.codezero.platform.apps;

/** Where an app serves Prometheus metrics. */
public record MetricsEndpoint(int port, String path) {
}
