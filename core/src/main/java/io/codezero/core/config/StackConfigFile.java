package io.codezero.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The {@code config:} section of a Pulumi.&lt;stack&gt;.yaml file, read by tools that run outside a Pulumi program. */
public final class StackConfigFile {
    private StackConfigFile() {
    }

    /** The {@code config:} map, keys as written ({@code codezero:cluster}, ...); an IOException when there is none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
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
