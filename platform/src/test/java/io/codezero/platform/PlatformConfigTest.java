package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.validation.Problem;
import io.codezero.platform.layers.GuiLayer;
import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.secrets.RandomPassword;
import io.codezero.platform.secrets.RandomPasswordArgs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the platform config, switching layers and apps on and off, and the rules that must hold whatever the config. */
@SuppressWarnings("unchecked")
class PlatformConfigTest {

    static List<Problem> problems(Map<String, Object> platform) {
        ConfigObject object = ConfigObject.root("platform", platform);
        PlatformConfig config = PlatformConfig.read(object);
        List<Problem> all = new java.util.ArrayList<>(object.problems());
        all.addAll(config.validate());
        return all;
    }

    @Test
    void theExampleReadsIntoEveryLayerInOrderAndAppsAfterWhatTheyLinkTo() {
        PlatformConfig config = FakeCluster.read(ExampleConfig.full());
        assertThat(config.layers()).extracting(PlatformLayer::name)
                .containsExactly("certificates", "istio", "metrics", "logs", "dashboards", "gui");
        assertThat(config.apps()).extracting(PlatformApp::name).containsExactly("db", "git");
        assertThat(config.validate()).isEmpty();
        assertThat(config.settings().knownDomain().orElseThrow()).isEqualTo("codezero.localhost");
    }

    @Test
    void onlyTheLayersNamedInTheConfigAreInstalled() {
        PlatformConfig domainOnly = FakeCluster.read(new HashMap<>(Map.of("domain", "shop.example.com")));
        assertThat(domainOnly.layers()).isEmpty();
        PlatformConfig some = FakeCluster.read(new HashMap<>(Map.of("istio", Map.of(), "metrics", Map.of(), "logs", Map.of("enabled", false))));
        assertThat(some.layers()).extracting(PlatformLayer::name).containsExactly("istio", "metrics");
    }

    @Test
    void consumersAreOrderedAfterProvidersWhateverTheListOrder() {
        Map<String, Object> platform = ExampleConfig.with("apps", List.of(
                Map.of("name", "web", "kind", "adminer", "links", List.of(Map.of("app", "db"))),
                Map.of("name", "db", "kind", "postgresql")));
        assertThat(FakeCluster.read(platform).installPlan().order()).filteredOn(c -> c instanceof PlatformApp)
                .extracting(PlatformComponent::name).containsExactly("db", "web");
    }

    @Test
    void aPublicGuiIsRejectedBeforeAnythingIsRegistered() {
        List<Problem> problems = problems(ExampleConfig.with("gui", Map.of("route", "public")));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("platform.gui.route");
            assertThat(p.value()).isEqualTo("public");
            assertThat(p.message()).contains("never exposed without authentication");
        });
        OfflineRun run = FakeCluster.planExpectingFailure(ExampleConfig.with("gui", Map.of("route", "public")));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("platform.gui.route");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).isEmpty();
    }

    @Test
    void aGuiLayerBuiltInCodeWithAPublicRouteRefusesToInstall() {
        GuiLayer layer = GuiLayer.builder().namespace("gui").route(io.codezero.platform.mesh.Visibility.PUBLIC).build();
        PlatformConfig config = new PlatformConfig(PlatformSettings.defaults(), List.of(layer), List.of());
        OfflineRun run = FakeCluster.planExpectingFailure(config);
        assertThat(run.failure()).contains("never exposed without authentication");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:helm"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("istio", Map.of("mode", "sidecars", "gateway", Map.of("replicas", 0)));
        platform.put("metrics", Map.of("retention", "forever", "colour", "blue"));
        platform.put("apps", List.of(Map.of("name", "web", "kind", "adminer", "links", List.of(Map.of("app", "nope"))),
                Map.of("name", "x", "kind", "mongodb")));
        platform.put("chartSources", Map.of("istio-bse", "/charts/base"));
        List<Problem> problems = problems(platform);
        assertThat(problems).extracting(Problem::field).contains("platform.istio.mode", "platform.istio.gateway.replicas",
                "platform.metrics.retention", "platform.metrics.colour", "platform.apps[web].links[0]", "platform.apps[x].kind",
                "platform.chartSources.istio-bse");
    }

    @Test
    void switchingALayerOffRemovesItsResources() {
        OfflineRun on = FakeCluster.plan(ExampleConfig.full());
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("metrics", Map.of("enabled", false));
        OfflineRun off = FakeCluster.plan(platform);
        assertThat(on.succeeded()).as(on.failure()).isTrue();
        assertThat(off.succeeded()).as(off.failure()).isTrue();
        assertThat(inside(on, "codezero:platform:Metrics")).isNotEmpty();
        assertThat(inside(off, "codezero:platform:Metrics")).isEmpty();
        assertThat(off.where(r -> r.type().endsWith(":ServiceMonitor") || r.type().endsWith(":PrometheusRule"))).isEmpty();
        // Without metrics Grafana keeps only the logs layer's data source (the key "datasources.yaml" has a dot, so read the map).
        Map<String, Object> provisioning = (Map<String, Object>) ((Map<String, Object>) off.get("kubernetes:helm.sh/v3:Release",
                "dev-dashboards-grafana").input("values.datasources")).get("datasources.yaml");
        assertThat((List<Map<String, Object>>) provisioning.get("datasources")).extracting(d -> d.get("type")).containsExactly("loki");
        assertThat(String.valueOf(off.get("kubernetes:helm.sh/v3:Release", "dev-dashboards-grafana").input("values"))).doesNotContain("prometheus");
        assertThat(off.resources().size()).isLessThan(on.resources().size());
    }

    @Test
    void removingAnAppRemovesEverythingItCreated() {
        Map<String, Object> platform = ExampleConfig.with("apps", List.of(Map.of("name", "db", "kind", "postgresql")));
        OfflineRun without = FakeCluster.plan(platform);
        OfflineRun with = FakeCluster.plan(ExampleConfig.full());
        assertThat(inside(with, "codezero:platform:App$")).isNotEmpty();
        assertThat(with.where(r -> r.urn().contains("::dev-git"))).isNotEmpty();
        assertThat(without.where(r -> r.name().startsWith("dev-git"))).isEmpty();
        assertThat(without.where(r -> "git".equals(r.input("metadata.namespace")))).isEmpty();
    }

    @Test
    void ambientModeAddsNodeAgentsWithoutLengtheningTheHelmChain() {
        Map<String, Object> platform = ExampleConfig.with("istio", Map.of("mode", "ambient"));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.find("kubernetes:helm.sh/v3:Release", "dev-istio-cni")).isPresent();
        assertThat(run.find("kubernetes:helm.sh/v3:Release", "dev-istio-ztunnel")).isPresent();
        assertThat((Map<String, Object>) run.get("kubernetes:core/v1:Namespace", "dev-db-namespace").input("metadata.labels"))
                .doesNotContainKey("istio-injection");
        assertThat((Map<String, Object>) run.get("kubernetes:core/v1:Namespace", "dev-db-namespace").input("metadata.labels"))
                .containsEntry("istio.io/dataplane-mode", "ambient");
        PlannedResource db = run.get("kubernetes:apps/v1:Deployment", "dev-db-deployment");
        assertThat(run.dependsOn(db, run.get("kubernetes:helm.sh/v3:Release", "dev-istio-ztunnel"))).isTrue();
        List<PlannedResource> chain = DependencyGraph.of(run).longestChain(r -> r.type().equals("kubernetes:helm.sh/v3:Release"));
        assertThat(chain).extracting(PlannedResource::name).containsExactly("dev-istio-base", "dev-istiod", "dev-istio-gateway");
        // Prometheus joins the ambient mesh and is let into the app's metrics port through the default deny.
        assertThat((Map<String, Object>) run.get("kubernetes:core/v1:Namespace", "dev-metrics-namespace").input("metadata.labels"))
                .containsEntry("istio.io/dataplane-mode", "ambient");
        PlannedResource allowMetrics = run.where(r -> r.name().equals("dev-git-allow-metrics")).get(0);
        assertThat(allowMetrics.input("spec.rules.0.from.0.source.principals"))
                .isEqualTo(List.of("cluster.local/ns/codezero-metrics/sa/codezero-prometheus"));
        assertThat(allowMetrics.input("spec.rules.0.to.0.operation.ports")).isEqualTo(List.of("3000"));
    }

    @Test
    void theSameProgramTwiceRegistersTheSameInputs() {
        OfflineRun first = FakeCluster.plan(ExampleConfig.full());
        OfflineRun second = FakeCluster.plan(ExampleConfig.full());
        Map<String, Object> firstInputs = new java.util.TreeMap<>();
        first.resources().forEach(r -> firstInputs.put(r.urn(), r.inputs()));
        Map<String, Object> secondInputs = new java.util.TreeMap<>();
        second.resources().forEach(r -> secondInputs.put(r.urn(), r.inputs()));
        assertThat(secondInputs).isEqualTo(firstInputs);
    }

    @Test
    void theDefaultMeshModeIsTheClustersPreference() {
        var none = io.codezero.core.target.ClusterFacts.none();
        assertThat(IstioMode.defaultFor(none)).isEqualTo(IstioMode.SIDECAR);
        assertThat(IstioMode.defaultFor(none.with(io.codezero.core.target.MeshDataplanePreference.class,
                new io.codezero.core.target.MeshDataplanePreference(true, "test")))).isEqualTo(IstioMode.AMBIENT);
        ConfigObject object = ConfigObject.root("platform", new HashMap<>(Map.of("istio", new HashMap<>())));
        PlatformConfig config = PlatformConfig.read(object);
        // unset in config: decided at install from the cluster's facts
        assertThat(((io.codezero.platform.layers.IstioLayer) config.layer("istio").orElseThrow()).options().mode()).isNull();
    }

    @Test
    void localChartSourcesReplaceTheRepository(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        OfflineRun run = FakeCluster.plan(ExampleConfig.with("chartSources", Map.of("istio-base", dir.toString())));
        PlannedResource base = run.get("kubernetes:helm.sh/v3:Release", "dev-istio-base");
        assertThat(base.input("chart")).isEqualTo(dir.toString());
        assertThat(base.input("repositoryOpts")).isNull();
        assertThat(run.get("kubernetes:helm.sh/v3:Release", "dev-istiod").input("repositoryOpts.repo")).asString().startsWith("https://");
    }

    /** Before: a missing local chart planned cleanly and failed at deploy time, after everything before it was created. */
    @Test
    void aChartSourcesLocalPathThatDoesNotExistIsAProblemBeforeAnythingIsRegistered() {
        PlatformConfig config = PlatformConfig.read(io.codezero.core.config.ConfigObject.root("platform",
                ExampleConfig.with("chartSources", Map.of("istio-base", "/nowhere/charts/istio-base")), true));
        assertThat(config.validate()).extracting(Problem::toString).anyMatch(p ->
                p.startsWith("platform.chartSources.istio-base = \"/nowhere/charts/istio-base\": does not exist"));
        OfflineRun run = FakeCluster.planExpectingFailure(config);
        assertThat(run.failure()).contains("platform.chartSources.istio-base");
        assertThat(run.where(r -> r.type().startsWith("kubernetes:"))).isEmpty();
    }

    /**
     * The offline plan notes a missing local chart instead: it plans stacks (examples/minikube's e2e stacks) whose
     * charts are linked into the project only where they deploy.
     */
    @Test
    void theOfflinePlanNotesAMissingLocalChartInsteadOfRefusingIt() {
        System.setProperty(io.codezero.core.plan.OfflinePlan.PROPERTY, "true");
        try {
            io.codezero.core.plan.OfflinePlan.clearNotes();
            PlatformConfig config = PlatformConfig.read(io.codezero.core.config.ConfigObject.root("platform",
                    ExampleConfig.with("chartSources", Map.of("istio-base", "/nowhere/charts/istio-base")), true));
            assertThat(config.validate()).isEmpty();
            assertThat(io.codezero.core.plan.OfflinePlan.notes()).anyMatch(n -> n.startsWith(
                    "platform.chartSources.istio-base = \"/nowhere/charts/istio-base\": does not exist") && n.contains("pulumi preview and up refuse it"));
        } finally {
            System.clearProperty(io.codezero.core.plan.OfflinePlan.PROPERTY);
            io.codezero.core.plan.OfflinePlan.clearNotes();
        }
    }

    /** Before: a disabled layer's keys were never read, so a typo there surfaced only on the day it was switched on. */
    @Test
    void aTypoInsideADisabledLayerIsReported() {
        io.codezero.core.config.ConfigObject platform = io.codezero.core.config.ConfigObject.root("platform",
                ExampleConfig.with("logs", new java.util.HashMap<>(Map.of("enabled", false, "retension", "72h"))), true);
        PlatformConfig config = PlatformConfig.read(platform);
        assertThat(config.layer("logs")).isEmpty();
        assertThat(platform.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith("platform.logs.retension = \"72h\": is not a known setting; did you mean retention?"));
    }

    @Test
    void aDisabledLayerWithAValidSettingIsNotAProblem() {
        io.codezero.core.config.ConfigObject platform = io.codezero.core.config.ConfigObject.root("platform",
                ExampleConfig.with("logs", new java.util.HashMap<>(Map.of("enabled", false, "retention", "not-a-duration"))), true);
        PlatformConfig.read(platform);
        assertThat(platform.problems()).isEmpty();
    }

    @Test
    void generatedPasswordsAreSecretOutputsAndStableInputs() {
        OfflineRun first = OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            RandomPassword password = new RandomPassword("pw", RandomPasswordArgs.of(32), null);
            ctx.export("password", password.result());
        });
        OfflineRun second = OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            RandomPassword password = new RandomPassword("pw", RandomPasswordArgs.of(32), null);
            ctx.export("password", password.result());
        });
        assertThat(first.outputs().get("password").secret()).isTrue();
        assertThat(first.outputs().get("password").display()).isEqualTo("[secret]");
        // Inputs carry no random value, so a second run asks for no change; the provider keeps the password in state.
        assertThat(first.get(RandomPassword.TYPE, "pw").inputs()).isEqualTo(second.get(RandomPassword.TYPE, "pw").inputs());
    }

    @Test
    void offeredConnectionDetailsAreSecretWhereTheyHoldAPassword() {
        PlatformConfig config = FakeCluster.read(ExampleConfig.full());
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            var stack = new com.pulumi.resources.ComponentResource("codezero:index:Stack", "dev",
                    com.pulumi.resources.ComponentResourceOptions.builder().build());
            var installed = PlatformInstaller.install("dev", FakeCluster.create(stack, FakeCluster.cloudLoadBalancers()), stack, config);
            var postgres = installed.get("db").fact(io.codezero.platform.apps.AppOffers.class).orElseThrow().offers().get("postgres");
            ctx.export("url", postgres.details().get("url"));
            ctx.export("host", postgres.details().get("host"));
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.outputs().get("url").secret()).isTrue();
        assertThat(run.outputs().get("host").secret()).isFalse();
        assertThat(run.outputs().get("host").value()).isEqualTo("db.db.svc.cluster.local");
    }

    @Test
    void routesNeedTheMesh() {
        Map<String, Object> platform = ExampleConfig.with("istio", Map.of("enabled", false));
        List<Problem> problems = problems(platform);
        assertThat(problems).extracting(Problem::field).contains("platform.gui.kiali", "platform.apps[git].route");
    }

    static List<PlannedResource> inside(OfflineRun run, String componentTypePattern) {
        List<String> roots = run.where(r -> r.type().matches(componentTypePattern + ".*")).stream().map(PlannedResource::urn).toList();
        return run.where(r -> roots.stream().anyMatch(root -> isUnder(run, r, root)));
    }

    private static boolean isUnder(OfflineRun run, PlannedResource r, String root) {
        String parent = r.parentUrn();
        while (parent != null) {
            if (parent.equals(root)) {
                return true;
            }
            parent = run.byUrn(parent).map(PlannedResource::parentUrn).orElse(null);
        }
        return false;
    }

    @Test
    void withoutTheMeshCatalogueAppsGetNoDefaultRouteButAnExplicitOneIsAProblem() {
        Map<String, Object> apps = new HashMap<>(Map.of("apps", List.of(
                Map.of("name", "db", "kind", "postgresql"),
                Map.of("name", "git", "kind", "gitea", "links", List.of(Map.of("app", "db"))))));
        OfflineRun run = FakeCluster.plan(apps);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.where(r -> r.type().endsWith(":VirtualService"))).isEmpty();
        assertThat(run.ofType("kubernetes:apps/v1:Deployment")).hasSize(2);

        Map<String, Object> routed = new HashMap<>(Map.of("apps", List.of(Map.of("name", "db", "kind", "postgresql"),
                Map.of("name", "git", "kind", "gitea", "links", List.of(Map.of("app", "db")), "route", Map.of("visibility", "public")))));
        assertThat(problems(routed)).extracting(Problem::field).containsExactly("platform.apps[git].route");
    }

    @Test
    void consolesWithARouteButNoMeshAreAProblemAndRouteNoneIsNot() {
        Map<String, Object> routed = new HashMap<>(Map.of("domain", "example.com", "metrics", Map.of(), "logs", Map.of(),
                "dashboards", Map.of(), "gui", Map.of("route", "private")));
        assertThat(problems(routed)).extracting(Problem::field)
                .containsExactlyInAnyOrder("platform.dashboards.route", "platform.gui.route");
        assertThat(problems(routed)).extracting(Problem::message).allMatch(fix -> fix.contains("add the istio layer")
                && fix.contains("route: none"));

        Map<String, Object> unrouted = new HashMap<>(Map.of("domain", "example.com", "metrics", Map.of(), "logs", Map.of(),
                "dashboards", Map.of("route", "none"), "gui", Map.of("route", "none")));
        assertThat(problems(unrouted)).isEmpty();

        Map<String, Object> meshed = new HashMap<>(routed);
        meshed.put("istio", Map.of());
        assertThat(problems(meshed)).isEmpty();
    }
}
