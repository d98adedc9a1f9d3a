package io.codezero.platform.layers;

import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.Requirement;
import io.codezero.platform.Capability;
import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.core.Versions;
import io.codezero.core.target.ControlPlaneComponent;
import io.codezero.core.target.ScrapableControlPlane;
import io.codezero.core.target.StorageTier;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.KubernetesObject;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.k8s.PodSecurity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metrics and alerts: the Prometheus operator stack (Prometheus, Alertmanager, node exporter,
 * kube-state-metrics, the chart's cluster and node rules) plus CodeZero's own health rules and
 * Istio scrape targets. Alertmanager's configuration is a Kubernetes Secret built from typed
 * receivers, so webhook URLs and SMTP passwords never sit in Helm values.
 */
public final class MetricsLayer extends DeclaredLayer<MetricsLayer.Options> {
    /** The layer's name and config key. */
    public static final String NAME = "metrics";
    /** The pinned kube-prometheus-stack chart. */
    public static final ChartRef KUBE_PROMETHEUS_STACK = new ChartRef("kube-prometheus-stack",
            Versions.Platform.PROMETHEUS_COMMUNITY_REPO, "kube-prometheus-stack", Versions.Platform.KUBE_PROMETHEUS_STACK);
    /**
     * The operator's CRDs as templates, so every chart upgrade upgrades them too; kube-prometheus-stack's own copy lives
     * in crds/, which {@code helm upgrade} never applies, so it is switched off.
     */
    public static final ChartRef PROMETHEUS_OPERATOR_CRDS = new ChartRef("prometheus-operator-crds",
            Versions.Platform.PROMETHEUS_COMMUNITY_REPO, "prometheus-operator-crds", Versions.Platform.PROMETHEUS_OPERATOR_CRDS);
    /** The Secret holding Alertmanager's configuration. */
    public static final String ALERTMANAGER_SECRET = "codezero-alertmanager";
    private static final String FULLNAME = "codezero";
    private static final String MONITORING_API = "monitoring.coreos.com/v1";
    /**
     * Pod label of a sidecar-mode app whose Envoy statistics are scraped through the sidecar's merged endpoint (15020),
     * with value {@link #MERGED}: the {@code envoy-stats} PodMonitor leaves such pods out, so no series is scraped twice.
     */
    public static final String MERGED_METRICS_LABEL = "codezero.io/metrics";
    /** Value of {@link #MERGED_METRICS_LABEL}: the merged endpoint serves the app's metrics and Envoy's. */
    public static final String MERGED = "merged";
    /** Pod label that keeps one pod of an ambient namespace out of the mesh (value {@code none}). */
    public static final String AMBIENT_OPT_OUT_LABEL = "istio.io/dataplane-mode";
    static final String KEEP_POLICY = "helm.sh/resource-policy";
    /** An Envoy's own statistics: the istio-proxy container's port 15090, named so by the injector and the gateway chart. */
    private static final Map<String, Object> ENVOY_ENDPOINT = Map.of("port", "http-envoy-prom", "path", "/stats/prometheus", "interval", "30s");
    /** kube-prometheus-stack's switch for each component's ServiceMonitor, Service and default rules. */
    static final Map<ControlPlaneComponent, String> CONTROL_PLANE_KEYS = new java.util.EnumMap<>(Map.of(
            ControlPlaneComponent.SCHEDULER, "kubeScheduler",
            ControlPlaneComponent.CONTROLLER_MANAGER, "kubeControllerManager",
            ControlPlaneComponent.PROXY, "kubeProxy",
            ControlPlaneComponent.ETCD, "kubeEtcd"));

    /**
     * The settings a metrics layer was built with.
     *
     * @param namespace    where Prometheus, Alertmanager and the operator run
     * @param retention    how long Prometheus keeps samples, e.g. 15d
     * @param storage      Prometheus' volume size
     * @param alertStorage Alertmanager's volume size
     * @param receivers    where alerts go
     */
    public record Options(String namespace, String retention, String storage, String alertStorage, List<AlertReceiver> receivers) {
        /**
         * Copies the receivers.
         *
         * @param namespace where Prometheus, Alertmanager and the operator run
         * @param retention how long Prometheus keeps samples, e.g. 15d
         * @param storage Prometheus' volume size
         * @param alertStorage Alertmanager's volume size
         * @param receivers where alerts go
         * @deprecated a layer is built with its builder ({@code MetricsLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
            receivers = List.copyOf(receivers);
        }
    }

    private MetricsLayer(Options options) {
        super(options, NAME, List.of(PROMETHEUS_OPERATOR_CRDS, KUBE_PROMETHEUS_STACK), List.of(options.namespace()),
                List.of(Requirement.uses(Mesh.class)), Set.of(Capability.of(Metrics.class)));
    }

    /** Prometheus, Alertmanager and the health rules. Every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MetricsLayer}: namespace codezero-metrics, retention 15d, a 20Gi volume unless told otherwise. */
    public static final class Builder extends LayerBuilder.Retained<Builder> {
        private String alertStorage = "2Gi";
        private List<AlertReceiver> receivers = List.of();

        private Builder() {
            super("codezero-metrics", "20Gi", "15d");
        }




        /** Alertmanager volume size; default 2Gi. */
        public Builder alertStorage(String alertStorage) {
            this.alertStorage = alertStorage;
            return this;
        }

        /** Where alerts go ({@link AlertReceiver#webhook}, {@link AlertReceiver#slack}); none: alerts are only visible in Alertmanager. */
        public Builder receivers(List<AlertReceiver> receivers) {
            this.receivers = io.codezero.core.validation.Arguments.items(receivers, "MetricsLayer.Builder.receivers");
            return this;
        }

        /** The layer; its options are checked with the stack's, before anything is registered. */
        public MetricsLayer build() {
            return new MetricsLayer(new Options(namespace, retention, storage, alertStorage, receivers));
        }
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        Quantities.checkRetention("platform.metrics.retention", options().retention(), problems);
        Quantities.checkStorage("platform.metrics.storage", options().storage(), problems);
        Quantities.checkStorage("platform.metrics.alertStorage", options().alertStorage(), problems);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < options().receivers().size(); i++) {
            String name = options().receivers().get(i).name();
            if (name == null || name.isBlank() || name.equals("null") || !names.add(name)) {
                problems.add(Problem.of("platform.metrics.receivers[" + i + "].name", name, "must be a unique, non-empty name other than \"null\""));
            }
            problems.addAll(options().receivers().get(i).validate("platform.metrics.receivers[" + i + "]"));
        }
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        String ns = options().namespace();
        String storageClass = context.cluster().storage().classFor(StorageTier.STANDARD);
        // privileged: the node exporter DaemonSet uses the host's network, PID namespace and file system.
        Namespace namespace = context.systemNamespace("metrics-namespace", ns, PodSecurity.PRIVILEGED);

        Secret alertmanagerConfig = new Secret(context.name("metrics-alertmanager-config"), SecretArgs.builder()
                .metadata(Meta.of(ALERTMANAGER_SECRET, ns, NAME))
                .stringData(alertmanagerYaml().applyValue(yaml -> Map.of("alertmanager.yaml", yaml)).asSecret())
                .build(), context.options(namespace));

        // CRDs first, as their own release: the operator needs them, and so does every ServiceMonitor, PodMonitor and
        // rule, which therefore wait for this release only, never for Prometheus to run.
        // The CRDs outlive the release (Helm's keep policy), like Istio's and cert-manager's: switching the layer off must
        // not delete every ServiceMonitor, PodMonitor and PrometheusRule that apps keep in their own namespaces.
        Release crds = context.release("metrics-prometheus-operator-crds", PROMETHEUS_OPERATOR_CRDS, "prometheus-operator-crds", ns,
                Map.of("crds", Map.of("annotations", Map.of(KEEP_POLICY, "keep"))), 300, namespace);

        Map<String, Object> prometheusSpec = new LinkedHashMap<>();
        prometheusSpec.put("retention", options().retention());
        prometheusSpec.put("resources", IstioLayer.requests("200m", "1Gi"));
        // Select every ServiceMonitor, PodMonitor and rule in every namespace: apps register their own.
        prometheusSpec.put("serviceMonitorSelectorNilUsesHelmValues", false);
        prometheusSpec.put("podMonitorSelectorNilUsesHelmValues", false);
        prometheusSpec.put("ruleSelectorNilUsesHelmValues", false);
        prometheusSpec.put("storageSpec", volumeClaim(storageClass, options().storage()));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullnameOverride", FULLNAME);
        // The CRDs come from the release above (upgraded with it); the chart's crds/ copy would never be upgraded.
        values.put("crds", Map.of("enabled", false));
        values.put("defaultRules", Map.of("create", true));
        // Grafana is its own layer, so dashboards can be switched off without losing metrics.
        values.put("grafana", Map.of("enabled", false));
        values.put("prometheus", Map.of("prometheusSpec", prometheusSpec));
        values.put("alertmanager", Map.of("alertmanagerSpec", Map.of(
                "useExistingSecret", true,
                "configSecret", ALERTMANAGER_SECRET,
                "resources", IstioLayer.requests("20m", "64Mi"),
                "storage", volumeClaim(storageClass, options().alertStorage()))));
        // Rules and monitors no longer wait for the operator, so its validating webhook must not reject them while the
        // operator is still starting (or rolling during an upgrade); the operator still checks what it loads.
        Map<String, Object> operator = new LinkedHashMap<>(Map.of("resources", IstioLayer.requests("50m", "128Mi"),
                "admissionWebhooks", Map.of("failurePolicy", "Ignore")));
        // Ambient: the namespace joins the mesh, and under mesh-wide STRICT mTLS ztunnel refuses the API server's
        // plain-text calls to the operator's admission webhook (istio/istio#52874; a port-level PERMISSIVE override is
        // not honoured by ztunnel, istio/istio#53884), which `failurePolicy: Ignore` would hide: every PrometheusRule
        // unvalidated. The operator only talks to the API server, so its pod stays out of the mesh.
        if (context.fact(Mesh.class).map(m -> m.mode() == IstioMode.AMBIENT).orElse(false)) {
            operator.put("podLabels", Map.of(AMBIENT_OPT_OUT_LABEL, "none"));
        }
        values.put("prometheusOperator", operator);
        values.put("nodeExporter", Map.of("enabled", true));
        // A monitor (and its default alerts, which the chart gates on the same switch) only for what the target says can be
        // scraped: on managed and single-binary control planes the others do not exist and would page from the first minute.
        ScrapableControlPlane scrapable = context.cluster().facts().get(ScrapableControlPlane.class)
                .orElse(ScrapableControlPlane.none("the target states no scrapable control-plane components"));
        CONTROL_PLANE_KEYS.forEach((part, key) -> values.put(key, Map.of("enabled", scrapable.includes(part))));
        Release release = context.release("metrics-kube-prometheus-stack", KUBE_PROMETHEUS_STACK, "kube-prometheus-stack", ns, values,
                900, namespace, alertmanagerConfig, crds);

        KubernetesObject.of(context.name("metrics-health-rules"), MONITORING_API, "PrometheusRule", Meta.of("codezero-health", ns, NAME),
                HealthRules.spec(), context.options(crds));
        // Istio's scrape targets are plain config: they need the operator's CRDs, not a running mesh.
        KubernetesObject.of(context.name("metrics-istiod-monitor"), MONITORING_API, "ServiceMonitor", Meta.of("istiod", ns, NAME),
                Map.of("namespaceSelector", Map.of("matchNames", List.of(IstioLayer.SYSTEM_NAMESPACE)),
                        "selector", Map.of("matchLabels", Map.of("app", "istiod")),
                        "endpoints", List.of(Map.of("port", "http-monitoring", "interval", "30s"))),
                context.options(crds));
        // Every sidecar (the injector labels its pod with tlsMode) except those whose Envoy statistics an app's
        // ServiceMonitor already scrapes through the merged endpoint (15020): each series is scraped once.
        KubernetesObject.of(context.name("metrics-envoy-monitor"), MONITORING_API, "PodMonitor", Meta.of("envoy-stats", ns, NAME),
                Map.of("namespaceSelector", Map.of("any", true),
                        "selector", Map.of("matchExpressions", List.of(
                                Map.of("key", "security.istio.io/tlsMode", "operator", "Exists"),
                                Map.of("key", MERGED_METRICS_LABEL, "operator", "DoesNotExist"))),
                        "podMetricsEndpoints", List.of(ENVOY_ENDPOINT)),
                context.options(crds));
        // The ingress gateway's Envoy: istiod's gateway injection template sets no tlsMode label, so envoy-stats
        // never selects it; it is the source of every request metric at the edge.
        context.fact(Mesh.class).ifPresent(mesh -> KubernetesObject.of(context.name("metrics-gateway-monitor"), MONITORING_API, "PodMonitor",
                Meta.of("istio-gateway", ns, NAME),
                Map.of("namespaceSelector", Map.of("matchNames", List.of(mesh.gatewayNamespace())),
                        "selector", Map.of("matchLabels", mesh.gatewaySelector()),
                        "podMetricsEndpoints", List.of(ENVOY_ENDPOINT)),
                context.options(crds)));

        Metrics metrics = new Metrics("http://" + FULLNAME + "-prometheus." + ns + ".svc:9090",
                "http://" + FULLNAME + "-alertmanager." + ns + ".svc:9093",
                "cluster.local/ns/" + ns + "/sa/" + FULLNAME + "-prometheus", List.of(crds));
        return InstalledLayer.of(NAME, List.of(crds, release)).withFact(Metrics.class, metrics);
    }

    private Output<String> alertmanagerYaml() {
        List<Output<Map<String, Object>>> receiverConfigs = new ArrayList<>();
        for (int i = 0; i < options().receivers().size(); i++) {
            receiverConfigs.add(options().receivers().get(i).toConfig("platform.metrics.receivers[" + i + "]"));
        }
        Output<List<Map<String, Object>>> all = receiverConfigs.isEmpty() ? Output.of(List.of()) : Output.all(receiverConfigs);
        return all.applyValue(configs -> {
            List<Object> receivers = new ArrayList<>();
            receivers.add(Map.of("name", "null"));
            receivers.addAll(configs);
            List<Object> routes = new ArrayList<>();
            // Watchdog fires all the time to prove the pipeline works; it is for dead-man switches, not people.
            routes.add(Map.of("receiver", "null", "matchers", List.of("alertname = \"Watchdog\"")));
            for (AlertReceiver r : options().receivers()) {
                routes.add(Map.of("receiver", r.name(), "matchers", List.of("severity =~ \"warning|critical\""), "continue", true));
            }
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("receiver", "null");
            route.put("group_by", List.of("alertname", "namespace"));
            route.put("group_wait", "30s");
            route.put("group_interval", "5m");
            route.put("repeat_interval", "4h");
            route.put("routes", routes);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("route", route);
            config.put("receivers", receivers);
            // JSON is YAML: alertmanager reads it as is, and Gson keeps the key order stable between runs.
            return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(sorted(config));
        });
    }

    /** Keys in a fixed order, so the same receivers give the same Secret on every run and every JVM. */
    static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MetricsLayer::sorted).toList();
        }
        return value;
    }

    private static Map<String, Object> volumeClaim(String storageClass, String size) {
        return Map.of("volumeClaimTemplate", Map.of("spec", Map.of(
                "storageClassName", storageClass,
                "accessModes", List.of("ReadWriteOnce"),
                "resources", Map.of("requests", Map.of("storage", size)))));
    }
}
