package io.codezero.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.validation.Problem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading config never silently turns a value into another: each of these was read as something else before. */
class ConfigObjectTest {

    private static ConfigObject of(String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        return ConfigObject.root("codezero:x", values);
    }

    private static Problem only(ConfigObject o) {
        assertThat(o.problems()).hasSize(1);
        return o.problems().get(0);
    }

    @Test
    void aKeyWithNoValueIsAProblemNotTheDefault() {
        ConfigObject o = of("domain", null);
        assertThat(o.string("domain", "default.example")).isEqualTo("default.example");
        assertThat(only(o).field()).isEqualTo("codezero:x.domain");
        assertThat(only(o).message()).contains("has no value (null)");
    }

    @Test
    void aSectionWithNoValueIsAProblemNotAbsent() {
        ConfigObject o = of("metrics", null);
        assertThat(o.has("metrics")).isFalse();
        o.object("metrics");
        assertThat(only(o).field()).isEqualTo("codezero:x.metrics");
    }

    @Test
    void trueFalseWhereTextIsExpectedIsAProblem() {
        ConfigObject o = of("domain", true);
        assertThat(o.string("domain", null)).isNull();
        assertThat(only(o).message()).contains("not true/false");
    }

    @Test
    void emptyTextIsAProblem() {
        ConfigObject o = of("storageClass", " ");
        assertThat(o.string("storageClass", null)).isNull();
        assertThat(only(o).message()).contains("is empty");
    }

    @Test
    void anEmptyLabelValueIsAValue() {
        ConfigObject o = of("labels", Map.of("tier", ""));
        assertThat(o.stringMap("labels")).containsEntry("tier", "");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void trueFalseInAMapOfTextReadsAsTheWord() {
        ConfigObject o = of("env", Map.of("DEBUG", true));
        assertThat(o.stringMap("env")).containsEntry("DEBUG", "true");
        assertThat(o.problems()).isEmpty();
    }

    @Test
    void aNumberTooLargeForAnIntIsAProblemNotClamped() {
        ConfigObject o = of("maxNodes", 1e10);
        assertThat(o.integer("maxNodes", 3)).isEqualTo(3);
        assertThat(only(o).value()).isEqualTo("10000000000");
        assertThat(only(o).message()).contains("too large");
    }

    @Test
    void listItemsThatAreNotSingleValuesAreProblems() {
        ConfigObject o = of("zones", Arrays.asList("1", null, Map.of("a", 1), "", true));
        assertThat(o.strings("zones")).containsExactly("1");
        assertThat(o.problems()).extracting(Problem::field)
                .containsExactly("codezero:x.zones[1]", "codezero:x.zones[2]", "codezero:x.zones[3]", "codezero:x.zones[4]");
    }

    @Test
    void wholeNumbersInListsReadAsWritten() {
        // JSON config carries 1 as 1.0: Azure zones [1, 2, 3] must read "1", "2", "3"
        ConfigObject o = of("zones", List.of(1.0, 2.0, 3.0));
        assertThat(o.strings("zones")).containsExactly("1", "2", "3");
    }

    @Test
    void aRepeatedItemIsReportedAtTheRepeat() {
        ConfigObject o = of("logs", List.of("api", "audit", "API"));
        assertThat(o.distinctStrings("logs")).containsExactly("api", "audit");
        assertThat(only(o).field()).isEqualTo("codezero:x.logs[2]");
    }

    @Test
    void secretnessIsInheritedByNestedObjects() {
        ConfigObject secret = ConfigObject.root("platform", Map.of("signIn", Map.of("clientSecret", "s")), true);
        assertThat(secret.object("signIn").isSecret()).isTrue();
        assertThat(ConfigObject.root("platform", Map.of()).isSecret()).isFalse();
    }
}
