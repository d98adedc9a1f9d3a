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
 * top-level inputs held a secret anywhere (the reader then treats the section as a secret config key) and reports a
 * value not known yet (an output of another resource during preview) as a problem: CodeZero decides what to register
 * from its inputs, so they must be known when the stack is constructed.
 */
final class PlainInputs {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Boolean> secret = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

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
            out.values.put(key, out.plain(key, value, hasSecret));
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

    /** @return values that were not known (not plain data) */
    List<Problem> problems() {
        return problems;
    }

    private Object plain(String path, PropertyValue value, boolean[] hasSecret) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isComputed()) {
            problems.add(Problem.of(path, "<unknown>", "is not known until another resource is created; CodeZero decides what to "
                    + "create from its inputs, so give a value known at preview (a literal or a config value)"));
            return null;
        }
        switch (value.getType()) {
            case SECRET:
                hasSecret[0] = true;
                return plain(path, value.getSecretValue(), hasSecret);
            case OUTPUT:
                PropertyValue.OutputReference ref = value.getOutputValue();
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
                    list.add(plain(path + "[" + i + "]", items.get(i), hasSecret));
                }
                return list;
            }
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                value.getObjectValue().forEach((k, v) -> map.put(k, plain(path + "." + k, v, hasSecret)));
                return map;
            }
            default:
                problems.add(Problem.of(path, value.getType().toString(), "must be plain data (text, a number, true/false, a list or "
                        + "an object), not an asset, archive or resource reference"));
                return null;
        }
    }
}
