package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.digitalocean.resources.KubernetesCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link InPlaceUpgradeTest}'s replacement table, and the {@code replaceOnChanges} every registered
 * DigitalOcean resource carries, against the replace rules extracted from the pinned provider's own
 * source ({@code src/test/resources/provider-rules/replace-rules.tsv}, written by
 * {@code src/test/provider-rules/extract-replace-rules.py} from terraform-provider-digitalocean v2.96.0,
 * the upstream of pulumi-digitalocean v4.76.0; its header names the commit and each row its file:line).
 */
class ProviderReplaceRulesTest {
    static final String RULES = "/provider-rules/replace-rules.tsv";

    /** One extracted row. */
    record Rule(String type, String property, String rule, String origin) {
    }

    static List<Rule> rules() throws IOException {
        try (InputStream in = ProviderReplaceRulesTest.class.getResourceAsStream(RULES)) {
            assertThat(in).as(RULES).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("type\t") && !l.isBlank())
                    .map(l -> l.split("\t"))
                    .map(f -> new Rule(f[0], f[1], f[2], f[3]))
                    .toList();
        }
    }

    /** type -> properties whose change always replaces. */
    static Map<String, Set<String>> forceNew(List<Rule> rules) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Rule r : rules) {
            Set<String> props = out.computeIfAbsent(r.type(), t -> new TreeSet<>());
            if (r.rule().equals("ForceNew")) {
                props.add(r.property());
            }
        }
        return out;
    }

    /** Where our table and the provider's rules differ, one line each; empty when they agree. */
    static List<String> differences(Map<String, List<String>> ours, Map<String, Set<String>> provider) {
        Map<String, Set<String>> mine = new TreeMap<>();
        ours.forEach((type, props) -> mine.put(type, new TreeSet<>(props)));
        return new TreeSet<>(concat(mine.keySet(), provider.keySet())).stream()
                .filter(type -> !java.util.Objects.equals(mine.get(type), provider.get(type)))
                .map(type -> type + ": ours " + mine.get(type) + ", the provider's " + provider.get(type))
                .toList();
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void theInPlaceUpgradeTableIsTheProvidersForceNewRules() throws IOException {
        List<Rule> rules = rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
        assertThat(differences(InPlaceUpgradeTest.REPLACE_ON_CHANGE, forceNew(rules))).isEmpty();
    }

    @Test
    void theOnlyConditionalRuleIsALowerClusterVersionWhichInPlaceUpgradeTestChecksApart() throws IOException {
        // InPlaceUpgradeTest's alsoChecking asserts the version is never lowered; any other conditional rule needs a check of its own
        assertThat(rules().stream().filter(r -> r.rule().equals("ForceNewIfChange")).map(r -> r.type() + "." + r.property()).toList())
                .containsExactly(KubernetesCluster.TYPE + ".version");
    }

    @Test
    void everyRegisteredResourceIsCoveredAndItsReplaceOnChangesAreProviderRules() throws IOException {
        Map<String, Set<String>> provider = forceNew(rules());
        var requests = Registrations.of(Fixtures.spec(), Fixtures.args().build()).values().stream()
                .filter(r -> r.getType().startsWith("digitalocean:")).toList();
        assertThat(requests).extracting(r -> r.getType()).containsAll(provider.keySet());
        for (var request : requests) {
            assertThat(provider).as("replace rules of " + request.getType()).containsKey(request.getType());
            // a replaceOnChanges on a property the provider updates in place would replace the resource for nothing
            assertThat(provider.get(request.getType())).as(request.getType() + " " + request.getName())
                    .containsAll(request.getReplaceOnChangesList());
        }
    }

    @Test
    void aChangedProviderRuleIsCaught() throws IOException {
        // guards the guard: drop one extracted rule, or add one, and the comparison reports it
        List<Rule> rules = rules();
        List<Rule> dropped = rules.stream().filter(r -> !(r.type().equals(KubernetesCluster.TYPE) && r.property().equals("vpcUuid"))).toList();
        assertThat(differences(InPlaceUpgradeTest.REPLACE_ON_CHANGE, forceNew(dropped))).singleElement().asString().contains("vpcUuid");
        List<Rule> added = new java.util.ArrayList<>(rules);
        added.add(new Rule(KubernetesCluster.TYPE, "ha", "ForceNew", "test"));
        assertThat(differences(InPlaceUpgradeTest.REPLACE_ON_CHANGE, forceNew(added))).singleElement().asString().contains("ha");
        assertThat(rules.stream().map(Rule::origin).collect(Collectors.toSet())).allSatisfy(o -> assertThat(o).isNotBlank());
    }
}
