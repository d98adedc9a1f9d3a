package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/**
 * {@code platform}: what {@code io.codezero.platform.PlatformConfig} reads. Istio, logs, dashboards and gui are spelled
 * out; the other layer sections and the apps are free-form objects here (their keys depend on the layer's settings or the app's kind), and
 * CodeZero's reader checks them.
 */
@Doc("The platform: settings, layers and apps.")
public final class PlatformShape {
    @Doc("The platform's DNS domain; consoles and routed apps get hosts under it.")
    String domain;

    @Doc("The namespace of the platform's own objects.")
    String systemNamespace;

    @Doc("internet-facing or internal: how the gateway's load balancer is exposed.")
    String gatewayExposure;

    @Doc("Where each Helm chart comes from, by release name: a local chart directory or a repository URL.")
    Map<String, String> chartSources;

    @Doc("Istio: mode (sidecar or ambient), gateway, auth.")
    IstioShape istio;

    @Doc("cert-manager and the issuer (selfSigned or acme); docs/platform.md lists the keys.")
    FreeForm certificates;

    @Doc("Prometheus, Alertmanager and their storage and receivers; docs/platform.md lists the keys.")
    FreeForm metrics;

    @Doc("Loki and Alloy: retention and storage.")
    LogsShape logs;

    @Doc("Grafana: storage and route.")
    DashboardsShape dashboards;

    @Doc("Headlamp and Kiali: route; docs/gui.md.")
    GuiShape gui;

    @Doc("Browser sign-in at the gateway (OIDC issuer, client); its client secret makes the platform input a secret.")
    FreeForm signIn;

    @Doc("Apps from CodeZero's catalogue (name, kind, storage, links, route, ...); docs/apps.md lists the keys per kind.")
    List<FreeForm> apps;

    private PlatformShape() {
    }
}
