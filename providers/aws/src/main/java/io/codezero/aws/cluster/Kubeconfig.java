package io.codezero.aws.cluster;

import com.google.gson.GsonBuilder;
import io.codezero.aws.auth.ExecCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeconfig for an EKS cluster whose user authenticates through an exec credential plugin
 * (by default {@code codezero-eks-token}, shipped by this project) instead of the aws CLI.
 * Written as JSON, which every kubeconfig reader accepts (JSON is YAML), so quoting is exact.
 */
public final class Kubeconfig {
    /** The exec credential API version the plugin is asked for; {@code codezero-eks-token} answers in it by default. */
    public static final String EXEC_API_VERSION = ExecCredential.DEFAULT_API_VERSION;

    private Kubeconfig() {
    }

    public static String render(String clusterName, String endpoint, String certificateAuthorityData, String region,
                                List<String> tokenCommand, Optional<String> awsProfile) {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", endpoint);
        cluster.put("certificate-authority-data", certificateAuthorityData);

        List<String> args = new ArrayList<>(tokenCommand.subList(1, tokenCommand.size()));
        args.addAll(List.of("--cluster-name", clusterName, "--region", region));
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", EXEC_API_VERSION);
        exec.put("command", tokenCommand.get(0));
        exec.put("args", args);
        awsProfile.ifPresent(profile -> exec.put("env", List.of(Map.of("name", "AWS_PROFILE", "value", profile))));
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
