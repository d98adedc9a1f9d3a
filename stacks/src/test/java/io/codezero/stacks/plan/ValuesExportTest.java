package io.codezero.stacks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.stacks.TestTargets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code codezero plan DIR --values-out OUT}: one file per Helm release, an index, and never a secret. */
@SuppressWarnings("unchecked")
class ValuesExportTest {
    static final String WEBHOOK_TOKEN = "hook-token-4f2a";

    @TempDir
    Path dir;
    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: export-test\nruntime: java\n");
        Files.writeString(dir.resolve("pom.xml"), "<project><properties><codezero.mainClass>"
                + PlanCommandTest.class.getName() + "</codezero.mainClass></properties></project>");
        TestTargets.writeKubeconfig(dir);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), """
                config:
                  codezero:kubeconfig: KUBECONFIG
                  codezero:cluster: {name: shop}
                  codezero:platform:
                    domain: shop.example.com
                    istio: {mode: sidecar, gateway: {replicas: 1, serviceType: NodePort}}
                    certificates: {issuer: selfSigned}
                    metrics: {receivers: [{name: ops, type: webhook, url: "https://hooks.example.com/a?token=TOKEN"}]}
                    logs: {}
                    dashboards: {}
                    gui: {route: private, kiali: true}
                """.replace("KUBECONFIG", dir.resolve("kubeconfig").toString()).replace("TOKEN", WEBHOOK_TOKEN));
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void writesEveryHelmReleaseAndAnIndexWithoutSecrets() throws IOException {
        int exit = new CommandLine(new PlanCommand()).execute(dir.toString(), "--values-out", out.toString());
        assertThat(exit).as(stderr.toString(StandardCharsets.UTF_8)).isZero();

        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.filter(f -> !f.getFileName().toString().equals(ValuesExport.INDEX)).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains(
                "shop-istio-base.json", "shop-istiod.json", "shop-istio-gateway.json", "shop-cert-manager.json",
                "shop-metrics-prometheus-operator-crds.json", "shop-metrics-kube-prometheus-stack.json", "shop-logs-loki.json",
                "shop-logs-alloy.json", "shop-dashboards-grafana.json", "shop-gui-headlamp.json", "shop-gui-kiali.json");
        Gson gson = new Gson();
        for (Path f : files) {
            String text = Files.readString(f);
            Map<String, Object> release = gson.fromJson(text, Map.class);
            assertThat(release).as(f.toString()).containsOnlyKeys("release", "namespace", "chart", "repository", "version", "values");
            assertThat(release.get("values")).as(f.toString()).isInstanceOf(Map.class);
            assertThat((String) release.get("repository")).as(f.toString()).startsWith("https://");
            // The kubeconfig's token and the alert webhook's token live in secrets, never in values.
            assertThat(text).doesNotContain("secret-token").doesNotContain(WEBHOOK_TOKEN).doesNotContain(ValuesExport.MASK);
        }

        Map<String, Object> loki = gson.fromJson(Files.readString(out.resolve("shop-logs-loki.json")), Map.class);
        assertThat(loki).containsEntry("release", "loki").containsEntry("chart", "loki").containsEntry("namespace", "codezero-logs");
        assertThat(loki.get("version")).isEqualTo(io.codezero.core.Versions.Platform.LOKI);
        assertThat(((Map<String, Object>) loki.get("values")).get("deploymentMode")).isEqualTo("SingleBinary");
        // Whole numbers stay whole (the engine hands them over as doubles).
        assertThat(Files.readString(out.resolve("shop-logs-loki.json"))).contains("\"replicas\": 1").doesNotContain("1.0");

        List<String> index = Files.readAllLines(out.resolve(ValuesExport.INDEX));
        assertThat(index.get(0)).isEqualTo("file\tresource\trelease\tnamespace\tchart\tversion\trepository");
        assertThat(index).hasSize(files.size() + 1);
        assertThat(index.subList(1, index.size())).extracting(l -> l.split("\t")[0]).containsExactlyInAnyOrderElementsOf(
                files.stream().map(f -> f.getFileName().toString()).toList());
        assertThat(index).contains("shop-logs-loki.json\tshop-logs-loki\tloki\tcodezero-logs\tloki\t"
                + io.codezero.core.Versions.Platform.LOKI + "\thttps://grafana-community.github.io/helm-charts");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("wrote " + files.size() + " Helm releases");
    }

    @Test
    void theSamePlanWritesTheSameFiles() throws IOException {
        assertThat(new CommandLine(new PlanCommand()).execute(dir.toString(), "--values-out", out.resolve("a").toString())).isZero();
        assertThat(new CommandLine(new PlanCommand()).execute(dir.toString(), "--values-out", out.resolve("b").toString())).isZero();
        try (Stream<Path> listed = Files.list(out.resolve("a"))) {
            for (Path a : listed.toList()) {
                assertThat(Files.readString(out.resolve("b").resolve(a.getFileName()))).as(a.getFileName().toString()).isEqualTo(Files.readString(a));
            }
        }
    }

    @Test
    void aReleaseNoLongerPlannedLeavesNoFileBehind() throws IOException {
        PlannedResource kept = release("dev-kept", Map.of(), Set.of());
        ValuesExport.write(new OfflineRun(0, List.of(kept, release("dev-gone", Map.of(), Set.of())), Map.of(), List.of(), List.of()), out);
        Files.writeString(out.resolve("notes.json"), "{}");
        ValuesExport.write(new OfflineRun(0, List.of(kept), Map.of(), List.of(), List.of()), out);
        assertThat(out.resolve("dev-kept.json")).exists();
        assertThat(out.resolve("dev-gone.json")).doesNotExist();
        assertThat(out.resolve("notes.json")).as("not ours").exists();
    }

    static PlannedResource release(String name, Map<String, Object> values, Set<String> secret) {
        return new PlannedResource(ValuesExport.RELEASE, name, "urn:" + name, null, true, null, List.of(),
                Map.of("name", name, "namespace", "ns", "chart", "leaky", "version", "1.0.0",
                        "repositoryOpts", Map.of("repo", "https://charts.example.com"), "values", values),
                secret, "4.0.0");
    }

    @Test
    void secretValuesAreMaskedAndReported() throws IOException {
        PlannedResource release = release("dev-leaky", Map.of("password", "hunter2"), Set.of("values"));
        ValuesExport.Result result = ValuesExport.write(new OfflineRun(0, List.of(release), Map.of(), List.of(), List.of()), out);
        assertThat(result.secretReleases()).containsExactly("dev-leaky [values]");
        String text = Files.readString(out.resolve("dev-leaky.json"));
        assertThat(text).doesNotContain("hunter2").contains("\"values\": \"" + ValuesExport.MASK + "\"");
    }
}
