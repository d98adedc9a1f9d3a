package io.codezero.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code config:} section of a Pulumi.&lt;stack&gt;.yaml file, read by tools that run outside a Pulumi program. */
public final class StackConfigFile {
    private StackConfigFile() {
    }

    /** The {@code config:} map, keys as written ({@code codezero:cluster}, ...); an IOException when there is none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        {
            // read as Pulumi reads it (YAML 1.2), like the program itself under `pulumi up`
            Object root = PulumiYaml.load(Files.readString(file), file.toString());
            if (!(root instanceof Map<?, ?> map) || !(map.get("config") instanceof Map<?, ?> config)) {
                throw new IOException("it has no config: section");
            }
            return section(config);
        }
    }

    /** A nested map with string keys (a copy the caller may change), or an empty map when {@code value} is not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
