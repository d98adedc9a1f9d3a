package io.codezero.azure.cluster;

import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A kubeconfig for an AKS cluster with Entra ID authentication whose user runs an exec credential
 * plugin ({@code codezero-aks-token}, shipped by this project) instead of kubelogin and the az CLI.
 * The server and CA come from the cluster-user kubeconfig AKS returns; everything else is ours.
 * Written as JSON, which every kubeconfig reader accepts, so quoting is exact.
 */
public final class Kubeconfig {
    public static final String EXEC_API_VERSION = "client.authentication.k8s.io/v1beta1";

    private Kubeconfig() {
    }

    /** The API server and its CA, read from the base64 kubeconfig AKS returns for the cluster user. */
    public record Endpoint(String server, String certificateAuthorityData) {
        @SuppressWarnings("unchecked")
        public static Endpoint fromAksKubeconfig(String base64Kubeconfig) {
            String yaml = new String(Base64.getDecoder().decode(base64Kubeconfig.trim()), StandardCharsets.UTF_8);
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (root instanceof Map<?, ?> config && config.get("clusters") instanceof List<?> clusters && !clusters.isEmpty()
                    && clusters.get(0) instanceof Map<?, ?> named && named.get("cluster") instanceof Map<?, ?> cluster) {
                Map<String, Object> c = (Map<String, Object>) cluster;
                return new Endpoint(String.valueOf(c.get("server")), String.valueOf(c.getOrDefault("certificate-authority-data", "")));
            }
            throw new IllegalStateException("AKS returned a cluster-user kubeconfig without a cluster entry");
        }
    }

    public static String render(String clusterName, Endpoint endpoint, List<String> tokenCommand, Optional<String> tenantId) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", endpoint.server());
        cluster.put("certificate-authority-data", endpoint.certificateAuthorityData());

        List<String> args = new ArrayList<>(tokenCommand.subList(1, tokenCommand.size()));
        args.addAll(List.of("--server-id", io.codezero.azure.AksNames.AKS_AAD_SERVER_APP_ID));
        tenantId.ifPresent(t -> args.addAll(List.of("--tenant-id", t)));
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", EXEC_API_VERSION);
        exec.put("command", tokenCommand.get(0));
        exec.put("args", args);
        // never prompt: the Pulumi provider and CI have no terminal
        exec.put("interactiveMode", "Never");
        exec.put("provideClusterInfo", false);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cluster", clusterName);
        context.put("user", clusterName);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(named(clusterName, "cluster", cluster)));
        config.put("contexts", List.of(named(clusterName, "context", context)));
        config.put("current-context", clusterName);
        config.put("users", List.of(named(clusterName, "user", Map.of("exec", exec))));
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
