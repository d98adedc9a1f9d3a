package io.codezero.baremetal.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads resource inputs (secrets already revealed) by path, collecting every problem as a
 * {@link Failure} the engine shows next to the property, instead of stopping at the first.
 * Unknown values (during preview) read as absent and are never reported.
 */
final class InputReader {
    record Failure(String property, String reason) {
    }

    private final String path;
    private final Map<String, Object> values;
    private final List<Failure> failures;
    private final Set<String> known = new LinkedHashSet<>();

    private InputReader(String path, Map<String, Object> values, List<Failure> failures) {
        this.path = path;
        this.values = values;
        this.failures = failures;
    }

    static InputReader of(Map<String, Object> values) {
        return new InputReader("", values == null ? Map.of() : values, new ArrayList<>());
    }

    List<Failure> failures() {
        return failures;
    }

    void fail(String key, String reason) {
        failures.add(new Failure(at(key), reason));
    }

    boolean isUnknown(String key) {
        known.add(key);
        return PropertyValues.containsUnknown(values.get(key));
    }

    boolean present(String key) {
        known.add(key);
        Object v = values.get(key);
        return v != null && v != PropertyValues.UNKNOWN && !(v instanceof String s && s.isEmpty());
    }

    String string(String key) {
        Object v = get(key);
        if (v == null || v == PropertyValues.UNKNOWN) {
            return null;
        }
        if (v instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        fail(key, "must be a string");
        return null;
    }

    Integer integer(String key, Integer fallback, int min, int max) {
        Object v = get(key);
        if (v == null || v == PropertyValues.UNKNOWN) {
            return fallback;
        }
        Double d = v instanceof Number n ? n.doubleValue() : v instanceof String s && s.matches("-?\\d+") ? Double.valueOf(s) : null;
        if (d == null || d != Math.rint(d) || d < min || d > max) {
            fail(key, "must be a whole number from " + min + " to " + max + ", got " + v);
            return fallback;
        }
        return d.intValue();
    }

    boolean bool(String key, boolean fallback) {
        Object v = get(key);
        if (v == null || v == PropertyValues.UNKNOWN) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        fail(key, "must be true or false, got " + v);
        return fallback;
    }

    List<String> strings(String key) {
        Object v = get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v == PropertyValues.UNKNOWN) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            fail(key, "must be a list of strings");
            return out;
        }
        for (Object item : list) {
            if (item != PropertyValues.UNKNOWN && item != null) {
                out.add(item instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : String.valueOf(item));
            }
        }
        return out;
    }

    /** A nested object; absent reads as an empty object (check {@link #present} first where it is required). */
    InputReader object(String key) {
        Object v = get(key);
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(String.valueOf(k), x));
            return new InputReader(at(key), m, failures);
        }
        if (v != null && v != PropertyValues.UNKNOWN) {
            fail(key, "must be an object");
        }
        return new InputReader(at(key), Map.of(), failures);
    }

    void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                fail(key, "is not a known property; known here: " + String.join(", ", known));
            }
        }
    }

    /** Keys the provider computes: accepted in old state, ignored in checks. */
    void ignore(String... keys) {
        known.addAll(List.of(keys));
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Object get(String key) {
        known.add(key);
        return values.get(key);
    }
}
