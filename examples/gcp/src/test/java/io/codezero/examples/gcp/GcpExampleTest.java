package io.codezero.examples.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The example as shipped (Pulumi.dev.yaml), run offline with the plan mocks found on the classpath:
 * the whole platform plans on GKE, and what the platform exposes through cloud load balancers or
 * persistent disks is torn down before the network and the nodes under it.
 */
class GcpExampleTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = OfflineEngine.create().project("codezero-gcp").stack("dev")
                .config(stackConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(App::stack);
    }

    @Test
    void theShippedConfigPlansTheClusterAndEveryPlatformLayer() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("codezero:gcp:GkeCluster")).hasSize(1);
        assertThat(run.ofType("gcp:container/nodePool:NodePool")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("codezero-dev-system", "codezero-dev-batch");
        assertThat(run.where(r -> r.type().startsWith("codezero:platform:"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "codezero-dev-k8s");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).allSatisfy(r ->
                assertThat(r.providerUrn()).as(r.toString()).isEqualTo(k8s.urn()));
        assertThat(run.get("gcp:container/cluster:Cluster", "codezero-dev-gke").protect()).isTrue();
    }

    @Test
    void loadBalancersAndVolumesGoBeforeTheNetworkAndTheNodes() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        List<PlannedResource> network = run.where(r -> r.type().startsWith("gcp:compute/"));
        List<PlannedResource> pools = run.ofType("gcp:container/nodePool:NodePool");
        List<PlannedResource> workloads = new ArrayList<>(run.where(r -> r.type().equals("kubernetes:core/v1:Service")
                && "LoadBalancer".equals(r.input("spec.type"))));
        // Helm releases may create LoadBalancer services (the Istio gateway chart does) and volumes
        workloads.addAll(run.ofType("kubernetes:helm.sh/v3:Release"));
        workloads.addAll(run.ofType("kubernetes:core/v1:PersistentVolumeClaim"));
        assertThat(network).hasSize(4);
        assertThat(workloads).isNotEmpty();
        for (PlannedResource workload : workloads) {
            for (PlannedResource piece : network) {
                assertThat(graph.reaches(workload.urn(), piece.urn())).as(workload + " must be destroyed before " + piece).isTrue();
            }
            for (PlannedResource pool : pools) {
                assertThat(graph.reaches(workload.urn(), pool.urn())).as(workload + " must be destroyed before " + pool).isTrue();
            }
        }
    }

    /** The config: section of a Pulumi.<stack>.yaml, objects as JSON as the Pulumi CLI passes them. */
    @SuppressWarnings("unchecked")
    static Map<String, String> stackConfig(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Object> config = (Map<String, Object>) root.get("config");
            Map<String, String> out = new LinkedHashMap<>();
            config.forEach((k, v) -> out.put(k, v instanceof Map || v instanceof List ? new Gson().toJson(v) : String.valueOf(v)));
            return out;
        }
    }
}
