package io.codezero.platform.layers;

import java.util.Set;
import io.codezero.platform.Capability;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.PlatformLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.helm.ChartSource;
import io.codezero.platform.k8s.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logs: Loki in single-binary mode on a volume of the target's standard storage class, and Grafana
 * Alloy on every node shipping every pod's logs to it. Alloy only needs Loki's address, so the two
 * releases install side by side; Alloy retries until Loki answers.
 */
public final class LogsLayer implements PlatformLayer {
    public static final String NAME = "logs";
    public static final ChartRef LOKI = new ChartRef("loki", Versions.Platform.GRAFANA_COMMUNITY_REPO, "loki", Versions.Platform.LOKI);
    public static final ChartRef ALLOY = new ChartRef("alloy", Versions.Platform.GRAFANA_REPO, "alloy", Versions.Platform.ALLOY);

    public record Options(String namespace, String retention, String storage) {
        public static Options defaults() {
            return new Options("codezero-logs", "168h", "20Gi");
        }
    }

    private final Options options;
    private final ChartSource charts;

    public LogsLayer(Options options, ChartSource charts) {
        this.options = options;
        this.charts = charts;
    }

    /** Loki and Alloy. Every option has a default; chart sources default to the pinned public repositories. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Options d = Options.defaults();
        private String namespace = d.namespace();
        private String retention = d.retention();
        private String storage = d.storage();
        private ChartSource charts = ChartSource.remote();

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** How long logs are kept, e.g. 72h or 30d. */
        public Builder retention(String retention) {
            this.retention = retention;
            return this;
        }

        /** Loki volume size, e.g. 20Gi. */
        public Builder storage(String storage) {
            this.storage = storage;
            return this;
        }

        /** Local chart directories or archives by chart key, for air-gapped installs. */
        public Builder charts(ChartSource charts) {
            this.charts = charts;
            return this;
        }

        public LogsLayer build() {
            return new LogsLayer(new Options(namespace, retention, storage), charts);
        }
    }

    @Override
    public List<ChartRef> charts() {
        return List.of(LOKI, ALLOY);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> namespaces() {
        return List.of(options.namespace());
    }

    @Override
    public Set<Capability> provides() {
        return Set.of(Capability.of(Logs.class));
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        Quantities.checkRetention("platform.logs.retention", options.retention(), problems);
        Quantities.checkStorage("platform.logs.storage", options.storage(), problems);
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        LayerComponent component = new LayerComponent("Logs", NAME, context);
        LayerContext c = context.withParent(component);
        String ns = options.namespace();
        Namespace namespace = Namespaces.create(c, "logs-namespace", ns, NAME, Map.of());
        String lokiUrl = "http://loki." + ns + ".svc:3100";

        Map<String, Object> loki = new LinkedHashMap<>();
        loki.put("auth_enabled", false);
        loki.put("commonConfig", Map.of("replication_factor", 1));
        loki.put("storage", Map.of("type", "filesystem"));
        loki.put("schemaConfig", Map.of("configs", List.of(Map.of("from", "2024-04-01", "store", "tsdb", "object_store", "filesystem",
                "schema", "v13", "index", Map.of("prefix", "loki_index_", "period", "24h")))));
        loki.put("limits_config", Map.of("retention_period", options.retention()));
        loki.put("compactor", Map.of("retention_enabled", true, "delete_request_store", "filesystem"));
        Map<String, Object> lokiValues = new LinkedHashMap<>();
        lokiValues.put("deploymentMode", "SingleBinary");
        lokiValues.put("loki", loki);
        lokiValues.put("singleBinary", Map.of("replicas", 1, "resources", IstioLayer.requests("100m", "256Mi"),
                "persistence", Map.of("enabled", true, "size", options.storage(),
                        "storageClass", context.cluster().storage().classFor(StorageTier.STANDARD))));
        lokiValues.put("backend", Map.of("replicas", 0));
        lokiValues.put("read", Map.of("replicas", 0));
        lokiValues.put("write", Map.of("replicas", 0));
        lokiValues.put("gateway", Map.of("enabled", false));
        lokiValues.put("chunksCache", Map.of("enabled", false));
        lokiValues.put("resultsCache", Map.of("enabled", false));
        lokiValues.put("lokiCanary", Map.of("enabled", false));
        lokiValues.put("test", Map.of("enabled", false));
        lokiValues.put("minio", Map.of("enabled", false));
        Release lokiRelease = charts.release(c.name("logs-loki"), LOKI, "loki", ns, lokiValues, 600, c.options(namespace));

        Map<String, Object> alloy = new LinkedHashMap<>();
        alloy.put("configMap", Map.of("create", true, "content", alloyConfig(lokiUrl)));
        alloy.put("mounts", Map.of("varlog", true));
        alloy.put("resources", IstioLayer.requests("50m", "128Mi"));
        Release alloyRelease = charts.release(c.name("logs-alloy"), ALLOY, "alloy", ns,
                Map.of("controller", Map.of("type", "daemonset"), "alloy", alloy), 600, c.options(namespace));

        component.done();
        return InstalledLayer.of(NAME, List.of(lokiRelease, alloyRelease)).withFact(Logs.class, new Logs(lokiUrl));
    }

    /** Alloy's pipeline: discover this node's pods, label them, tail their logs through the API and push to Loki. */
    static String alloyConfig(String lokiUrl) {
        return """
                discovery.kubernetes "pods" {
                  role = "pod"
                  selectors {
                    role  = "pod"
                    field = "spec.nodeName=" + coalesce(sys.env("HOSTNAME"), constants.hostname)
                  }
                }

                discovery.relabel "pods" {
                  targets = discovery.kubernetes.pods.targets
                  rule {
                    source_labels = ["__meta_kubernetes_namespace"]
                    target_label  = "namespace"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_name"]
                    target_label  = "pod"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_container_name"]
                    target_label  = "container"
                  }
                  rule {
                    source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]
                    target_label  = "app"
                  }
                }

                loki.source.kubernetes "pods" {
                  targets    = discovery.relabel.pods.output
                  forward_to = [loki.write.default.receiver]
                }

                loki.write "default" {
                  endpoint {
                    url = "%s/loki/api/v1/push"
                  }
                }
                """.formatted(lokiUrl);
    }
}
