package io.codezero.examples.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.StackConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import io.codezero.core.testing.DocClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as shipped (Pulumi.dev.yaml), run offline with the plan mocks found on the
 * classpath: the whole platform plans on EKS, and what the platform exposes through cloud load
 * balancers or EBS volumes is torn down before the network and the drivers under it.
 */
class AwsExampleTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = OfflineEngine.create().project("codezero-aws").stack("dev")
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(App::stack);
    }

    @Test
    void theShippedConfigPlansTheClusterAndEveryPlatformLayer() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("codezero:aws:EksCluster")).hasSize(1);
        assertThat(run.ofType("aws:eks/nodeGroup:NodeGroup")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("codezero-dev-system", "codezero-dev-batch");
        assertThat(run.where(r -> r.type().startsWith("codezero:platform:"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "codezero-dev-k8s");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).allSatisfy(r ->
                assertThat(r.providerUrn()).as(r.toString()).isEqualTo(k8s.urn()));
    }

    @Test
    void loadBalancerServicesGoBeforeTheNetworkAndVolumesBeforeTheEbsDriver() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        List<PlannedResource> network = run.where(r -> r.type().startsWith("aws:ec2/") && !r.type().endsWith("LaunchTemplate"));
        List<PlannedResource> loadBalancers = run.where(r -> r.type().equals("kubernetes:core/v1:Service")
                && "LoadBalancer".equals(r.input("spec.type")));
        List<PlannedResource> releases = run.ofType("kubernetes:helm.sh/v3:Release");
        assertThat(network).isNotEmpty();
        assertThat(loadBalancers.size() + releases.size()).isPositive();
        // Helm releases may create LoadBalancer services (the Istio gateway chart does) and volumes
        for (PlannedResource workload : concat(loadBalancers, releases)) {
            for (PlannedResource piece : network) {
                assertThat(graph.reaches(workload.urn(), piece.urn())).as(workload + " must be destroyed before " + piece).isTrue();
            }
        }
        PlannedResource ebs = run.get("aws:eks/addon:Addon", "codezero-dev-aws-ebs-csi-driver");
        for (PlannedResource claim : run.ofType("kubernetes:core/v1:PersistentVolumeClaim")) {
            assertThat(graph.reaches(claim.urn(), ebs.urn())).as(claim + " must be released while the EBS driver runs").isTrue();
        }
    }

    private static List<PlannedResource> concat(List<PlannedResource> a, List<PlannedResource> b) {
        List<PlannedResource> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }


    @Test
    void theResourceCountInTheDocsIsThePlans() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(DocClaims.plannedResources(run)).isEqualTo(DocClaims.claimedResources("docs/aws.md", "examples/aws"));
    }
}
