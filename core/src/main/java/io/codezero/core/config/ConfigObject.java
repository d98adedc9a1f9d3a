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
    private final Set<String> reportedNull = new LinkedHashSet<>();
    private final boolean secret;

    private ConfigObject(String path, Map<String, Object> values, List<Problem> problems, boolean secret) {
        this.path = path;
        this.values = values;
        this.problems = problems;
        this.secret = secret;
    }

    public static ConfigObject root(String path, Map<String, Object> values) {
        return root(path, values, false);
    }

    /**
     * A config value that Pulumi holds as a secret ({@code pulumi config set --secret [--path]}): one secret value
     * anywhere in an object makes the whole config key secret, so every object read from it is.
     */
    public static ConfigObject root(String path, Map<String, Object> values, boolean secret) {
        return new ConfigObject(path, values == null ? Map.of() : values, new ArrayList<>(), secret);
    }

    /** Whether this value came from a secret config key, so a credential read from it never sat in plain text. */
    public boolean isSecret() {
        return secret;
    }

    public List<Problem> problems() {
        return problems;
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** True when the value was written as a number (unquoted {@code 1.30} is the number 1.3 to YAML). */
    public boolean isNumber(String key) {
        return values.get(key) instanceof Number;
    }

    /**
     * True when the value is an object of settings; nothing is reported or counted as read. For a key that takes either
     * a word or an object (a startup probe: {@code none} or the probe), so reading it one way does not report the other.
     */
    public boolean isObject(String key) {
        return values.get(key) instanceof Map;
    }

    /**
     * A single value as text: a word, or a number as written ({@code 1.34}, {@code 3}). Empty text, true/false, a list or
     * an object are problems (the fallback is returned): nothing is silently read as something else.
     */
    public String string(String key, String fallback) {
        Object value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(Problem.of(at(key), value, "must be a single value, not a list or object"));
            return fallback;
        }
        if (value instanceof Boolean) {
            problems.add(Problem.of(at(key), value, "must be text, not true/false; quote it if you meant the word (\"" + value + "\")"));
            return fallback;
        }
        String text = scalar(value);
        if (text.isBlank()) {
            problems.add(Problem.of(at(key), text, "is empty; give a value, or remove the key for the default"));
            return fallback;
        }
        return text;
    }

    /**
     * Like {@link #string} but for values of maps such as labels, tags and env: empty text is a value of its own, and
     * true/false read as the words ({@code DEBUG: true} means "true").
     */
    public String text(String key, String fallback) {
        Object value = get(key);
        if (value instanceof String s && s.isEmpty()) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value == null) {
            return fallback;
        }
        read.remove(key);
        return string(key, fallback);
    }

    public int integer(String key, int fallback) {
        Object value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            if (n.doubleValue() > Integer.MAX_VALUE || n.doubleValue() < Integer.MIN_VALUE) {
                problems.add(Problem.of(at(key), scalar(value), "is too large; must be a whole number between "
                        + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
                return fallback;
            }
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
            return new ConfigObject(at(key), Map.of(), problems, secret);
        }
        if (value instanceof Map<?, ?> map) {
            return new ConfigObject(at(key), stringKeys(map), problems, secret);
        }
        problems.add(Problem.of(at(key), value, "must be an object of settings (key: value lines, or {} for the defaults), not " + kind(value)));
        return new ConfigObject(at(key), Map.of(), problems, secret);
    }

    public List<ConfigObject> objects(String key) {
        List<ConfigObject> out = new ArrayList<>();
        List<Object> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (item instanceof Map<?, ?> map) {
                out.add(new ConfigObject(itemPath, stringKeys(map), problems, secret));
            } else {
                problems.add(Problem.of(itemPath, item, "must be an object of settings (key: value lines), not " + kind(item)));
            }
        }
        return out;
    }

    /** A list of single values; an empty, null, true/false, list or object item is a problem (and left out). */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Object> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (item == null) {
                problems.add(Problem.of(itemPath, null, "has no value (null); remove the item or give a value"));
            } else if (item instanceof Map || item instanceof List || item instanceof Boolean) {
                problems.add(Problem.of(itemPath, item, "must be a single value (text or a number), not "
                        + (item instanceof Boolean ? "true/false" : "a list or object")));
            } else if (scalar(item).isBlank()) {
                problems.add(Problem.of(itemPath, scalar(item), "is empty; remove the item or give a value"));
            } else {
                out.add(scalar(item));
            }
        }
        return out;
    }

    /** Like {@link #strings}, and an item given twice is a problem: in these lists a repeat is always a mistake. */
    public List<String> distinctStrings(String key) {
        List<String> items = strings(key);
        Set<String> seen = new java.util.HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (seen.add(item.toLowerCase(java.util.Locale.ROOT))) {
                out.add(item);
            } else {
                problems.add(Problem.of(at(key) + "[" + i + "]", item, "repeats an earlier item of " + at(key) + "; list each value once"));
            }
        }
        return out;
    }

    /** A map of text values (labels, tags, env); an empty value is a value, null/list/object values are problems. */
    public Map<String, String> stringMap(String key) {
        ConfigObject object = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : object.values.keySet()) {
            String v = object.text(k, null);
            if (v != null) {
                out.put(k, v);
            }
        }
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
        problems.add(Problem.of(at(key), value, "must be a list ([a, b] or - item lines), not " + kind(value)));
        return List.of();
    }

    /**
     * The value under {@code key}. A key written with no value ({@code key:} or {@code key: ~}) is a problem, reported
     * once, and reads as absent: it is never silently taken as "use the default" or as the text "null".
     */
    private Object get(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null && values.containsKey(key) && reportedNull.add(key)) {
            problems.add(Problem.of(at(key), null, "has no value (null); give a value, or remove the key "
                    + "(a section such as istio takes {} for all its defaults)"));
        }
        return value;
    }

    private static String kind(Object value) {
        return value == null ? "nothing" : value instanceof List ? "a list" : value instanceof Map ? "an object"
                : value instanceof Boolean ? "true/false" : value instanceof Number ? "a number" : "text";
    }

    /** A number as written (3, not 3.0: JSON config carries every number as a double). */
    private static String scalar(Object value) {
        return value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(value);
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
