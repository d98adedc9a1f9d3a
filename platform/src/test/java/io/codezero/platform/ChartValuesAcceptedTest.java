package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.CniPaths;
import io.codezero.platform.charts.UpstreamCharts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every key the layers put in a Helm release's values is one the real chart accepts: it is in the chart's
 * values.yaml (or a vendored subchart's), or a template reads it. Charts ignore a key they do not know
 * without a word, so a misspelt or renamed key would otherwise change nothing and nobody would notice.
 * The plans cover every release the layers make: the full example (sidecar mesh, development CA, Kiali)
 * and its variant with an ambient mesh on k3s' CNI directories and an ACME issuer.
 */
@SuppressWarnings("unchecked")
class ChartValuesAcceptedTest {
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";

    /**
     * Sections a chart hands as a whole to the application's own configuration, so the application, not the chart,
     * reads the keys below them; each with the template text that does it (checked below, so a chart that stops
     * passing a section through fails this test instead of silently dropping our settings).
     */
    static final Map<String, Map<String, String>> PASS_THROUGH = Map.of(
            "istiod-1.31", Map.of("meshConfig", "mergeOverwrite $originalMesh .Values.meshConfig"),
            "grafana-12.7.2", Map.of("grafana.ini", "index .Values \"grafana.ini\""),
            "loki-11.7.0", Map.of("loki.limits_config", "with .Values.loki.limits_config"),
            // Kiali's chart writes its values (less kiali_route_url) as Kiali's config file; external_services.prometheus.url
            // is a setting of Kiali's own config (the Kiali CR reference).
            "kiali-server-2.29.0", Map.of("external_services.prometheus", "omit .Values \"kiali_route_url\""));

    static List<OfflineRun> plans() {
        Map<String, Object> variant = new HashMap<>(RealChartDefectsTest.ambient());
        variant.put("certificates", new HashMap<>(Map.of("issuer", "acme", "acme", Map.of("email", "ops@example.com"))));
        variant.put("signIn", new HashMap<>(Map.of("issuer", "https://login.example.com/realms/dev", "clientId", "codezero",
                "clientSecret", "not-a-secret-in-tests", "allowedGroups", List.of("platform-admins"))));
        return List.of(FakeCluster.plan(ExampleConfig.full()),
                RealChartDefectsTest.plan(variant, c -> c.withFact(CniPaths.class,
                        new CniPaths(RealChartDefectsTest.K3S_CONF, RealChartDefectsTest.K3S_BIN, "k3s"))));
    }

    @Test
    void everyKeyEveryReleaseSetsIsOneItsChartReads() {
        List<String> unread = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        int paths = 0;
        for (OfflineRun run : plans()) {
            assertThat(run.succeeded()).as(run.failure()).isTrue();
            for (PlannedResource release : run.ofType(RELEASE)) {
                String chart = (String) release.input("chart");
                String version = (String) release.input("version");
                String dir = UpstreamCharts.closest(chart, version).orElseThrow(() -> new AssertionError(
                        release.name() + ": no upstream chart " + chart + " " + version + " to check its values against"));
                Map<String, Object> values = (Map<String, Object>) release.input("values");
                ChartKeys keys = new ChartKeys(dir);
                List<String> leaves = new ArrayList<>();
                keys.check(List.of(), values == null ? Map.of() : values, keys.values, leaves, unread, release.name());
                paths += leaves.size();
                checked.add(release.name().replaceFirst("^dev-", "") + " → " + dir);
            }
        }
        System.out.println("values checked against the real charts: " + paths + " key paths in " + checked.size() + " releases: " + checked);
        assertThat(checked).hasSizeGreaterThanOrEqualTo(14);
        assertThat(unread).as("keys no chart reads").isEmpty();
    }

    @Test
    void theSectionsTakenAsPassedThroughArePassedThroughByTheirCharts() {
        PASS_THROUGH.forEach((dir, sections) -> sections.forEach((section, evidence) ->
                // Loki's chart keeps its config template in values.yaml (loki.config, rendered with tpl by _helpers.tpl).
                assertThat(UpstreamCharts.templates(dir) + UpstreamCharts.file(dir, "values.yaml"))
                        .as(dir + " passes " + section + " through").contains(evidence)));
    }

    @Test
    void aKeyTheChartDoesNotKnowIsCaught() {
        ChartKeys kiali = new ChartKeys("kiali-server-2.29.0");
        List<String> unread = new ArrayList<>();
        kiali.check(List.of(), Map.of("fullnameOverride", "kiali", "istio_namespace", "istio-system",
                "deployment", Map.of("instance_name", "kiali", "instanceName", "x")), kiali.values, new ArrayList<>(), unread, "kiali");
        assertThat(unread).containsExactlyInAnyOrder("kiali: fullnameOverride", "kiali: istio_namespace", "kiali: deployment.instanceName");
    }

    /** One chart's values and templates, with its vendored subcharts. */
    static final class ChartKeys {
        final String dir;
        final Map<String, Object> values;
        final String templates;
        final Map<String, String> subcharts = new LinkedHashMap<>();

        ChartKeys(String dir) {
            this.dir = dir;
            this.values = UpstreamCharts.values(dir);
            this.templates = UpstreamCharts.templates(dir);
            Object deps = UpstreamCharts.chartYaml(dir).get("dependencies");
            if (deps instanceof List<?> list) {
                for (Object d : list) {
                    Map<String, Object> dep = (Map<String, Object>) d;
                    String name = (String) dep.get("name");
                    subcharts.put((String) dep.getOrDefault("alias", name), name);
                }
            }
        }

        void check(List<String> path, Map<String, Object> ours, Object chartNode, List<String> leaves, List<String> unread, String release) {
            for (Map.Entry<String, Object> e : ours.entrySet()) {
                List<String> p = new ArrayList<>(path);
                p.add(e.getKey());
                Object theirs = chartNode instanceof Map<?, ?> m ? m.get(e.getKey()) : null;
                boolean known = chartNode instanceof Map<?, ?> m && m.containsKey(e.getKey());
                if (path.isEmpty() && !known && subcharts.containsKey(e.getKey())) {
                    theirs = subchartValues(e.getKey());
                    known = true;
                }
                String dotted = String.join(".", p);
                if (PASS_THROUGH.getOrDefault(dir, Map.of()).keySet().stream().anyMatch(prefix -> dotted.equals(prefix) || dotted.startsWith(prefix + "."))) {
                    leaves.add(dotted);
                    continue;
                }
                if (!known && !readByTemplates(p)) {
                    unread.add(release + ": " + String.join(".", p));
                    continue;
                }
                if (e.getValue() instanceof Map<?, ?> nested && theirs instanceof Map<?, ?> theirMap && !theirMap.isEmpty()) {
                    check(p, (Map<String, Object>) nested, theirs, leaves, unread, release);
                } else {
                    // A leaf, a list, or a free-form map the chart passes through ({} in its values, e.g. annotations).
                    leaves.add(String.join(".", p));
                }
            }
        }

        private Map<String, Object> subchartValues(String alias) {
            Map<String, Object> sub = UpstreamCharts.load(UpstreamCharts.chart(dir).resolve("charts/" + subcharts.get(alias) + "/values.yaml"));
            Map<String, Object> withCondition = new LinkedHashMap<>(sub);
            withCondition.putIfAbsent("enabled", false);
            return withCondition;
        }

        /** A template reads the path: {@code .Values.a.b}, or Istio's {@code ($.Values.a).b} form. */
        private boolean readByTemplates(List<String> p) {
            String dotted = String.join(".", p);
            if (templates.contains("Values." + dotted)) {
                return true;
            }
            String parent = String.join(".", p.subList(0, p.size() - 1));
            String last = p.get(p.size() - 1);
            return templates.contains((parent.isEmpty() ? "Values)." : "Values." + parent + ").") + last);
        }
    }
}
