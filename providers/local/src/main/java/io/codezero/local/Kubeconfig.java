package io.codezero.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The parts of a kubeconfig the existing-cluster target checks at program time. Parsed with a safe
 * constructor: a kubeconfig is data, never code.
 */
record Kubeconfig(String currentContext, Map<String, Context> contexts, List<String> users) {

    record Context(String name, String cluster, String user, String server) {
    }

    static Kubeconfig parse(String text) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("is not a kubeconfig: expected a YAML mapping with 'contexts' and 'clusters'");
        }
        Map<String, String> servers = new java.util.HashMap<>();
        for (Map<?, ?> entry : namedList(map.get("clusters"))) {
            String name = String.valueOf(entry.get("name"));
            if (entry.get("cluster") instanceof Map<?, ?> c && c.get("server") != null) {
                servers.put(name, String.valueOf(c.get("server")));
            }
        }
        List<String> users = namedList(map.get("users")).stream().map(u -> String.valueOf(u.get("name"))).toList();
        Map<String, Context> contexts = new java.util.LinkedHashMap<>();
        for (Map<?, ?> entry : namedList(map.get("contexts"))) {
            String name = String.valueOf(entry.get("name"));
            Map<?, ?> body = entry.get("context") instanceof Map<?, ?> b ? b : Map.of();
            String cluster = body.get("cluster") == null ? null : String.valueOf(body.get("cluster"));
            String user = body.get("user") == null ? null : String.valueOf(body.get("user"));
            contexts.put(name, new Context(name, cluster, user, cluster == null ? null : servers.get(cluster)));
        }
        Object current = map.get("current-context");
        return new Kubeconfig(current == null || String.valueOf(current).isBlank() ? null : String.valueOf(current),
                contexts, users);
    }

    Optional<Context> context(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    private static List<Map<?, ?>> namedList(Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
