package io.codezero.examples.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.codezero.core.testing.DocClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The example as shipped (Pulumi.dev.yaml), planned offline with the plan mocks on the classpath. */
class BareMetalExampleTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        Set<String> secrets = new LinkedHashSet<>();
        Map<String, String> config = stackConfig(Path.of("Pulumi.dev.yaml"), secrets);
        run = OfflineEngine.create().project("codezero-baremetal").stack("dev").config(config).secretKeys(secrets)
                .mocks(PlanMocksContributor.discover()).run(App::stack);
    }

    @Test
    void theShippedConfigPlansOneResourcePerMachineAndThePlatformOnTop() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("codezero:baremetal:ServerNode")).extracting(PlannedResource::name).containsExactly("lab-cp-1");
        assertThat(run.ofType("codezero:baremetal:AgentNode")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("lab-worker-1", "lab-worker-2");  // both join once the server is up, in no fixed order
        PlannedResource server = run.ofType("codezero:baremetal:ServerNode").get(0);
        assertThat(server.isSecretInput("connection.privateKey")).isTrue();
        assertThat(server.input("clusterInit")).isEqualTo(true);
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        PlannedResource k8s = run.where(r -> r.type().equals("pulumi:providers:kubernetes")).get(0);
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).isNotEmpty().allSatisfy(r ->
                assertThat(r.providerUrn()).as(r.toString()).isEqualTo(k8s.urn()));
        // Workloads wait for every machine to be in the cluster.
        PlannedResource agent = run.ofType("codezero:baremetal:AgentNode").get(1);
        assertThat(run.where(r -> r.type().startsWith("kubernetes:") && !r.type().startsWith("kubernetes:metallb")))
                .allSatisfy(r -> assertThat(run.dependsOn(r, agent)).as(r.toString()).isTrue());
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> stackConfig(Path file, Set<String> secrets) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> out = new LinkedHashMap<>();
            ((Map<String, Object>) root.get("config")).forEach((k, v) -> {
                if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                    secrets.add(k);
                    out.put(k, "offline-plan-secret");
                } else {
                    out.put(k, v instanceof Map || v instanceof List ? new Gson().toJson(v) : String.valueOf(v));
                }
            });
            return out;
        }
    }

    @Test
    void theResourceCountInTheDocsIsThePlans() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(DocClaims.plannedResources(run)).isEqualTo(DocClaims.claimedResources("docs/baremetal.md", "examples/baremetal"));
    }
}
