package io.codezero.digitalocean.cluster;

import com.google.gson.GsonBuilder;
import io.codezero.digitalocean.auth.ExecCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeconfig for a DOKS cluster whose user runs an exec credential plugin (by default
 * {@code codezero-doks-token}) that asks the DigitalOcean API for short-lived credentials. It holds
 * the cluster's address and CA only: no token, so nothing in it expires, and the API token it uses
 * comes from the environment or a token file on the machine that runs it. Written as JSON (JSON is
 * YAML) so quoting is exact.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static String render(String clusterName, String clusterId, String endpoint, String caData,
                                List<String> tokenCommand, int credentialSeconds, Optional<String> tokenFile) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", endpoint);
        cluster.put("certificate-authority-data", caData);

        List<String> args = new ArrayList<>(tokenCommand.subList(1, tokenCommand.size()));
        args.addAll(List.of("--cluster-id", clusterId, "--expiry-seconds", String.valueOf(credentialSeconds)));
        tokenFile.ifPresent(file -> args.addAll(List.of("--token-file", file)));
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", ExecCredential.DEFAULT_API_VERSION);
        exec.put("command", tokenCommand.get(0));
        exec.put("args", args);
        // never prompt: the Pulumi provider and CI have no terminal
        exec.put("interactiveMode", "Never");
        exec.put("provideClusterInfo", false);
        exec.put("installHint", "codezero-doks-token is shipped by CodeZero (providers/digitalocean); see docs/digitalocean.md");

        String contextName = "do-" + clusterName;
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
