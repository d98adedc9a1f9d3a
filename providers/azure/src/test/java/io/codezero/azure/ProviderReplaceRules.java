package io.codezero.azure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The replace rules of the pinned azure-native (2.10.0) for the types this target registers, as
 * extracted from the provider's source and the REST specs by src/test/replace-rules/extract.sh into
 * src/test/resources/replace-rules/azure-native-2.10.0.tsv (its header says where each line comes from).
 */
final class ProviderReplaceRules {
    static final String RESOURCE = "/replace-rules/azure-native-2.10.0.tsv";

    /** One rule: changing {@code input} of {@code type} replaces the resource; {@code source} is "path ..." or "forceNew". */
    record Rule(String type, String input, String source) {
        boolean isPath() {
            return source.startsWith("path");
        }
    }

    private ProviderReplaceRules() {
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ProviderReplaceRules.class.getResourceAsStream(RESOURCE), RESOURCE), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                rules.add(new Rule(cols[0], cols[1], cols[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    /** Type -> the inputs whose change replaces it (path parameters and force-new properties), without repeats. */
    static Map<String, List<String>> byType() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Rule rule : rules()) {
            List<String> inputs = out.computeIfAbsent(rule.type(), k -> new ArrayList<>());
            if (!inputs.contains(rule.input())) {
                inputs.add(rule.input());
            }
        }
        return out;
    }

    /** The force-new properties of a type (not its path parameters). */
    static List<String> forceNew(String type) {
        return rules().stream().filter(r -> r.type().equals(type) && !r.isPath()).map(Rule::input).toList();
    }

    /** The path parameters of a type. */
    static List<String> path(String type) {
        return rules().stream().filter(r -> r.type().equals(type) && r.isPath()).map(Rule::input).toList();
    }
}
