package io.codezero.gcp.cluster;

import com.google.gson.GsonBuilder;
import io.codezero.gcp.auth.ExecCredential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kubeconfig for a GKE cluster whose user runs an exec credential plugin (by default
 * {@code codezero-gke-token}, shipped by this project) instead of gcloud and gke-gcloud-auth-plugin.
 * Written as JSON, which every kubeconfig reader accepts, so quoting is exact.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static String render(String contextName, String endpoint, String caCertificate, List<String> tokenCommand) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", endpoint.startsWith("https://") ? endpoint : "https://" + endpoint);
        cluster.put("certificate-authority-data", caCertificate);

        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", ExecCredential.DEFAULT_API_VERSION);
        exec.put("command", tokenCommand.get(0));
        exec.put("args", tokenCommand.subList(1, tokenCommand.size()));
        // never prompt: the Pulumi provider and CI have no terminal
        exec.put("interactiveMode", "Never");
        exec.put("provideClusterInfo", false);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cluster", contextName);
        context.put("user", contextName);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(named(contextName, "cluster", cluster)));
        config.put("contexts", List.of(named(contextName, "context", context)));
        config.put("current-context", contextName);
        config.put("users", List.of(named(contextName, "user", Map.of("exec", exec))));
        config.put("preferences", Map.of());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config);
    }

    private static Map<String, Object> named(String name, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put(key, value);
        return out;
    }
}
