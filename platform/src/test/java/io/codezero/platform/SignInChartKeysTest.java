package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.testing.TestPrerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every value the sign-in work sets is a key the upstream chart knows: present in its values.yaml, or read by its
 * templates as {@code .Values.<key>} (e.g. {@code fullnameOverride}). A misspelt key would be silently ignored by Helm.
 */
@SuppressWarnings("unchecked")
class SignInChartKeysTest {
    static final Path CHARTS = charts();

    /** -Dcodezero.charts, else the first shared/charts beside the repository or one of its parents (../shared/charts from main). */
    static Path charts() {
        String given = System.getProperty("codezero.charts");
        if (given != null) {
            return Path.of(given);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/charts"))) {
                return dir.resolve("shared/charts");
            }
        }
        return Path.of("../shared/charts");
    }
    static OfflineRun run;

    @BeforeAll
    static void plan() {
        run = FakeCluster.plan(FakeCluster.read(SignInTest.platform(SignInTest.signIn())));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
    }

    static Map<String, Object> values(String release) {
        return (Map<String, Object>) run.get("kubernetes:helm.sh/v3:Release", "dev-" + release).input("values");
    }

    @Test
    void oauth2ProxyValuesAreTheChartsKeys() throws IOException {
        assertKnown(CHARTS.resolve("oauth2-proxy-10.7.0"), values("sign-in-oauth2-proxy"));
    }

    @Test
    void oauth2ProxyAccessListValuesAreTheChartsKeys() throws IOException {
        Map<String, Object> signIn = SignInTest.signIn();
        signIn.put("allowedEmails", List.of("ada@example.com", "grace@example.com"));
        OfflineRun withEmails = FakeCluster.plan(FakeCluster.read(SignInTest.platform(signIn)));
        assertThat(withEmails.succeeded()).as(withEmails.failure()).isTrue();
        Map<String, Object> values = (Map<String, Object>) withEmails.get("kubernetes:helm.sh/v3:Release", "dev-sign-in-oauth2-proxy").input("values");
        assertThat(values.get("authenticatedEmailsFile")).isEqualTo(Map.of("enabled", true, "persistence", "configmap",
                "restricted_access", "ada@example.com\ngrace@example.com"));
        assertThat(((Map<String, Object>) values.get("config")).get("emailDomains")).isEqualTo(List.of());
        assertKnown(CHARTS.resolve("oauth2-proxy-10.7.0"), values);
    }

    @Test
    void headlampOidcValuesAreTheChartsKeys() throws IOException {
        Map<String, Object> config = (Map<String, Object>) values("gui-headlamp").get("config");
        assertKnown(CHARTS.resolve("headlamp-0.43.0"), Map.of("config", Map.of("oidc", config.get("oidc"))));
    }

    @Test
    void kialiAuthStrategyIsTheChartsKey() throws IOException {
        assertKnown(CHARTS.resolve("kiali-server-2.29.0"), Map.of("auth", values("gui-kiali").get("auth")));
    }

    static void assertKnown(Path chart, Map<String, Object> values) throws IOException {
        TestPrerequisites.require(Files.isRegularFile(chart.resolve("values.yaml")),
                "the upstream chart " + chart + " (../shared/charts; set -Dcodezero.charts=DIR)");
        Map<String, Object> defaults;
        try (InputStream in = Files.newInputStream(chart.resolve("values.yaml"))) {
            defaults = new Yaml().load(in);
        }
        StringBuilder templates = new StringBuilder();
        try (Stream<Path> files = Files.walk(chart.resolve("templates"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                templates.append(Files.readString(f)).append('\n');
            }
        }
        List<String> unknown = new ArrayList<>();
        walk("", values, defaults, templates.toString(), unknown);
        assertThat(unknown).as("keys " + chart.getFileName() + " does not know").isEmpty();
    }

    private static void walk(String prefix, Map<String, Object> set, Object defaults, String templates, List<String> unknown) {
        for (Map.Entry<String, Object> e : set.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object def = defaults instanceof Map<?, ?> m ? m.get(e.getKey()) : null;
            boolean inValues = defaults instanceof Map<?, ?> m && m.containsKey(e.getKey());
            boolean inTemplates = templates.contains(".Values." + key) || templates.contains("$oidc." + key.replaceFirst("^config\\.oidc\\.", ""));
            if (!inValues && !inTemplates) {
                unknown.add(key);
                continue;
            }
            // an open map in the chart (e.g. resources: {}) takes any keys below it
            if (e.getValue() instanceof Map<?, ?> child && def instanceof Map<?, ?> defMap && !defMap.isEmpty()) {
                walk(key, (Map<String, Object>) child, def, templates, unknown);
            }
        }
    }
}
