package io.codezero.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The platform block of examples/minikube (full platform and two linked apps) as the config reader receives it. */
final class ExampleConfig {
    private ExampleConfig() {
    }

    static Map<String, Object> full() {
        Map<String, Object> platform = new HashMap<>();
        platform.put("domain", "codezero.localhost");
        platform.put("istio", new HashMap<>(Map.of("mode", "sidecar",
                "gateway", Map.of("replicas", 1, "serviceType", "NodePort"))));
        platform.put("certificates", new HashMap<>(Map.of("issuer", "selfSigned")));
        platform.put("metrics", new HashMap<>(Map.of("retention", "7d", "storage", "10Gi",
                "receivers", List.of(Map.of("name", "ops", "type", "webhook", "url", "https://hooks.example.com/alerts?token=abc")))));
        platform.put("logs", new HashMap<>(Map.of("retention", "72h", "storage", "5Gi")));
        platform.put("dashboards", new HashMap<>(Map.of("storage", "2Gi")));
        platform.put("gui", new HashMap<>(Map.of("route", "private", "kiali", true)));
        platform.put("apps", List.of(
                Map.of("name", "db", "kind", "postgresql", "storage", "5Gi"),
                Map.of("name", "git", "kind", "gitea", "storage", "5Gi", "links", List.of(Map.of("app", "db")),
                        "route", Map.of("visibility", "public", "host", "git"))));
        return platform;
    }

    static Map<String, Object> with(String key, Object value) {
        Map<String, Object> platform = full();
        platform.put(key, value);
        return platform;
    }
}
