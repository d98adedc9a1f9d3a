package io.codezero.pkg;

import com.google.gson.Gson;
import com.pulumi.provider.internal.properties.PropertyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Construct inputs written as JSON, as the engine hands them to the provider (numbers are doubles). */
final class Inputs {
    private Inputs() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, PropertyValue> json(String json) {
        return (Map<String, PropertyValue>) value(new Gson().fromJson(json, Object.class)).getObjectValue();
    }

    static Map<String, PropertyValue> of(Map<String, Object> plain) {
        return value(plain).getObjectValue();
    }

    static PropertyValue value(Object plain) {
        if (plain == null) {
            return PropertyValue.NULL;
        }
        if (plain instanceof PropertyValue p) {
            return p;
        }
        if (plain instanceof String s) {
            return PropertyValue.of(s);
        }
        if (plain instanceof Number n) {
            return PropertyValue.of(n.doubleValue());
        }
        if (plain instanceof Boolean b) {
            return PropertyValue.of(b);
        }
        if (plain instanceof List<?> list) {
            return PropertyValue.of(list.stream().map(Inputs::value).toList());
        }
        Map<String, PropertyValue> out = new LinkedHashMap<>();
        ((Map<?, ?>) plain).forEach((k, v) -> out.put(String.valueOf(k), value(v)));
        return PropertyValue.of(out);
    }
}
