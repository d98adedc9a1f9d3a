package io.codezero.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.stacks.console.KubeApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** What the app page shows about metrics: the figures, or why there are none. */
    record Figures(Optional<String> unavailable, Map<String, String> values, List<String> alerts) {
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

    /** An app's figures: requests, errors, p95 latency (mesh), CPU and memory, and the alerts firing in its namespace. */
    Figures figures(String appNamespace) {
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
                values.put(q.getKey(), scalar(ask("/api/v1/query?query=" + KubeApi.query(q.getValue()))));
            }
            List<String> alerts = new ArrayList<>();
            for (JsonElement a : Json.arr(Json.obj(ask("/api/v1/alerts"), "data"), "alerts")) {
                JsonObject alert = a.getAsJsonObject();
                JsonObject labels = Json.obj(alert, "labels");
                if ("firing".equals(Json.str(alert, "state", "")) && appNamespace.equals(Json.str(labels, "namespace", ""))) {
                    alerts.add(Json.str(labels, "alertname", "?") + ": " + Json.str(Json.obj(alert, "annotations"), "summary", ""));
                }
            }
            return new Figures(Optional.empty(), values, alerts);
        } catch (IOException | RuntimeException e) {
            return new Figures(Optional.of("Prometheus (" + where() + ") did not answer through the API server's service proxy: "
                    + e.getMessage()), Map.of(), List.of());
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
        JsonArray value = result.get(0).getAsJsonObject().getAsJsonArray("value");
        try {
            return String.format(java.util.Locale.ROOT, "%.3g", Double.parseDouble(value.get(1).getAsString()));
        } catch (NumberFormatException e) {
            return value.get(1).getAsString();
        }
    }
}
