package io.codezero.pkg;

import com.pulumi.provider.internal.properties.PropertyValue;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The construct request's inputs as the plain values CodeZero's config readers take (maps, lists, text, numbers,
 * true/false), exactly as a {@code codezero:} config value arrives from Pulumi.&lt;stack&gt;.yaml. Remembers which
 * top-level inputs held a secret anywhere (the reader then treats the section as a secret config key), which resources
 * each top-level input's outputs came from, and where a value was not known yet (an output of another resource during
 * preview): such a key is left out of the plain values, and {@link #unknownProblems} reports it unless the caller takes
 * it as an {@code Output} ({@link KubeconfigInput}): CodeZero decides what to register from the rest, so they must be
 * known when the stack is constructed.
 */
final class PlainInputs {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Boolean> secret = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    private final Map<String, java.util.Set<String>> dependencies = new LinkedHashMap<>();

    /** What {@link #plain} returns for a value not known yet: the key is then left out, so no reader reports it as null. */
    private static final Object UNKNOWN = new Object();

    private PlainInputs() {
    }

    /**
     * Converts every input.
     *
     * @param inputs the construct request's inputs
     * @return the plain values
     */
    static PlainInputs of(Map<String, PropertyValue> inputs) {
        PlainInputs out = new PlainInputs();
        inputs.forEach((key, value) -> {
            boolean[] hasSecret = {false};
            Object plain = out.plain(key, value, hasSecret);
            if (plain != UNKNOWN) {
                out.values.put(key, plain);
            }
            out.secret.put(key, hasSecret[0]);
        });
        return out;
    }

    /** @return the top-level inputs as plain values; a key given as null is kept (the readers report it) */
    Map<String, Object> values() {
        return values;
    }

    /**
     * @param key a top-level input
     * @return whether the input held a secret anywhere
     */
    boolean isSecret(String key) {
        return secret.getOrDefault(key, false);
    }

    /** @return values that are no plain data (assets, archives, resource references) */
    List<Problem> problems() {
        return problems;
    }

    /**
     * @param key a top-level input
     * @return whether it (or something in it) was not known yet
     */
    boolean isUnknown(String key) {
        return unknown.stream().anyMatch(path -> path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "["));
    }

    /**
     * @param key a top-level input
     * @return the URNs of the resources whose outputs the input was made of (the engine sends them with each output)
     */
    java.util.Set<String> dependencies(String key) {
        return dependencies.getOrDefault(key, java.util.Set.of());
    }

    /**
     * A problem for each value not known yet, but under the top-level inputs the caller takes as an {@code Output}.
     *
     * @param outputs the top-level inputs that may be unknown
     * @return one problem per unknown value, naming its path and why it must be known
     */
    List<Problem> unknownProblems(java.util.Set<String> outputs) {
        List<Problem> out = new ArrayList<>();
        for (String path : unknown) {
            if (outputs.stream().noneMatch(key -> path.equals(key) || path.startsWith(key + ".") || path.startsWith(key + "["))) {
                out.add(Problem.of(path, "<unknown>", "is not known until another resource is created; CodeZero decides from it "
                        + "which resources to create and how, so give a value known at preview (a literal, a config value, "
                        + "or an output of a resource that already exists); of the inputs only " + String.join(", ", outputs)
                        + " may be an output not known yet"));
            }
        }
        return out;
    }

    private Object plain(String path, PropertyValue value, boolean[] hasSecret) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isComputed()) {
            unknown.add(path);
            return UNKNOWN;
        }
        switch (value.getType()) {
            case SECRET:
                hasSecret[0] = true;
                return plain(path, value.getSecretValue(), hasSecret);
            case OUTPUT:
                PropertyValue.OutputReference ref = value.getOutputValue();
                String top = path.split("[.\\[]", 2)[0];
                dependencies.computeIfAbsent(top, k -> new java.util.LinkedHashSet<>()).addAll(ref.getDependencies());
                return plain(path, ref.getValue() == null ? PropertyValue.COMPUTED : ref.getValue(), hasSecret);
            case STRING:
                return value.getStringValue();
            case NUMBER:
                return value.getNumberValue();
            case BOOL:
                return value.getBooleanValue();
            case ARRAY: {
                List<Object> list = new ArrayList<>();
                List<PropertyValue> items = value.getArrayValue();
                for (int i = 0; i < items.size(); i++) {
                    Object item = plain(path + "[" + i + "]", items.get(i), hasSecret);
                    list.add(item == UNKNOWN ? null : item);
                }
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                value.getObjectValue().forEach((k, v) -> {
                    Object item = plain(path + "." + k, v, hasSecret);
                    if (item != UNKNOWN) {
                        map.put(k, item);
                    }
                });
                return map;
            }
            default:
                problems.add(Problem.of(path, value.getType().toString(), "must be plain data (text, a number, true/false, a list or "
                        + "an object), not an asset, archive or resource reference"));
                return null;
        }
    }
}
