package io.codezero.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.stacks.console.KubeApi;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics layer's Prometheus, asked through the API server's service proxy
 * ({@code /api/v1/namespaces/NS/services/http:NAME:9090/proxy/...}) with the kubeconfig's rights: no port opened, nothing
 * installed. Request rate, errors and latency come from the mesh's {@code istio_*} metrics, CPU and memory from cAdvisor's.
 */
final class Prometheus {
    private final KubeApi api;
    private final String namespace;
    private final String service;

    private Prometheus(KubeApi api, String namespace, String service) {
        this.api = api;
        this.namespace = namespace;
        this.service = service;
    }

    /**
     * What the app page shows about metrics: the figures, or why there are none.
     *
     * @param unavailable why there are no figures (Prometheus's or the proxy's answer), if there are none
     * @param at the instant every query was evaluated at (one instant, so the figures agree with each other)
     * @param values each figure's name and value, three significant digits
     * @param alerts the alerts firing for the app's namespace: name and summary
     */
    record Figures(Optional<String> unavailable, Instant at, Map<String, String> values, List<String> alerts) {
    }

    /** The metrics layer's Prometheus Service, if the stack has a metrics layer. */
    static Optional<Prometheus> find(KubeApi api, Snapshot snapshot) throws IOException {
        Optional<LayerState> metrics = snapshot.layer("metrics");
        if (metrics.isEmpty()) {
            return Optional.empty();
        }
        for (String ns : metrics.get().namespaces()) {
            for (JsonElement e : Json.arr(api.get("/api/v1/namespaces/" + ns + "/services"), "items")) {
                JsonObject svc = e.getAsJsonObject();
                String name = Json.name(svc);
                boolean port9090 = false;
                for (JsonElement p : Json.arr(Json.obj(svc, "spec"), "ports")) {
                    port9090 |= Json.num(p.getAsJsonObject(), "port", 0) == 9090;
                }
                if (port9090 && name.contains("prometheus") && !name.contains("operator") && !name.equals("prometheus-operated")) {
                    return Optional.of(new Prometheus(api, ns, name));
                }
            }
        }
        return Optional.empty();
    }

    /** @return where the console asks */
    String where() {
        return namespace + "/" + service;
    }

    /**
     * An app's figures: requests, errors, p95 latency (mesh), CPU and memory, and the alerts firing for its namespace, all
     * evaluated at one instant.
     */
    Figures figures(String appNamespace, Instant at) {
        String time = String.format(Locale.ROOT, "%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000);
        Map<String, String> queries = new LinkedHashMap<>();
        String dest = "destination_workload_namespace=\"" + appNamespace + "\",reporter=\"destination\"";
        queries.put("requests per second", "sum(rate(istio_requests_total{" + dest + "}[5m]))");
        queries.put("errors per second (5xx)", "sum(rate(istio_requests_total{" + dest + ",response_code=~\"5..\"}[5m]))");
        queries.put("latency p95 (ms)", "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{" + dest + "}[5m])) by (le))");
        queries.put("CPU (cores)", "sum(rate(container_cpu_usage_seconds_total{namespace=\"" + appNamespace + "\",container!=\"\"}[5m]))");
        queries.put("memory (MiB)", "sum(container_memory_working_set_bytes{namespace=\"" + appNamespace + "\",container!=\"\"}) / 1048576");
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                values.put(q.getKey(), scalar(ask("/api/v1/query?query=" + KubeApi.query(q.getValue()) + "&time=" + time)));
            }
            List<String> alerts = new ArrayList<>();
            for (JsonElement a : Json.arr(Json.obj(ask("/api/v1/alerts"), "data"), "alerts")) {
                JsonObject alert = a.getAsJsonObject();
                JsonObject labels = Json.obj(alert, "labels");
                if ("firing".equals(Json.str(alert, "state", "")) && concerns(labels, appNamespace)) {
                    alerts.add(Json.str(labels, "alertname", "?") + ": " + Json.str(Json.obj(alert, "annotations"), "summary", ""));
                }
            }
            return new Figures(Optional.empty(), at, values, alerts);
        } catch (IOException | RuntimeException e) {
            return new Figures(Optional.of("Prometheus (" + where() + ") did not answer through the API server's service proxy: "
                    + e.getMessage()), at, Map.of(), List.of());
        }
    }

    /**
     * Whether an alert is about an app's namespace: by its {@code namespace} label (kube-state-metrics' and cAdvisor's
     * series), or, for the mesh's, by the destination service it names. CodeZero's own CodeZeroMeshHighErrorRate keeps only
     * {@code destination_service} ({@code NAME.NAMESPACE.svc.cluster.local}), so a namespace check alone would never show it.
     */
    static boolean concerns(JsonObject labels, String appNamespace) {
        if (appNamespace.equals(Json.str(labels, "namespace", "")) || appNamespace.equals(Json.str(labels, "destination_service_namespace", ""))) {
            return true;
        }
        String[] host = Json.str(labels, "destination_service", "").split("\\.");
        return host.length >= 3 && host[1].equals(appNamespace) && host[2].equals("svc");
    }

    /** A figure as the page shows it: three significant digits (Prometheus's NaN and Inf as it writes them). */
    static String format(String value) {
        try {
            return String.format(Locale.ROOT, "%.3g", Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private JsonObject ask(String path) throws IOException {
        return JsonParser.parseString(api.getText("/api/v1/namespaces/" + namespace + "/services/http:" + service + ":9090/proxy" + path))
                .getAsJsonObject();
    }

    private static String scalar(JsonObject answer) {
        JsonArray result = Json.arr(Json.obj(answer, "data"), "result");
        if (result.isEmpty()) {
            return "no data";
        }
        return format(result.get(0).getAsJsonObject().getAsJsonArray("value").get(1).getAsString());
    }
}
