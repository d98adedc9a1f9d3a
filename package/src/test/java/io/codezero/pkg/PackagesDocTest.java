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
        int types = schema.getAsJsonObject("types").size();
        int properties = schema.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK).getAsJsonObject("inputProperties").size();
        for (String type : schema.getAsJsonObject("types").keySet()) {
            properties += schema.getAsJsonObject("types").getAsJsonObject(type).getAsJsonObject("properties").size();
        }
        int bytes = PackageSchema.json(PackageMain.VERSION).length();
        assertThat(doc.replaceAll("\\s+", " "))
                .contains(String.format(java.util.Locale.ROOT, "1 resource, %d object types, %d input properties, %,d bytes", types, properties, bytes));
    }
}
