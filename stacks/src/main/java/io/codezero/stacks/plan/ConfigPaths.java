package io.codezero.stacks.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies {@code --config} values to a stack's config the way {@code pulumi config set --path} does:
 * {@code codezero:cluster.name=demo} sets {@code name} inside the {@code codezero:cluster} object
 * (creating objects on the way); a key without a dot after its namespace replaces the value.
 */
final class ConfigPaths {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private ConfigPaths() {
    }

    static Map<String, String> apply(Map<String, String> config, Map<String, String> overrides) {
        Map<String, String> out = new LinkedHashMap<>(config);
        overrides.forEach((key, value) -> {
            int colon = key.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--config " + key + "=...: keys are namespaced, e.g. codezero:context=minikube");
            }
            int dot = key.indexOf('.', colon);
            if (dot < 0) {
                out.put(key, value);
                return;
            }
            String root = key.substring(0, dot);
            String[] path = key.substring(dot + 1).split("\\.", -1);
            for (String segment : path) {
                if (segment.isEmpty()) {
                    throw new IllegalArgumentException("--config " + key + "=...: empty path segment");
                }
            }
            Map<String, Object> object = parseObject(root, out.get(root));
            Map<String, Object> cursor = object;
            for (int i = 0; i < path.length - 1; i++) {
                Object next = cursor.get(path[i]);
                if (next == null) {
                    next = new LinkedHashMap<String, Object>();
                    cursor.put(path[i], next);
                } else if (!(next instanceof Map)) {
                    throw new IllegalArgumentException("--config " + key + "=...: " + path[i] + " is a value, not an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) next;
                cursor = child;
            }
            cursor.put(path[path.length - 1], value);
            out.put(root, GSON.toJson(object));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseObject(String root, String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        try {
            Object parsed = GSON.fromJson(json, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return new LinkedHashMap<>((Map<String, Object>) map);
            }
        } catch (JsonParseException e) {
            // a plain value: refused below
        }
        throw new IllegalArgumentException("--config " + root + ".…: " + root + " is a single value, not an object");
    }
}
