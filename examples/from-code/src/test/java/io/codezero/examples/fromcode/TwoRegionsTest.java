package io.codezero.examples.fromcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.aws.AwsTarget;
import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.platform.PlatformApp;
import io.codezero.platform.PlatformLayer;
import io.codezero.platform.apps.catalogue.Adminer;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.GuiLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.LogsLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CodeZeroStackArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The README's from-code program: it compiles (it is this module's main class), plans, and is the README's text. */
class TwoRegionsTest {

    @Test
    void twoStacksInOneProgramPlanWithoutSharingAResourceName() {
        OfflineRun run = OfflineEngine.create().project("codezero-from-code").stack("dev")
                .mocks(PlanMocksContributor.discover()).run(TwoRegions::stack);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("aws:eks/cluster:Cluster")).extracting(r -> r.input("name")).containsExactlyInAnyOrder("shop-eu", "shop-us");
        assertThat(run.ofType(CodeZeroStack.TYPE)).extracting(PlannedResource::name).containsExactlyInAnyOrder("shop-eu", "shop-us");
        // every layer of each stack, once per stack; the offline engine refuses duplicate URNs as the real engine does
        assertThat(run.where(r -> r.type().equals("codezero:platform:Istio"))).hasSize(2);
        assertThat(run.outputs()).containsKeys("euKubeconfig", "usKubeconfig", "euConsoleUrls");
        assertThat(run.outputs().get("euKubeconfig").secret()).isTrue();
    }

    @Test
    void theGatewayCertificateIsRequestedAlthoughIstioIsListedBeforeCertificates() {
        OfflineRun run = OfflineEngine.create().project("codezero-from-code").stack("dev")
                .mocks(PlanMocksContributor.discover()).run(TwoRegions::stack);
        assertThat(run.where(r -> r.type().equals("kubernetes:cert-manager.io/v1:Certificate") && r.name().endsWith("istio-gateway-certificate")))
                .hasSize(2);
    }

    /** Before: apps listed before the app they link to threw after registering resources; now the order is the graph's. */
    @Test
    void theOrderOfLayersAndAppsDoesNotChangeThePlan() {
        Map<String, Object> first = null;
        Random random = new Random(7);
        for (int round = 0; round < 4; round++) {
            List<PlatformLayer> layers = new ArrayList<>(List.of(CertificatesLayer.builder().build(), IstioLayer.builder().build(),
                    MetricsLayer.builder().build(), LogsLayer.builder().build(), DashboardsLayer.builder().build(),
                    GuiLayer.builder().kiali(true).build()));
            List<PlatformApp> apps = new ArrayList<>(List.of(new Adminer("admin", Route.host("admin", Visibility.PRIVATE), "db"),
                    new PostgreSql("db", "5Gi")));
            Collections.shuffle(layers, random);
            Collections.shuffle(apps, random);
            OfflineRun run = OfflineEngine.create().project("p").stack("dev").mocks(PlanMocksContributor.discover()).run(ctx ->
                    new CodeZeroStack("shop", CodeZeroStackArgs.builder()
                            .target(new AwsTarget(AwsTargetArgs.builder().region("eu-west-1").build()))
                            .cluster(ClusterSpec.builder("shop").network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()).build())
                            .layers(layers).apps(apps).build()));
            assertThat(run.succeeded()).as(layers + " " + apps + ": " + run.failure()).isTrue();
            Map<String, Object> plan = new TreeMap<>();
            run.resources().forEach(r -> plan.put(r.urn(), List.of(r.inputs(), new java.util.TreeSet<>(r.dependencies()))));
            if (first == null) {
                first = plan;
            } else {
                assertThat(plan).as("layers " + layers.stream().map(PlatformLayer::name).toList()).isEqualTo(first);
            }
        }
    }

    @Test
    void theReadmeShowsThisProgram() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/codezero/examples/fromcode/TwoRegions.java"));
        String body = source.substring(source.indexOf("public final class TwoRegions"));
        String readme = Files.readString(Path.of("../../README.md"));
        assertThat(readme).as("README.md must show examples/from-code/.../TwoRegions.java verbatim, from its class line").contains(body.strip());
    }
}
