package io.codezero.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/packages.md shows the example programs the engine tests run or compile (package/examples, package/e2e/run.sh),
 * verbatim, and states the schema's size as derived.
 */
class PackagesDocTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theDocsShowTheExamplesTheEngineTestsRunVerbatim() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/packages.md"));
        for (String example : new String[] {"yaml/Pulumi.yaml", "yaml-output/Pulumi.yaml", "python/__main__.py", "typescript/index.ts"}) {
            String text = Files.readString(ROOT.resolve("package/examples").resolve(example)).stripTrailing();
            assertThat(doc).as(example).contains(text);
        }
        assertThat(Files.readString(ROOT.resolve("package/e2e/run.sh")))
                .contains("examples/yaml\"", "examples/python/.", "examples/typescript/index.ts", "examples/yaml-bad\"",
                        "examples/yaml-output\"");
    }

    @Test
    void theDocsStateTheDerivedSchemasSize() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/packages.md"));
        JsonObject schema = PackageSchema.document(PackageMain.VERSION);
        JsonObject stack = schema.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK);
        // the input side: the types the inputs reach, and their properties; the outputs' handles types counted apart
        java.util.Set<String> inputTypes = new java.util.TreeSet<>();
        reach(schema, stack.getAsJsonObject("inputProperties"), inputTypes);
        int properties = stack.getAsJsonObject("inputProperties").size();
        for (String type : inputTypes) {
            properties += schema.getAsJsonObject("types").getAsJsonObject(type).getAsJsonObject("properties").size();
        }
        int outputTypes = schema.getAsJsonObject("types").size() - inputTypes.size();
        int bytes = PackageSchema.json(PackageMain.VERSION).length();
        assertThat(doc.replaceAll("\\s+", " ")).contains(String.format(java.util.Locale.ROOT,
                "1 resource, %d object types of inputs (%d input properties) and %d of outputs, %,d bytes", inputTypes.size(), properties,
                outputTypes, bytes));
    }

    /** Adds the object types the properties refer to, and theirs, to {@code types}. */
    private static void reach(JsonObject schema, JsonObject properties, java.util.Set<String> types) {
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/types/([^\"]+)\"").matcher(properties.toString());
        while (refs.find()) {
            if (types.add(refs.group(1))) {
                reach(schema, schema.getAsJsonObject("types").getAsJsonObject(refs.group(1)).getAsJsonObject("properties"), types);
            }
        }
    }
}
