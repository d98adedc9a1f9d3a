package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.Versions;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.LoadBalancerCapabilities;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.OfflineEngine;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import org.junit.jupiter.api.Test;

/**
 * Where charts come from, how CRDs follow chart upgrades, and how the gateway Service is exposed: the full example
 * planned once under the mock engine, plus small plans for the gateway on different targets.
 */
class ChartSourcesCrdsAndGatewayTest {
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String GRAFANA_COMMUNITY = "https://grafana-community.github.io/helm-charts";
    static OfflineRun run;

    @BeforeAll
    static void plan() {
        run = FakeCluster.plan(ExampleConfig.full());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
    }

    static PlannedResource release(OfflineRun in, String name) {
        return in.get(RELEASE, "dev-" + name);
    }

    static PlannedResource object(String kind, String name) {
        return run.where(r -> r.type().endsWith(":" + kind) && r.name().equals("dev-" + name)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void grafanaAndLokiComeFromTheCommunityRepositoryAndAlloyFromGrafanas() {
        PlannedResource grafana = release(run, "dashboards-grafana");
        assertThat(grafana.input("repositoryOpts.repo")).isEqualTo(GRAFANA_COMMUNITY);
        assertThat(grafana.input("chart")).isEqualTo("grafana");
        // The old repository froze the chart at 10.5.15; 12.x exists only in the community repository.
        assertThat(grafana.input("version")).isEqualTo("12.7.2");
        assertThat(release(run, "logs-loki").input("repositoryOpts.repo")).isEqualTo(GRAFANA_COMMUNITY);
        assertThat(release(run, "logs-loki").input("version")).isEqualTo("11.7.0");
        assertThat(release(run, "logs-alloy").input("repositoryOpts.repo")).isEqualTo("https://grafana.github.io/helm-charts");
    }

    @Test
    void grafanaValuesUseKeysTheCommunityChartStillHas() {
        PlannedResource grafana = release(run, "dashboards-grafana");
        assertThat(grafana.input("values.admin.existingSecret")).isEqualTo("grafana-admin");
        assertThat(grafana.input("values.admin.userKey")).isEqualTo("admin-user");
        assertThat(grafana.input("values.admin.passwordKey")).isEqualTo("admin-password");
        assertThat(grafana.input("values.persistence.enabled")).isEqualTo(true);
        assertThat(grafana.input("values.persistence.size")).isEqualTo("2Gi");
        assertThat(grafana.input("values.persistence.storageClassName")).isEqualTo(FakeCluster.STORAGE.standardClass());
        assertThat(grafana.input("values.resources.requests.memory")).isEqualTo("128Mi");
        assertThat(grafana.input("values.sidecar.dashboards.enabled")).isEqualTo(true);
        assertThat(grafana.input("values.sidecar.dashboards.label")).isEqualTo("grafana_dashboard");
        assertThat(grafana.input("values.sidecar.dashboards.searchNamespace")).isEqualTo("ALL");
        // The key is "datasources.yaml", which the dotted input path cannot name.
        Map<?, ?> provisioning = (Map<?, ?>) ((Map<?, ?>) grafana.input("values.datasources")).get("datasources.yaml");
        assertThat(((Number) provisioning.get("apiVersion")).intValue()).isEqualTo(1);
        List<Object> types = ((List<?>) provisioning.get("datasources")).stream().map(d -> (Object) ((Map<?, ?>) d).get("type")).toList();
        assertThat(types).containsExactly("prometheus", "loki");
    }

    @Test
    void prometheusOperatorCrdsAreTheirOwnReleaseAndUpgradeWithIt() {
        PlannedResource crds = release(run, "metrics-prometheus-operator-crds");
        PlannedResource stack = release(run, "metrics-kube-prometheus-stack");
        assertThat(crds.input("chart")).isEqualTo("prometheus-operator-crds");
        assertThat(crds.input("repositoryOpts.repo")).isEqualTo(Versions.Platform.PROMETHEUS_COMMUNITY_REPO);
        assertThat(crds.input("version")).isEqualTo("31.0.1");
        assertThat(crds.input("atomic")).isEqualTo(true);
        // The stack's crds/ copy is never upgraded by helm upgrade, so it is off; the templated chart installs them first.
        assertThat(stack.input("values.crds.enabled")).isEqualTo(false);
        assertThat(run.dependsOn(stack, crds)).isTrue();
        assertThat(run.dependsOn(crds, stack)).isFalse();
        assertThat(stack.input("values.prometheusOperator.admissionWebhooks.failurePolicy")).isEqualTo("Ignore");
    }

    @Test
    void monitorsAndRulesWaitForTheCrdsNotForPrometheus() {
        PlannedResource crds = release(run, "metrics-prometheus-operator-crds");
        PlannedResource stack = release(run, "metrics-kube-prometheus-stack");
        for (PlannedResource instance : List.of(object("PrometheusRule", "metrics-health-rules"),
                object("ServiceMonitor", "metrics-istiod-monitor"), object("PodMonitor", "metrics-envoy-monitor"),
                object("ServiceMonitor", "git-service-monitor"))) {
            assertThat(run.dependsOn(instance, crds)).as(instance.name()).isTrue();
            assertThat(run.dependsOn(instance, stack)).as(instance.name() + " needs no running operator").isFalse();
        }
    }

    @Test
    void theCrdChartCanComeFromALocalChart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String chart = dir.toString();
        OfflineRun local = FakeCluster.plan(ExampleConfig.with("chartSources", Map.of("prometheus-operator-crds", chart)));
        assertThat(local.succeeded()).as(local.failure()).isTrue();
        PlannedResource crds = release(local, "metrics-prometheus-operator-crds");
        assertThat(crds.input("chart")).isEqualTo(chart);
        assertThat(crds.input("repositoryOpts")).isNull();
    }

    @Test
    void certManagerTemplatesItsCrdsAndKeepsThem() {
        PlannedResource certManager = release(run, "cert-manager");
        assertThat(certManager.input("values.crds.enabled")).isEqualTo(true);
        assertThat(certManager.input("values.crds.keep")).isEqualTo(true);
        // installCRDs is the deprecated spelling of crds.enabled; setting both is an error in current charts.
        assertThat(certManager.input("values.installCRDs")).isNull();
    }

    @Test
    void pinnedVersionsAreTheConfirmedOnes() {
        assertThat(Versions.Platform.GRAFANA).isEqualTo("12.7.2");
        assertThat(Versions.Platform.GRAFANA_COMMUNITY_REPO).isEqualTo(GRAFANA_COMMUNITY);
        assertThat(Versions.Platform.PROMETHEUS_OPERATOR_CRDS).isEqualTo("31.0.1");
        assertThat(Versions.Platform.RANDOM_PLUGIN).isEqualTo("4.21.4");
        assertThat(run.ofType("random:index/randomPassword:RandomPassword")).extracting(PlannedResource::version).containsOnly("4.21.4");
    }

    // --- the gateway Service's type ---

    static Map<String, Object> withGateway(Map<String, Object> gateway) {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("istio", new HashMap<>(Map.of("mode", "sidecar", "gateway", gateway)));
        return platform;
    }

    /** The gateway's Service, which the layer owns (the chart is told to make none). */
    static PlannedResource gateway(Map<String, Object> platform, LoadBalancerCapabilities loadBalancers) {
        OfflineRun planned = FakeCluster.plan(FakeCluster.read(platform), loadBalancers);
        assertThat(planned.succeeded()).as(planned.failure()).isTrue();
        assertThat(release(planned, "istio-gateway").input("values.service.type")).isEqualTo("None");
        return planned.get("kubernetes:core/v1:Service", "dev-istio-gateway-service");
    }

    @Test
    void withoutACloudLoadBalancerTheGatewayIsANodePort() {
        PlannedResource gateway = gateway(withGateway(Map.of("replicas", 1)), LoadBalancerCapabilities.nodeLocal());
        assertThat(gateway.input("spec.type")).isEqualTo("NodePort");
    }

    @Test
    void onACloudTheGatewayIsALoadBalancerWithTheTargetsAnnotationsAndABoundedWait() {
        OfflineRun planned = FakeCluster.plan(FakeCluster.read(withGateway(Map.of("replicas", 1))), FakeCluster.cloudLoadBalancers());
        PlannedResource service = planned.get("kubernetes:core/v1:Service", "dev-istio-gateway-service");
        PlannedResource release = release(planned, "istio-gateway");
        assertThat(service.input("spec.type")).isEqualTo("LoadBalancer");
        assertThat(service.input("metadata.annotations")).isEqualTo(Map.of("lb.example/scheme", "internet-facing"));
        assertThat(service.input("spec.selector")).isEqualTo(Map.of("app", "istio-ingressgateway", "istio", "ingressgateway"));
        assertThat(planned.dependsOn(service, release)).as("the Service follows the gateway pods' release").isTrue();
        assertThat(release.input("atomic")).isEqualTo(true);
        assertThat(((Number) release.input("timeout")).intValue()).isBetween(60, 900);
    }

    @Test
    void aConfiguredServiceTypeWins() {
        assertThat(gateway(withGateway(Map.of("serviceType", "LoadBalancer")), LoadBalancerCapabilities.nodeLocal())
                .input("spec.type")).isEqualTo("LoadBalancer");
        assertThat(gateway(withGateway(Map.of("serviceType", "NodePort")), FakeCluster.cloudLoadBalancers())
                .input("spec.type")).isEqualTo("NodePort");
    }

    @Test
    void theGatewayAddressIsTheLoadBalancersAddress() {
        PlatformConfig config = FakeCluster.read(withGateway(Map.of("replicas", 1)));
        PlanMocks mocks = PlanMocksContributor.discover().outputs("kubernetes:core/v1:Service", args -> Map.of(
                "status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("hostname", "gw-123.elb.example.com"))))));
        OfflineRun planned = OfflineEngine.create().mocks(mocks).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Stack", "dev", ComponentResourceOptions.builder().build());
            var installed = PlatformInstaller.install("dev", FakeCluster.create(stack, FakeCluster.cloudLoadBalancers()), stack, config);
            ctx.export("gatewayAddress", installed.get("istio").gatewayAddress().orElseThrow());
        });
        assertThat(planned.succeeded()).as(planned.failure()).isTrue();
        assertThat(planned.outputs().get("gatewayAddress").value()).isEqualTo("gw-123.elb.example.com");
    }
}
