package io.codezero.platform.apps;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for maps of outputs. */
final class Outputs {
    private Outputs() {
    }

    /** One output of a map, in key order; secret if any value is. */
    static Output<Map<String, String>> map(Map<String, Output<String>> values) {
        if (values.isEmpty()) {
            return Output.of(Map.of());
        }
        List<String> keys = new ArrayList<>(values.keySet());
        List<Output<String>> outputs = keys.stream().map(values::get).toList();
        return Output.all(outputs).applyValue(list -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i), list.get(i));
            }
            return out;
        });
    }
}
