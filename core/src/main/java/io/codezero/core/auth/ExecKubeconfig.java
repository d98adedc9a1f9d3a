package io.codezero.core.auth;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeconfig with one cluster, context and user named {@code name}, whose user runs an exec
 * credential plugin ({@code command} with {@code args} and {@code env}) instead of holding a
 * token, so nothing in it expires. Written as JSON, which every kubeconfig reader accepts (JSON is
 * YAML), so quoting is exact.
 */
public record ExecKubeconfig(String name, String server, String certificateAuthorityData,
                             String command, List<String> args, Map<String, String> env, Optional<String> installHint) {
    public ExecKubeconfig {
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** {@code commandLine} is the plugin and its first arguments; {@code extraArgs} follow them. */
    public static ExecKubeconfig of(String name, String server, String certificateAuthorityData,
                                    List<String> commandLine, List<String> extraArgs) {
        List<String> args = new java.util.ArrayList<>(commandLine.subList(1, commandLine.size()));
        args.addAll(extraArgs);
        return new ExecKubeconfig(name, server, certificateAuthorityData, commandLine.get(0), args, Map.of(), Optional.empty());
    }

    public ExecKubeconfig withEnv(Map<String, String> env) {
        return new ExecKubeconfig(name, server, certificateAuthorityData, command, args, env, installHint);
    }

    public ExecKubeconfig withInstallHint(String hint) {
        return new ExecKubeconfig(name, server, certificateAuthorityData, command, args, env, Optional.of(hint));
    }

    public String render() {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", server);
        cluster.put("certificate-authority-data", certificateAuthorityData);

        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", ExecCredential.DEFAULT_API_VERSION);
        exec.put("command", command);
        exec.put("args", args);
        if (!env.isEmpty()) {
            exec.put("env", env.entrySet().stream().map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList());
        }
        // never prompt: the Pulumi provider and CI have no terminal
        exec.put("interactiveMode", "Never");
        exec.put("provideClusterInfo", false);
        installHint.ifPresent(hint -> exec.put("installHint", hint));

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cluster", name);
        context.put("user", name);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(named("cluster", cluster)));
        config.put("contexts", List.of(named("context", context)));
        config.put("current-context", name);
        config.put("users", List.of(named("user", Map.of("exec", exec))));
        config.put("preferences", Map.of());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config);
    }

    private Map<String, Object> named(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put(key, value);
        return out;
    }
}
