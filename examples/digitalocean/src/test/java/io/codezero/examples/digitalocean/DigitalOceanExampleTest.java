package io.codezero.examples.digitalocean;

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
 * the whole platform plans on DOKS, and everything that makes DigitalOcean load balancers or
 * volumes is torn down before the node pools, the cluster and the VPC.
 */
class DigitalOceanExampleTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = OfflineEngine.create().project("codezero-digitalocean").stack("dev")
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(App::stack);
    }

    @Test
    void theShippedConfigPlansTheClusterAndEveryPlatformLayer() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("codezero:digitalocean:DoksCluster")).hasSize(1);
        assertThat(run.ofType("digitalocean:index/kubernetesNodePool:KubernetesNodePool")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("codezero-dev-system", "codezero-dev-batch");
        assertThat(run.get("digitalocean:index/kubernetesCluster:KubernetesCluster", "codezero-dev-doks").input("region")).isEqualTo("fra1");
        assertThat(run.where(r -> r.type().startsWith("codezero:platform:"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "codezero-dev-k8s");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).allSatisfy(r ->
                assertThat(r.providerUrn()).as(r.toString()).isEqualTo(k8s.urn()));
    }

    @Test
    void loadBalancersAndVolumesGoBeforeThePoolsTheClusterAndTheVpc() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        List<PlannedResource> infrastructure = run.where(r -> r.type().startsWith("digitalocean:index/")
                && !r.type().contains("project"));
        assertThat(infrastructure).extracting(PlannedResource::type).contains("digitalocean:index/vpc:Vpc",
                "digitalocean:index/kubernetesCluster:KubernetesCluster", "digitalocean:index/kubernetesNodePool:KubernetesNodePool");
        List<PlannedResource> workloads = new ArrayList<>(run.where(r -> r.type().equals("kubernetes:core/v1:Service")
                && "LoadBalancer".equals(r.input("spec.type"))));
        workloads.addAll(run.ofType("kubernetes:helm.sh/v3:Release"));
        workloads.addAll(run.ofType("kubernetes:core/v1:PersistentVolumeClaim"));
        assertThat(workloads).isNotEmpty();
        for (PlannedResource workload : workloads) {
            for (PlannedResource piece : infrastructure) {
                assertThat(graph.reaches(workload.urn(), piece.urn())).as(workload + " must be destroyed before " + piece).isTrue();
            }
        }
    }


    @Test
    void onDoksTheMeshRunsNoCniAgentAndAppNamespacesAdmitIstioInit() {
        // DOKS' managed Cilium may drop a chained istio-cni (CniChaining): sidecars are set up by istio-init instead
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("kubernetes:helm.sh/v3:Release")).extracting(PlannedResource::name)
                .contains("codezero-dev-istiod").doesNotContain("codezero-dev-istio-cni");
        assertThat(run.get("kubernetes:helm.sh/v3:Release", "codezero-dev-istiod").input("values.pilot.cni.enabled")).isEqualTo(false);
        for (String app : List.of("db", "git")) {
            PlannedResource ns = run.ofType("kubernetes:core/v1:Namespace").stream().filter(r -> app.equals(r.input("metadata.name")))
                    .findFirst().orElseThrow();
            assertThat(ns.inputs().toString()).as(app).contains("pod-security.kubernetes.io/enforce=privileged", "istio-injection=enabled");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ambientOnDoksIsRefusedAtPlatformIstioModeBeforeAnythingRegisters() throws IOException {
        // the target states its managed Cilium up front (plannedFacts): ambient, which needs istio-cni, is a problem at
        // validation, so no VPC or cluster is registered (and created, then left) before the mesh would fail
        var config = new java.util.LinkedHashMap<>(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")));
        var gson = new com.google.gson.Gson();
        java.util.Map<String, Object> platform = gson.fromJson(config.get("codezero:platform"), java.util.Map.class);
        ((java.util.Map<String, Object>) platform.get("istio")).put("mode", "ambient");
        config.put("codezero:platform", gson.toJson(platform));
        OfflineRun ambient = OfflineEngine.create().project("codezero-digitalocean").stack("dev").config(config)
                .mocks(PlanMocksContributor.discover()).run(App::stack);
        assertThat(ambient.succeeded()).isFalse();
        assertThat(ambient.failure()).contains("platform.istio.mode", "ambient", "istio-cni", "use platform.istio.mode: sidecar");
        assertThat(ambient.where(r -> r.type().startsWith("digitalocean:") || r.type().startsWith("codezero:digitalocean:"))).isEmpty();
    }

    @Test
    void theDocsHandlesSnippetReadsTheClustersTypedHandles() throws IOException {
        // docs/digitalocean.md, "Typed handles": stack.handles(DoksClusterHandles.class) on the example's own stack
        OfflineRun handles = OfflineEngine.create().project("codezero-digitalocean").stack("dev")
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(ctx -> {
                    var config = io.codezero.stacks.StackConfig.from(ctx);
                    var target = io.codezero.digitalocean.DigitalOceanTarget.fromConfig(config.section("digitalocean"));
                    var stack = new io.codezero.stacks.CodeZeroStack(config.cluster().name(), config.toArgs(target));
                    var doks = stack.handles(io.codezero.digitalocean.cluster.DoksClusterHandles.class);
                    ctx.export("clusterId", doks.cluster().id());
                    ctx.export("pools", com.pulumi.core.Output.of(doks.nodePools().size()));
                    ctx.export("vpcId", doks.vpcId());
                    ctx.export("projectId", doks.projectId());
                    ctx.export("clusterUrn", doks.clusterUrn());
                    ctx.export("endpoint", doks.endpoint());
                    ctx.export("clusterName", doks.clusterName());
                });
        assertThat(handles.succeeded()).as(handles.failure()).isTrue();
        assertThat(String.valueOf(handles.outputs().get("clusterUrn").value())).startsWith("do:kubernetes:");
        assertThat(String.valueOf(handles.outputs().get("endpoint").value())).endsWith(".k8s.ondigitalocean.com");
        assertThat(handles.outputs().get("pools").value()).isEqualTo(2);
        assertThat(handles.outputs().get("clusterName").value()).isEqualTo("codezero-dev");
        assertThat(String.valueOf(handles.outputs().get("vpcId").value())).isNotBlank();
        assertThat(String.valueOf(handles.outputs().get("projectId").value())).isNotBlank();
    }

    @Test
    void theResourceCountInTheDocsIsThePlans() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(DocClaims.plannedResources(run)).isEqualTo(DocClaims.claimedResources("docs/digitalocean.md", "examples/digitalocean"));
    }
}
