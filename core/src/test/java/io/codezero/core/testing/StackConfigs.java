package io.codezero.core.testing;

import com.google.gson.Gson;
import io.codezero.core.config.StackConfigFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Pulumi.&lt;stack&gt;.yaml's config as the Pulumi CLI passes it to a program, for running examples offline. */
public final class StackConfigs {
    private StackConfigs() {
    }

    /** The config: section, objects and lists as JSON, everything else as its string. */
    public static Map<String, String> engineConfig(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        StackConfigFile.read(file).forEach((k, v) ->
                out.put(k, v instanceof Map || v instanceof List ? new Gson().toJson(v) : String.valueOf(v)));
        return out;
    }
}
