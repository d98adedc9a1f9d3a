package io.codezero.examples.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.StackConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.codezero.core.testing.DocClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
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
        assertThat(network).as("VPC, subnet, router, NAT and the control plane's webhook firewall rule").hasSize(5);
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


    @Test
    void theResourceCountInTheDocsIsThePlans() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(DocClaims.plannedResources(run)).isEqualTo(DocClaims.claimedResources("docs/gcp.md", "examples/gcp"));
    }

    @Test
    void theGatewayAddressIsKnownOnlyAfterDeployNotAnInClusterName() {
        // GKE's service controller assigns the load balancer's address when the Service exists (issue 20, item 13)
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.outputs()).containsKey("gatewayAddress");
        assertThat(run.outputs().get("gatewayAddress").value()).as("unknown in the plan").isNull();
    }
}
