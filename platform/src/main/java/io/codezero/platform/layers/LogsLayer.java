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
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.PodSecurity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logs: Loki in single-binary mode on a volume of the target's standard storage class, and Grafana
 * Alloy on every node shipping every pod's logs to it. Alloy only needs Loki's address, so the two
 * releases install side by side; Alloy retries until Loki answers.
 */
public final class LogsLayer extends DeclaredLayer<LogsLayer.Options> {
    /** The layer's name and config key. */
    public static final String NAME = "logs";
    /** The pinned Loki chart. */
    public static final ChartRef LOKI = new ChartRef("loki", Versions.Platform.GRAFANA_COMMUNITY_REPO, "loki", Versions.Platform.LOKI);
    /** The pinned Alloy chart. */
    public static final ChartRef ALLOY = new ChartRef("alloy", Versions.Platform.GRAFANA_REPO, "alloy", Versions.Platform.ALLOY);

    /**
     * The settings a logs layer was built with.
     *
     * @param namespace where Loki and Alloy run
     * @param retention how long logs are kept, e.g. 168h
     * @param storage   Loki's volume size, e.g. 20Gi
     */
    public record Options(String namespace, String retention, String storage) {
        /**
         * The settings as given.
         *
         * @param namespace where Loki and Alloy run
         * @param retention how long logs are kept, e.g. 168h
         * @param storage Loki's volume size, e.g. 20Gi
         * @deprecated a layer is built with its builder ({@code LogsLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
        }
    }

    private LogsLayer(Options options) {
        super(options, NAME, List.of(LOKI, ALLOY), List.of(options.namespace()), List.of(), Set.of(Capability.of(Logs.class)));
    }

    /** Loki and Alloy. Every option has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LogsLayer}: namespace codezero-logs, retention 168h, a 20Gi volume unless told otherwise. */
    public static final class Builder extends LayerBuilder.Retained<Builder> {
        private Builder() {
            super("codezero-logs", "20Gi", "168h");
        }




        /** The layer; its options are checked with the stack's, before anything is registered. */
        public LogsLayer build() {
            return new LogsLayer(new Options(namespace, retention, storage));
        }
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        Quantities.checkRetention("platform.logs.retention", options().retention(), problems);
        Quantities.checkStorage("platform.logs.storage", options().storage(), problems);
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        String ns = options().namespace();
        // privileged: the Alloy DaemonSet reads every node's pod logs from host paths.
        Namespace namespace = context.namespace("logs-namespace", ns, PodSecurity.PRIVILEGED, Map.of());
        String lokiUrl = "http://loki." + ns + ".svc:3100";

        Map<String, Object> loki = new LinkedHashMap<>();
        loki.put("auth_enabled", false);
        loki.put("commonConfig", Map.of("replication_factor", 1));
        loki.put("storage", Map.of("type", "filesystem"));
        loki.put("schemaConfig", Map.of("configs", List.of(Map.of("from", "2024-04-01", "store", "tsdb", "object_store", "filesystem",
                "schema", "v13", "index", Map.of("prefix", "loki_index_", "period", "24h")))));
        loki.put("limits_config", Map.of("retention_period", options().retention()));
        loki.put("compactor", Map.of("retention_enabled", true, "delete_request_store", "filesystem"));
        Map<String, Object> lokiValues = new LinkedHashMap<>();
        lokiValues.put("deploymentMode", "SingleBinary");
        lokiValues.put("loki", loki);
        lokiValues.put("singleBinary", Map.of("replicas", 1, "resources", IstioLayer.requests("100m", "256Mi"),
                "persistence", Map.of("enabled", true, "size", options().storage(),
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
        Release lokiRelease = context.release("logs-loki", LOKI, "loki", ns, lokiValues, 600, namespace);

        Map<String, Object> alloy = new LinkedHashMap<>();
        alloy.put("configMap", Map.of("create", true, "content", alloyConfig(lokiUrl)));
        alloy.put("mounts", Map.of("varlog", true));
        alloy.put("resources", IstioLayer.requests("50m", "128Mi"));
        Release alloyRelease = context.release("logs-alloy", ALLOY, "alloy", ns,
                Map.of("controller", Map.of("type", "daemonset"), "alloy", alloy), 600, namespace);

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
