package io.codezero.core.config;

import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structured config value (from Pulumi.&lt;stack&gt;.yaml) read with a path, so every type error
 * and every unknown key becomes a {@link Problem} naming exactly where it is. Reading never throws;
 * the caller collects the problems and fails once.
 */
public final class ConfigObject {
    private final String path;
    private final Map<String, Object> values;
    private final List<Problem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    private ConfigObject(String path, Map<String, Object> values, List<Problem> problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    public static ConfigObject root(String path, Map<String, Object> values) {
        return new ConfigObject(path, values == null ? Map.of() : values, new ArrayList<>());
    }

    public List<Problem> problems() {
        return problems;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        read.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    public String string(String key, String fallback) {
        Object value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(Problem.of(at(key), value, "must be a single value, not a list or object"));
            return fallback;
        }
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }

    public int integer(String key, int fallback) {
        Object value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.trim());
        }
        problems.add(Problem.of(at(key), value, "must be a whole number"));
        return fallback;
    }

    public boolean bool(String key, boolean fallback) {
        Object value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        problems.add(Problem.of(at(key), value, "must be true or false"));
        return fallback;
    }

    public ConfigObject object(String key) {
        Object value = get(key);
        if (value == null) {
            return new ConfigObject(at(key), Map.of(), problems);
        }
        if (value instanceof Map<?, ?> map) {
            return new ConfigObject(at(key), stringKeys(map), problems);
        }
        problems.add(Problem.of(at(key), value, "must be an object with keys"));
        return new ConfigObject(at(key), Map.of(), problems);
    }

    public List<ConfigObject> objects(String key) {
        List<ConfigObject> out = new ArrayList<>();
        List<Object> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (item instanceof Map<?, ?> map) {
                out.add(new ConfigObject(itemPath, stringKeys(map), problems));
            } else {
                problems.add(Problem.of(itemPath, item, "must be an object with keys"));
            }
        }
        return out;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Object item : list(key)) {
            out.add(String.valueOf(item));
        }
        return out;
    }

    public Map<String, String> stringMap(String key) {
        ConfigObject object = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        object.values.forEach((k, v) -> out.put(k, v == null ? "" : object.string(k, "")));
        object.read.addAll(object.values.keySet());
        return out;
    }

    /** Reports every key present but never asked for: almost always a typo, so the nearest known key is suggested. */
    public void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                String hint = Suggestions.nearest(key, read).map(k -> "did you mean " + k + "? ").orElse("");
                problems.add(Problem.of(at(key), values.get(key), "is not a known setting; " + hint + "known settings here are "
                        + String.join(", ", read)));
            }
        }
    }

    private List<Object> list(String key) {
        Object value = get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        problems.add(Problem.of(at(key), value, "must be a list"));
        return List.of();
    }

    private Object get(String key) {
        read.add(key);
        return values.get(key);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
