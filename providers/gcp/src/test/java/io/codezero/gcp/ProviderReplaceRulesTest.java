package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.core.plan.OfflineRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link InPlaceUpgradeTest}'s replace rules agree with the pinned provider's own: {@code replace-rules.json} is
 * extracted from terraform-provider-google-beta v5.0.0 (the source com.pulumi:gcp 7.0.0 is bridged from) by
 * {@code src/test/resources/provider-replace-rules/extract.py}, which names the commit and the file of each resource.
 *
 * <p>In the Terraform SDK a ForceNew block replaces the resource when the block appears or goes; changes inside it
 * replace only through ForceNew fields of its own. So every ForceNew field without ForceNew children must be covered
 * by the table (listed, or under a listed block), and every table entry must be ForceNew in the provider (or a block
 * whose fields are). Types the script does not extract are listed with the reason.
 */
class ProviderReplaceRulesTest {
    static final String RULES = "/provider-replace-rules/replace-rules.json";
    /** Registered types whose rules are not extracted, and why; the table keeps them by hand. */
    static final Map<String, String> NOT_EXTRACTED = Map.of(
            "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "IAM members are built from tpgiamresource's generic member schema plus the parent's",
            "gcp:projects/iAMMember:IAMMember", "IAM members are built from tpgiamresource's generic member schema plus the parent's",
            "gcp:projects/service:Service", "registered only with enableApis: its inputs never change",
            "kubernetes:storage.k8s.io/v1:StorageClass", "not a Google resource: Kubernetes' immutable StorageClass fields");

    static Map<String, Set<String>> extracted() throws IOException {
        try (InputStream in = ProviderReplaceRulesTest.class.getResourceAsStream(RULES)) {
            assertThat(in).as(RULES).isNotNull();
            JsonObject json = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            assertThat(json.get("ref").getAsString()).isEqualTo("v5.0.0");
            assertThat(json.get("commit").getAsString()).startsWith("925e6d96");
            Map<String, Set<String>> out = new LinkedHashMap<>();
            json.getAsJsonObject("resources").entrySet().forEach(e -> {
                Set<String> paths = new TreeSet<>();
                e.getValue().getAsJsonObject().getAsJsonArray("forceNew").forEach(p -> paths.add(p.getAsString()));
                out.put(e.getKey(), paths);
            });
            return out;
        }
    }

    /** What the table and the provider disagree on, one sentence each; empty when they agree. */
    static List<String> disagreements(Map<String, List<String>> table, Map<String, Set<String>> provider) {
        List<String> out = new ArrayList<>();
        table.forEach((type, entries) -> {
            Set<String> forceNew = provider.get(type);
            if (forceNew == null) {
                if (!NOT_EXTRACTED.containsKey(type)) {
                    out.add(type + ": no extracted rules; add it to extract.py or NOT_EXTRACTED");
                }
                return;
            }
            for (String entry : entries) {
                if (!forceNew.contains(entry) && forceNew.stream().noneMatch(f -> f.startsWith(entry + "."))) {
                    out.add(type + ": the table says " + entry + " forces replacement, the provider does not");
                }
            }
            for (String field : forceNew) {
                boolean leaf = forceNew.stream().noneMatch(f -> f.startsWith(field + "."));
                if (leaf && entries.stream().noneMatch(e -> field.equals(e) || field.startsWith(e + "."))) {
                    out.add(type + ": the provider replaces on " + field + ", the table misses it");
                }
            }
        });
        return out;
    }

    @Test
    void theInPlaceTableIsThePinnedProvidersForceNewFields() throws IOException {
        assertThat(disagreements(InPlaceUpgradeTest.REPLACE_ON_CHANGE, extracted())).isEmpty();
    }

    @Test
    void everyTypeTheTargetRegistersHasRules() throws IOException {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().enableApis(true).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Set<String> registered = new TreeSet<>();
        run.resources().stream().filter(r -> r.custom() && !r.isProvider()).forEach(r -> registered.add(r.type()));
        Set<String> known = new TreeSet<>(InPlaceUpgradeTest.REPLACE_ON_CHANGE.keySet());
        known.addAll(NOT_EXTRACTED.keySet());
        assertThat(known).containsAll(registered);
    }

    @Test
    void changingOneExtractedEntryMakesTheComparisonFail() throws IOException {
        Map<String, Set<String>> provider = extracted();
        // the provider starting to replace pools on a label change ...
        Map<String, Set<String>> more = new LinkedHashMap<>(provider);
        Set<String> pool = new TreeSet<>(provider.get("gcp:container/nodePool:NodePool"));
        pool.add("nodeConfig.labels");
        more.put("gcp:container/nodePool:NodePool", pool);
        assertThat(disagreements(InPlaceUpgradeTest.REPLACE_ON_CHANGE, more))
                .containsExactly("gcp:container/nodePool:NodePool: the provider replaces on nodeConfig.labels, the table misses it");
        // ... or no longer on a machine type change
        Map<String, Set<String>> fewer = new LinkedHashMap<>(provider);
        Set<String> pool2 = new TreeSet<>(provider.get("gcp:container/nodePool:NodePool"));
        pool2.remove("nodeConfig.machineType");
        fewer.put("gcp:container/nodePool:NodePool", pool2);
        assertThat(disagreements(InPlaceUpgradeTest.REPLACE_ON_CHANGE, fewer))
                .containsExactly("gcp:container/nodePool:NodePool: the table says nodeConfig.machineType forces replacement, the provider does not");
    }
}
