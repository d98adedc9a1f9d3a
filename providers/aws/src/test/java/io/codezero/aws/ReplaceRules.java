package io.codezero.aws;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS provider's replace-on-change rules, as providers/aws/scripts/extract-replace-rules.py
 * extracted them from terraform-provider-aws's Go source into replace-rules.json (its "origin" says
 * which tree). Tests compare our plans against these, never against a table typed by us.
 */
final class ReplaceRules {
    static final String RESOURCE = "replace-rules.json";
    /** A framework ModifyPlan that may require replacement; no attribute path of its own. */
    static final String MODIFY_PLAN = "(ModifyPlan)";

    record Rules(String terraform, String source, List<String> replaceOnChange, List<String> replaceOnChangeIf) {
        /** Every path whose change replaces the resource, always or under a condition. */
        List<String> all() {
            List<String> out = new ArrayList<>(replaceOnChange);
            replaceOnChangeIf.stream().filter(p -> !p.equals(MODIFY_PLAN)).forEach(out::add);
            return out;
        }
    }

    record Document(String origin, Map<String, Rules> resources) {
    }

    private ReplaceRules() {
    }

    static Document load() {
        try (var in = ReplaceRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new AssertionError(RESOURCE + " is missing; run providers/aws/scripts/extract-replace-rules.py");
            }
            return new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), new TypeToken<Document>() { }.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pulumi type → every replace-on-change path, for {@code InPlaceUpdates}. */
    static Map<String, List<String>> byType() {
        Map<String, List<String>> out = new TreeMap<>();
        load().resources().forEach((type, rules) -> out.put(type, rules.all()));
        return out;
    }
}
