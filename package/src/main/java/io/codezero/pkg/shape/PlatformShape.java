package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/**
 * {@code platform}: what {@code io.codezero.platform.PlatformConfig} reads, every section spelled out. Where a key is
 * read only for some values of another (the issuer, a receiver's type, the app's kind), the shape declares the union and
 * its description says when it is read; CodeZero's reader checks the rest when the stack is constructed.
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

    @Doc("cert-manager and the issuer (selfSigned or acme).")
    CertificatesShape certificates;

    @Doc("Prometheus and Alertmanager: retention, storage and alert receivers.")
    MetricsShape metrics;

    @Doc("Loki and Alloy: retention and storage.")
    LogsShape logs;

    @Doc("Grafana: storage and route.")
    DashboardsShape dashboards;

    @Doc("Headlamp and Kiali: route; docs/gui.md.")
    GuiShape gui;

    @Doc("Browser sign-in at the gateway (OIDC issuer, client); its client secret makes the platform input a secret.")
    SignInShape signIn;

    @Doc("Apps: CodeZero's catalogue (postgresql, redis, minio, gitea, adminer) or container images, with their links and routes.")
    List<AppShape> apps;

    private PlatformShape() {
    }
}
