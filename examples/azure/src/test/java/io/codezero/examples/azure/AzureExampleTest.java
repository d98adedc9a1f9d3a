package io.codezero.examples.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
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
import java.util.Map;
import io.codezero.core.testing.DocClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as shipped (Pulumi.dev.yaml), run offline with the plan mocks found on the classpath:
 * the whole platform plans on AKS, nothing silently drops out of the plan mocks (every Azure output
 * the program reads is answered), and what the platform exposes through load balancers is torn
 * down before the network under it.
 */
class AzureExampleTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = OfflineEngine.create().project("codezero-azure").stack("dev")
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(App::stack);
    }

    @Test
    void theShippedConfigPlansTheClusterAndEveryPlatformLayer() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("codezero:azure:AksCluster")).hasSize(1);
        assertThat(run.ofType("azure-native:containerservice:AgentPool")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("codezero-dev-general", "codezero-dev-batch");
        assertThat(run.where(r -> r.type().startsWith("codezero:platform:"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "codezero-dev-k8s");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).isNotEmpty().allSatisfy(r ->
                assertThat(r.providerUrn()).as(r.toString()).isEqualTo(k8s.urn()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubeconfigIsCompleteSoNothingDroppedOutOfThePlanMocks() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<String, Object> kubeconfig = new Gson().fromJson((String) run.outputs().get("kubeconfig").value(), Map.class);
        Map<String, Object> cluster = (Map<String, Object>) ((List<Map<String, Object>>) kubeconfig.get("clusters")).get(0).get("cluster");
        assertThat((String) cluster.get("server")).startsWith("https://codezero-dev-").endsWith(".hcp.westeurope.azmk8s.io:443");
        assertThat((String) cluster.get("certificate-authority-data")).isNotBlank();
        // the agent pools name the cluster by its output name, which azure-native does not echo: the plan mocks answer it
        assertThat(run.ofType("azure-native:containerservice:AgentPool")).allSatisfy(p -> assertThat(p.input("resourceName")).isEqualTo("codezero-dev"));
        assertThat(run.ofType("azure-native:network:Subnet")).allSatisfy(s -> assertThat(s.input("virtualNetworkName")).isEqualTo("codezero-dev-vnet"));
    }

    @Test
    void loadBalancerServicesAndReleasesGoBeforeTheNetwork() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        List<PlannedResource> network = run.where(r -> r.type().startsWith("azure-native:network:"));
        List<PlannedResource> workloads = new ArrayList<>(run.where(r -> r.type().equals("kubernetes:core/v1:Service")
                && "LoadBalancer".equals(r.input("spec.type"))));
        workloads.addAll(run.ofType("kubernetes:helm.sh/v3:Release"));
        assertThat(network).hasSize(4);
        assertThat(workloads).isNotEmpty();
        for (PlannedResource workload : workloads) {
            for (PlannedResource piece : network) {
                assertThat(graph.reaches(workload.urn(), piece.urn())).as(workload + " must be destroyed before " + piece).isTrue();
            }
        }
    }

    @Test
    void twoAzureStacksInOneProgramPlanCleanly() {
        OfflineRun two = OfflineEngine.create().project("codezero-azure").stack("multi")
                .mocks(PlanMocksContributor.discover())
                .run(ctx -> {
                    for (String[] where : new String[][] {{"eu", "westeurope"}, {"us", "eastus2"}}) {
                        var spec = io.codezero.core.spec.ClusterSpec.builder(where[0] + "-cluster")
                                .network(io.codezero.core.spec.NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()).build();
                        var target = new io.codezero.azure.AzureTarget(io.codezero.azure.AzureTargetArgs.builder().location(where[1]).build());
                        new io.codezero.stacks.CodeZeroStack(where[0], io.codezero.stacks.CodeZeroStackArgs.builder()
                                .target(target).cluster(spec).build());
                    }
                });
        assertThat(two.succeeded()).as(two.failure()).isTrue();
        assertThat(two.ofType("azure-native:containerservice:ManagedCluster")).extracting(r -> r.input("location"))
                .containsExactlyInAnyOrder("westeurope", "eastus2");
        assertThat(two.ofType("pulumi:providers:kubernetes")).hasSize(2);
        assertThat(two.ofType("azure-native:containerservice:AgentPool")).extracting(r -> r.input("resourceName"))
                .containsExactlyInAnyOrder("eu-cluster", "us-cluster");
    }


    @Test
    void theResourceCountInTheDocsIsThePlans() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(DocClaims.plannedResources(run)).isEqualTo(DocClaims.claimedResources("docs/azure.md", "examples/azure"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShippedDefaultsFollowAksRules() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource aks = run.get("azure-native:containerservice:ManagedCluster", "codezero-dev-aks");
        // the nodes' NAT egress IP is authorized beside the user's allowlist (issue 21, item 1)
        assertThat((List<String>) aks.input("apiServerAccessProfile.authorizedIPRanges")).hasSize(2).startsWith("203.0.113.0/24")
                .allSatisfy(r -> assertThat(r).contains("/"));
        // a system pool of at least 4 vCPUs, three nodes (item 6)
        Map<String, Object> system = ((List<Map<String, Object>>) aks.input("agentPoolProfiles")).get(0);
        assertThat(system.get("vmSize")).isEqualTo("Standard_D4s_v5");
        assertThat(((Number) system.get("count")).intValue()).isEqualTo(3);
        // protected from replacement (item 8)
        assertThat(aks.protect()).isTrue();
        // a vault name of this deployment, not one every user of the example shares (item 2)
        String vault = (String) run.get("azure-native:keyvault:Vault", "codezero-dev-secrets-vault").input("vaultName");
        assertThat(vault).startsWith("kvcodezerodev-").hasSizeLessThanOrEqualTo(24);
    }
}
