package io.codezero.stacks.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --config} values to a stack's config the way {@code pulumi config set --path} does:
 * {@code codezero:cluster.name=demo} sets {@code name} inside the {@code codezero:cluster} object,
 * {@code codezero:cluster.nodePools[0].minNodes=9} sets a field of a list's first entry, and
 * {@code ["a.b"]} names a key holding a dot. Objects and lists are created on the way; an index may
 * replace an entry or add one at the end, never leave a gap. As Pulumi does, the value {@code true}
 * or {@code false} is a boolean and a whole number is a number; anything else is text. A key without
 * a path after its namespace replaces the value as it is.
 */
final class ConfigPaths {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private ConfigPaths() {
    }

    static Map<String, String> apply(Map<String, String> config, Map<String, String> overrides) {
        Map<String, String> out = new LinkedHashMap<>(config);
        overrides.forEach((key, value) -> set(out, key, value));
        return out;
    }

    /** The config key a {@code --config} key sets ({@code codezero:cluster} for {@code codezero:cluster.nodePools[0].name}). */
    static String rootOf(String key) {
        int colon = key.indexOf(':');
        int end = firstPathCharacter(key, Math.max(colon, 0));
        return end < 0 ? key : key.substring(0, end);
    }

    private static int firstPathCharacter(String key, int from) {
        for (int i = from; i < key.length(); i++) {
            if (key.charAt(i) == '.' || key.charAt(i) == '[') {
                return i;
            }
        }
        return -1;
    }

    private static void set(Map<String, String> out, String key, String value) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--config " + key + "=...: keys are namespaced, e.g. codezero:context=minikube");
        }
        int start = firstPathCharacter(key, colon);
        if (start < 0) {
            out.put(key, value);
            return;
        }
        String root = key.substring(0, start);
        List<Object> path = parse(key, key.substring(start));
        Object tree = parseTree(key, root, out.get(root), path.get(0));
        Object parent = tree;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = child(key, parent, path.get(i), path.get(i + 1));
        }
        put(key, parent, path.get(path.size() - 1), typed(value));
        out.put(root, GSON.toJson(tree));
    }

    /** The segments after the root: a String for a key, an Integer for a list index. */
    private static List<Object> parse(String key, String rest) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("--config " + key + "=...: empty path segment");
                }
                segments.add(rest.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = rest.indexOf(']', i);
                String inside = close < 0 ? "" : rest.substring(i + 1, close);
                if (inside.matches("\\d{1,6}")) {
                    segments.add(Integer.parseInt(inside));
                } else if (inside.length() >= 2 && inside.startsWith("\"") && inside.endsWith("\"")) {
                    segments.add(inside.substring(1, inside.length() - 1));
                } else {
                    throw new IllegalArgumentException("--config " + key + "=...: \"" + rest.substring(i, close < 0 ? rest.length() : close + 1)
                            + "\" is neither a list index such as [0] nor a quoted key such as [\"a.b\"]");
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("--config " + key + "=...: expected '.' or '[' at \"" + rest.substring(i) + "\"");
            }
        }
        return segments;
    }

    private static Object parseTree(String key, String root, String json, Object first) {
        boolean list = first instanceof Integer;
        if (json == null) {
            return list ? new ArrayList<>() : new LinkedHashMap<String, Object>();
        }
        Object parsed = null;
        try {
            parsed = GSON.fromJson(json, Object.class);
        } catch (JsonParseException e) {
            // a plain value: refused below
        }
        if (list && parsed instanceof List<?> l) {
            return new ArrayList<Object>(l);
        }
        if (!list && parsed instanceof Map<?, ?> m) {
            return copy(m);
        }
        throw new IllegalArgumentException("--config " + key + "=...: " + root + " is " + kind(parsed) + ", not " + (list ? "a list" : "an object"));
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Object> copy(Map<?, ?> map) {
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    /** The container under {@code segment} of {@code parent}, made (as {@code next} needs) when missing. */
    @SuppressWarnings("unchecked")
    private static Object child(String key, Object parent, Object segment, Object next) {
        Object existing = get(key, parent, segment);
        boolean wantList = next instanceof Integer;
        if (existing == null) {
            Object made = wantList ? new ArrayList<>() : new LinkedHashMap<String, Object>();
            put(key, parent, segment, made);
            return made;
        }
        if (wantList ? existing instanceof List : existing instanceof Map) {
            // Gson's own collections are copied so every level is mutable
            Object copy = existing instanceof List<?> l ? new ArrayList<Object>(l) : copy((Map<?, ?>) existing);
            put(key, parent, segment, copy);
            return copy;
        }
        throw new IllegalArgumentException("--config " + key + "=...: " + segment + " is " + kind(existing) + ", not " + (wantList ? "a list" : "an object"));
    }

    private static Object get(String key, Object parent, Object segment) {
        if (parent instanceof Map<?, ?> map) {
            if (segment instanceof Integer) {
                throw new IllegalArgumentException("--config " + key + "=...: [" + segment + "] indexes an object, not a list");
            }
            return map.get(segment);
        }
        List<?> list = (List<?>) parent;
        if (!(segment instanceof Integer index)) {
            throw new IllegalArgumentException("--config " + key + "=...: ." + segment + " names a key of a list; give an index such as [0]");
        }
        return index < list.size() ? list.get(index) : null;
    }

    @SuppressWarnings("unchecked")
    private static void put(String key, Object parent, Object segment, Object value) {
        if (parent instanceof Map<?, ?> map) {
            if (segment instanceof Integer) {
                throw new IllegalArgumentException("--config " + key + "=...: [" + segment + "] indexes an object, not a list");
            }
            ((Map<String, Object>) map).put((String) segment, value);
            return;
        }
        List<Object> list = (List<Object>) parent;
        if (!(segment instanceof Integer index)) {
            throw new IllegalArgumentException("--config " + key + "=...: ." + segment + " names a key of a list; give an index such as [0]");
        }
        if (index < list.size()) {
            list.set(index, value);
        } else if (index == list.size()) {
            list.add(value);
        } else {
            throw new IllegalArgumentException("--config " + key + "=...: [" + index + "] is past the end of a list of " + list.size()
                    + "; the next entry is [" + list.size() + "]");
        }
    }

    /** As {@code pulumi config set --path}: true/false are booleans, whole numbers are numbers, the rest is text. */
    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        if (value.matches("-?(0|[1-9]\\d{0,14})")) {
            return Long.parseLong(value);
        }
        return value;
    }

    private static String kind(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "a list" : "a single value";
    }
}
