package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, defects 1 and 2: every app's and the gateway's metrics reach Prometheus through the app namespaces'
 * default deny, each exactly once, in both mesh modes. One plan of every catalogue app and a plain image app per mode
 * ({@link WorkloadHardeningTest#platform(String)}). e2e/flowcheck proves the same flows on the rendered objects.
 */
@SuppressWarnings("unchecked")
class MetricsScrapeTest {
    static final String NETWORK_POLICY = WorkloadHardeningTest.NETWORK_POLICY;
    static OfflineRun sidecar;
    static OfflineRun ambient;

    @BeforeAll
    static void plan() {
        sidecar = FakeCluster.plan(WorkloadHardeningTest.platform("sidecar"));
        assertThat(sidecar.succeeded()).as(sidecar.failure()).isTrue();
        ambient = FakeCluster.plan(WorkloadHardeningTest.platform("ambient"));
        assertThat(ambient.succeeded()).as(ambient.failure()).isTrue();
    }

    static PlannedResource object(OfflineRun run, String kind, String name) {
        return run.where(r -> r.type().endsWith(":" + kind) && r.name().equals("dev-" + name)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static List<Object> ports(PlannedResource policy) {
        return ((List<Map<String, Object>>) policy.input("spec.ingress.0.ports")).stream().map(p -> p.get("port")).toList();
    }

    @Test
    void inSidecarModePrometheusReachesTheEnvoyOfEveryAppWithoutMetricsOn15090() {
        for (String app : List.of("db", "cache", "admin", "web")) {
            PlannedResource allow = sidecar.get(NETWORK_POLICY, "dev-" + app + "-network-allow-envoy-metrics");
            assertThat(allow.input("metadata.namespace")).isEqualTo(app);
            assertThat((Map<String, Object>) allow.input("spec.ingress.0.from.0.namespaceSelector.matchLabels"))
                    .containsEntry("codezero.io/component", "metrics");
            assertThat(ports(allow)).as(app).containsExactly(15090.0);
        }
    }

    @Test
    void inSidecarModeAnAppWithMetricsIsScrapedOnceThroughTheMergedEndpoint() {
        for (String app : List.of("git", "s3")) {
            assertThat(sidecar.find(NETWORK_POLICY, "dev-" + app + "-network-allow-envoy-metrics")).as(app).isEmpty();
            assertThat(ports(sidecar.get(NETWORK_POLICY, "dev-" + app + "-network-allow-metrics"))).containsExactly(15020.0);
            Map<String, Object> labels = (Map<String, Object>) sidecar.get(WorkloadHardeningTest.DEPLOYMENT, "dev-" + app + "-deployment")
                    .input("spec.template.metadata.labels");
            assertThat(labels).as(app).containsEntry("codezero.io/metrics", "merged");
        }
        List<Map<String, Object>> selector = (List<Map<String, Object>>) object(sidecar, "PodMonitor", "metrics-envoy-monitor")
                .input("spec.selector.matchExpressions");
        assertThat(selector).as("envoy-stats leaves the merged pods out").containsExactlyInAnyOrder(
                Map.of("key", "security.istio.io/tlsMode", "operator", "Exists"),
                Map.of("key", "codezero.io/metrics", "operator", "DoesNotExist"));
        Map<String, Object> web = (Map<String, Object>) sidecar.get(WorkloadHardeningTest.DEPLOYMENT, "dev-web-deployment")
                .input("spec.template.metadata.labels");
        assertThat(web).as("no metrics: its Envoy is scraped by envoy-stats").doesNotContainKey("codezero.io/metrics");
    }

    @Test
    void theIngressGatewaysEnvoyIsScrapedInBothModes() {
        for (OfflineRun run : List.of(sidecar, ambient)) {
            PlannedResource monitor = object(run, "PodMonitor", "metrics-gateway-monitor");
            assertThat(monitor.input("metadata.namespace")).isEqualTo("codezero-metrics");
            assertThat((List<Object>) monitor.input("spec.namespaceSelector.matchNames")).containsExactly("istio-ingress");
            assertThat((Map<String, Object>) monitor.input("spec.selector.matchLabels")).containsEntry("istio", "ingressgateway");
            assertThat(monitor.input("spec.podMetricsEndpoints.0.port")).isEqualTo("http-envoy-prom");
        }
    }

    @Test
    void inAmbientModeEveryServiceMonitorNamesAPortOfItsService() {
        for (String app : List.of("git", "s3")) {
            String port = (String) object(ambient, "ServiceMonitor", app + "-service-monitor").input("spec.endpoints.0.port");
            List<Map<String, Object>> servicePorts = (List<Map<String, Object>>) ambient.get("kubernetes:core/v1:Service", "dev-" + app + "-service")
                    .input("spec.ports");
            assertThat(servicePorts.stream().map(p -> p.get("name")).toList()).as(app).contains(port);
        }
        assertThat(ambient.find(NETWORK_POLICY, "dev-db-network-allow-envoy-metrics")).as("no sidecar in ambient mode").isEmpty();
    }

    @Test
    void inAmbientModeTheOperatorsWebhookStaysOutOfTheMeshSoTheApiServerReachesIt() {
        PlannedResource stack = ambient.get("kubernetes:helm.sh/v3:Release", "dev-metrics-kube-prometheus-stack");
        assertThat((Map<String, Object>) stack.input("values.prometheusOperator.podLabels"))
                .containsEntry("istio.io/dataplane-mode", "none");
        PlannedResource sidecarStack = sidecar.get("kubernetes:helm.sh/v3:Release", "dev-metrics-kube-prometheus-stack");
        assertThat(sidecarStack.input("values.prometheusOperator.podLabels")).as("outside the mesh anyway").isNull();
    }
}
