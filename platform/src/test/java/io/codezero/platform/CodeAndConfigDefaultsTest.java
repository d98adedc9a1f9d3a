package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.target.MeshDataplanePreference;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.platform.apps.catalogue.Gitea;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.GuiLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.LogsLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.mesh.GatewayServiceType;
import io.codezero.platform.mesh.IstioMode;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * One set of defaults for code and config: every example's platform block, read from its Pulumi.dev.yaml, plans
 * exactly as the same choices written with the builders, on a cluster that prefers ambient (bare metal) and on one
 * that states no preference (the clouds).
 */
class CodeAndConfigDefaultsTest {
    static final UnaryOperator<ProvisionedCluster> BARE_METAL = c -> c.withFact(MeshDataplanePreference.class,
            new MeshDataplanePreference(true, "CodeZero installs the CNI"));

    /** Before: the builder's default was sidecar while config's was the target's preference (ambient on bare metal). */
    @Test
    void istioBuiltWithNoOptionsTakesTheTargetsPreferenceAsConfigDoes() {
        PlatformConfig code = new PlatformConfig(PlatformSettings.defaults(), List.of(IstioLayer.builder().build()), List.of());
        PlatformConfig config = FakeCluster.read(Map.of("istio", Map.of()));
        OfflineRun codeRun = FakeCluster.plan(code, FakeCluster.cloudLoadBalancers(), BARE_METAL);
        assertThat(codeRun.where(r -> r.name().equals("dev-istio-ztunnel"))).as("ambient: ztunnel").hasSize(1);
        assertThat(plan(codeRun)).isEqualTo(plan(FakeCluster.plan(config, FakeCluster.cloudLoadBalancers(), BARE_METAL)));
        assertThat(plan(FakeCluster.plan(code))).isEqualTo(plan(FakeCluster.plan(config)));
    }

    @Test
    void everyExamplePlansTheSameFromConfigAndFromCode() throws IOException {
        List<Path> stacks;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            stacks = files.map(dir -> dir.resolve("Pulumi.dev.yaml")).filter(Files::exists).sorted().toList();
        }
        assertThat(stacks).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : stacks) {
            Map<String, Object> platform = platformBlock(file);
            PlatformConfig config = FakeCluster.read(platform);
            PlatformConfig code = inCode(platform);
            for (UnaryOperator<ProvisionedCluster> target : List.of(UnaryOperator.<ProvisionedCluster>identity(), BARE_METAL)) {
                OfflineRun fromConfig = FakeCluster.plan(config, FakeCluster.cloudLoadBalancers(), target);
                OfflineRun fromCode = FakeCluster.plan(code, FakeCluster.cloudLoadBalancers(), target);
                assertThat(fromConfig.succeeded()).as(file + ": " + fromConfig.failure()).isTrue();
                assertThat(plan(fromCode)).as(file + " in code").isEqualTo(plan(fromConfig));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> platformBlock(Path file) throws IOException {
        Map<String, Object> stack = new Yaml().load(Files.readString(file));
        return (Map<String, Object>) ((Map<String, Object>) stack.get("config")).get("codezero:platform");
    }

    /**
     * The examples' choices written with the builders, the way a user writes them: only what the example sets, so
     * every other value is the builder's default. Each example sets the same keys (its layers' sizes and retention).
     */
    @SuppressWarnings("unchecked")
    static PlatformConfig inCode(Map<String, Object> p) {
        String domain = (String) p.get("domain");
        Map<String, Object> istio = (Map<String, Object>) p.get("istio");
        Map<String, Object> gateway = (Map<String, Object>) istio.getOrDefault("gateway", Map.of());
        IstioLayer.Builder mesh = IstioLayer.builder();
        if (istio.containsKey("mode")) {
            mesh.mode(IstioMode.parse((String) istio.get("mode")).orElseThrow());
        }
        if (gateway.containsKey("replicas")) {
            mesh.gatewayReplicas((Integer) gateway.get("replicas"));
        }
        if (gateway.containsKey("serviceType")) {
            mesh.gatewayServiceType(GatewayServiceType.parse((String) gateway.get("serviceType")).orElseThrow());
        }
        Map<String, Object> metrics = (Map<String, Object>) p.get("metrics");
        MetricsLayer.Builder metricsLayer = MetricsLayer.builder().retention((String) metrics.get("retention"))
                .storage((String) metrics.get("storage"));
        if (metrics.containsKey("alertStorage")) {
            metricsLayer.alertStorage((String) metrics.get("alertStorage"));
        }
        Map<String, Object> logs = (Map<String, Object>) p.get("logs");
        Map<String, Object> dashboards = (Map<String, Object>) p.get("dashboards");
        Map<String, Object> gui = (Map<String, Object>) p.get("gui");
        assertThat(dashboards.get("route")).isEqualTo("private");
        assertThat(gui.get("route")).isEqualTo("private");
        assertThat(((Map<String, Object>) p.get("certificates")).get("issuer")).isEqualTo("selfSigned");
        List<PlatformLayer> layers = List.of(
                CertificatesLayer.builder().selfSigned().build(),
                mesh.build(),
                metricsLayer.build(),
                LogsLayer.builder().retention((String) logs.get("retention")).storage((String) logs.get("storage")).build(),
                DashboardsLayer.builder().storage((String) dashboards.get("storage")).route(Visibility.PRIVATE).build(),
                GuiLayer.builder().route(Visibility.PRIVATE).kiali((Boolean) gui.get("kiali")).build());
        List<PlatformApp> apps = new ArrayList<>();
        for (Map<String, Object> app : (List<Map<String, Object>>) p.get("apps")) {
            String name = (String) app.get("name");
            switch ((String) app.get("kind")) {
                case "postgresql" -> apps.add(new PostgreSql(name, (String) app.get("storage")));
                case "gitea" -> apps.add(new Gitea(name, (String) app.get("storage"), domain,
                        Route.host((String) ((Map<String, Object>) app.get("route")).get("host"), Visibility.PUBLIC),
                        (String) ((List<Map<String, Object>>) app.get("links")).get(0).get("app")));
                default -> throw new AssertionError("an example app of kind " + app.get("kind") + " has no code twin here yet");
            }
        }
        return new PlatformConfig(PlatformSettings.defaults().withDomain(domain), layers, apps);
    }

    /** Every resource by URN with its inputs and dependencies: what `pulumi up` would be asked to do. */
    static Map<String, Object> plan(OfflineRun run) {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<String, Object> plan = new TreeMap<>();
        run.resources().forEach(r -> plan.put(r.urn(), List.of(r.inputs(), new java.util.TreeSet<>(r.dependencies()))));
        return plan;
    }
}
