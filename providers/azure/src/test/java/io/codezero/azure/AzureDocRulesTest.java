package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/azure.md's "What Azure checks that the plan cannot": every rule names a test that exists. */
class AzureDocRulesTest {
    private static final List<String> PACKAGES = List.of("io.codezero.azure.", "io.codezero.azure.preflight.",
            "io.codezero.azure.auth.", "io.codezero.azure.cluster.");

    @Test
    void everyRuleInTheDocNamesATestThatExists() throws IOException {
        String doc = Files.readString(Path.of("../../docs/azure.md"));
        int at = doc.indexOf("## What Azure checks that the plan cannot");
        assertThat(at).as("the section exists").isPositive();
        List<String> rows = doc.substring(at).lines().filter(l -> l.startsWith("| ") && !l.startsWith("| rule") && !l.startsWith("|---")).toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
        List<String> missing = new ArrayList<>();
        Matcher refs = Pattern.compile("`([A-Z][A-Za-z]+)(?:\\.([a-zA-Z0-9]+))?`").matcher("");
        for (String row : rows) {
            String held = row.substring(row.lastIndexOf("| ", row.length() - 2) + 2);
            refs.reset(held);
            int found = 0;
            while (refs.find()) {
                found++;
                if (!exists(refs.group(1), refs.group(2))) {
                    missing.add(refs.group());
                }
            }
            assertThat(found).as("a test is named in: %s (read %s)", row, held).isPositive();
        }
        assertThat(missing).isEmpty();
    }

    private static boolean exists(String className, String method) {
        for (String pkg : PACKAGES) {
            try {
                Class<?> type = Class.forName(pkg + className);
                return method == null || Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals);
            } catch (ClassNotFoundException e) {
                // try the next package
            }
        }
        return false;
    }
}
