package io.codezero.pkg;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A problem's path as a Python program writes it. The engine does not tell a provider which language called it, and
 * the Python SDK turns {@code node_pools} into the schema's {@code nodePools} before CodeZero sees it: so a problem whose
 * path has a property name that Python spells differently also names the Python spelling
 * ({@code cluster.nodePools[0].maxNodes} is {@code cluster.node_pools[0].max_nodes} in Python). Only the schema's
 * property names are translated; map keys (chart names, labels) are the user's and stay as written.
 */
final class PythonPaths {
    private static final Set<String> PROPERTY_NAMES = propertyNames();
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private PythonPaths() {
    }

    /**
     * The problems, each with its Python path added to the message when it differs.
     *
     * @param problems problems with paths as the schema names the inputs
     * @return the same problems, saying the Python path where it is spelt differently
     */
    static List<Problem> withPythonNames(List<Problem> problems) {
        return problems.stream().map(p -> {
            String python = python(p.field());
            return python == null || python.equals(p.field()) ? p
                    : new Problem(p.field(), p.value(), p.message() + " (in Python: " + python + ")");
        }).toList();
    }

    /**
     * @param path a path such as {@code cluster.nodePools[0].maxNodes}
     * @return the path with schema property names in snake_case, or null for no path
     */
    static String python(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = SEGMENT.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String segment = m.group();
            m.appendReplacement(out, PROPERTY_NAMES.contains(segment) ? snake(segment) : segment);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> propertyNames() {
        JsonObject schema = PackageSchema.document("0.0.0");
        Set<String> names = new TreeSet<>();
        JsonObject stack = schema.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK);
        names.addAll(stack.getAsJsonObject("inputProperties").keySet());
        for (Map.Entry<String, JsonElement> type : schema.getAsJsonObject("types").entrySet()) {
            names.addAll(type.getValue().getAsJsonObject().getAsJsonObject("properties").keySet());
        }
        return names;
    }
}
