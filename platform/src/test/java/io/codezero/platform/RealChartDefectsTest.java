package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.Versions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.BundledIngress;
import io.codezero.core.target.CniPaths;
import io.codezero.core.target.ControlPlaneComponent;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.ScrapableControlPlane;
import io.codezero.platform.charts.UpstreamCharts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The defects that rendering the plan's values with the real upstream charts showed (issue 16), each
 * checked twice: under the mock engine on what the layers register, and against the chart itself (read
 * from ../shared/charts) to prove the key we set is one the chart reads and does what we rely on.
 */
@SuppressWarnings("unchecked")
class RealChartDefectsTest {
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String K3S_CONF = "/var/lib/rancher/k3s/agent/etc/cni/net.d";
    static final String K3S_BIN = "/var/lib/rancher/k3s/data/cni";

    static OfflineRun plan(Map<String, Object> platform, LoadBalancerCapabilities loadBalancers, UnaryOperator<ProvisionedCluster> facts) {
        PlatformConfig config = FakeCluster.read(platform);
        return OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            ComponentResource stack = new ComponentResource("codezero:index:Stack", "dev", ComponentResourceOptions.builder().build());
            ProvisionedCluster cluster = facts.apply(FakeCluster.create(stack, loadBalancers));
            PlatformInstaller.install("dev", cluster, stack, config);
        });
    }

    static OfflineRun plan(Map<String, Object> platform, UnaryOperator<ProvisionedCluster> facts) {
        OfflineRun run = plan(platform, FakeCluster.cloudLoadBalancers(), facts);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    static Map<String, Object> ambient() {
        return ExampleConfig.with("istio", new HashMap<>(Map.of("mode", "ambient", "gateway", Map.of("replicas", 1, "serviceType", "NodePort"))));
    }

    static PlannedResource release(OfflineRun run, String name) {
        return run.get(RELEASE, "dev-" + name);
    }

    static Object value(OfflineRun run, String release, String path) {
        return release(run, release).input("values." + path);
    }

    // 1) Loki 8.2.0 was never published; Alloy's pin was its application version.

    @Test
    void lokiAndAlloyArePinnedToChartVersionsThatExist() {
        OfflineRun run = FakeCluster.plan(ExampleConfig.full());
        for (String chart : List.of("loki", "alloy")) {
            String version = (String) release(run, "logs-" + chart).input("version");
            String dir = chart + "-" + version;
            assertThat(UpstreamCharts.directories()).as("a published " + chart + " chart " + version + " in the upstream charts").contains(dir);
            assertThat(UpstreamCharts.chartYaml(dir).get("version")).isEqualTo(version);
        }
    }

    @Test
    void theLokiChartStillHasSingleBinaryModeAndEveryComponentTheLogsLayerSwitchesOff() {
        String dir = "loki-" + Versions.Platform.LOKI;
        Map<String, Object> values = UpstreamCharts.values(dir);
        assertThat(UpstreamCharts.file(dir, "values.schema.json")).contains("\"SingleBinary\"");
        for (String key : List.of("singleBinary", "backend", "read", "write", "gateway", "chunksCache", "resultsCache", "lokiCanary", "test", "minio")) {
            assertThat(values).as(dir + " values." + key).containsKey(key);
        }
    }

    // 2) istio-cni on k3s needs k3s' CNI directories.

    @Test
    void ambientIstioCniUsesTheCniDirectoriesTheTargetStates() {
        OfflineRun run = plan(ambient(), c -> c.withFact(CniPaths.class, new CniPaths(K3S_CONF, K3S_BIN, "k3s")));
        assertThat(value(run, "istio-cni", "cniConfDir")).isEqualTo(K3S_CONF);
        assertThat(value(run, "istio-cni", "cniBinDir")).isEqualTo(K3S_BIN);
        assertThat(value(run, "istio-cni", "global.platform")).isEqualTo("k3s");
        assertThat(value(run, "istio-ztunnel", "global.platform")).isEqualTo("k3s");
        assertThat(value(run, "istiod", "global.platform")).isEqualTo("k3s");
        assertThat(value(run, "istio-cni", "profile")).isEqualTo("ambient");
    }

    @Test
    void withoutTheFactIstioCniKeepsTheChartsDefaults() {
        OfflineRun run = plan(ambient(), c -> c);
        assertThat(value(run, "istio-cni", "cniConfDir")).isNull();
        assertThat(value(run, "istio-cni", "global")).isNull();
    }

    @Test
    void theCniChartReadsTheDirectoriesAtTheTopLevelAndItsK3sProfileAgrees() {
        Map<String, Object> values = UpstreamCharts.values("istio-cni-1.31");
        assertThat(values.get("cniConfDir")).as("chart default").isEqualTo("/etc/cni/net.d");
        assertThat(values.get("cniBinDir")).as("chart default").isEqualTo("/opt/cni/bin");
        String daemonSet = UpstreamCharts.file("istio-cni-1.31", "templates/daemonset.yaml");
        assertThat(daemonSet).contains(".Values.cniConfDir").contains(".Values.cniBinDir");
        assertThat(UpstreamCharts.file("istio-cni-1.31", "templates/zzz_profile.yaml")).contains("files/profile-platform-%s.yaml");
        Map<String, Object> k3s = UpstreamCharts.load(UpstreamCharts.chart("istio-cni-1.31").resolve("files/profile-platform-k3s.yaml"));
        assertThat(UpstreamCharts.at(k3s, List.of("cni", "cniConfDir"))).isEqualTo(K3S_CONF);
        assertThat(UpstreamCharts.at(k3s, List.of("cni", "cniBinDir"))).isEqualTo(K3S_BIN);
        for (String chart : List.of("istiod-1.31", "istio-ztunnel-1.31")) {
            assertThat(UpstreamCharts.chart(chart).resolve("files/profile-platform-k3s.yaml")).as(chart).exists();
        }
    }

    // 3) The ACME HTTP-01 solver's Ingress class must exist.

    static Map<String, Object> acme() {
        return ExampleConfig.with("certificates", new HashMap<>(Map.of("issuer", "acme", "acme", Map.of("email", "ops@example.com"))));
    }

    @Test
    void acmeWithIstioCreatesTheIngressClassTheSolverNames() {
        OfflineRun run = plan(acme(), c -> c);
        PlannedResource issuer = run.where(r -> r.type().endsWith(":ClusterIssuer") && r.name().equals("dev-cert-manager-acme-issuer")).get(0);
        String className = (String) issuer.input("spec.acme.solvers.0.http01.ingress.ingressClassName");
        List<PlannedResource> classes = run.ofType("kubernetes:networking.k8s.io/v1:IngressClass");
        assertThat(classes).hasSize(1);
        assertThat(classes.get(0).input("metadata.name")).isEqualTo(className).isEqualTo("istio");
        assertThat(classes.get(0).input("spec.controller")).isEqualTo("istio.io/ingress-controller");
        // Istio serves Ingresses of that class on the pods labelled with its ingressSelector (istio: ingressgateway).
        assertThat(release(run, "istio-gateway").input("values.labels.istio")).isEqualTo("ingressgateway");
    }

    @Test
    void aSelfSignedIssuerNeedsNoIngressClass() {
        assertThat(FakeCluster.plan(ExampleConfig.full()).ofType("kubernetes:networking.k8s.io/v1:IngressClass")).isEmpty();
    }

    @Test
    void istiodsChartMakesNoIngressClassAndKeepsTheDefaultIngressSelector() {
        assertThat(UpstreamCharts.templates("istiod-1.31")).doesNotContain("kind: IngressClass");
        assertThat(UpstreamCharts.templates("istio-base-1.31")).doesNotContain("kind: IngressClass");
        Map<String, Object> meshConfig = (Map<String, Object>) UpstreamCharts.values("istiod-1.31").get("meshConfig");
        assertThat(meshConfig == null ? Map.of() : meshConfig).doesNotContainKeys("ingressClass", "ingressSelector", "ingressControllerMode");
    }

    // 4) Kiali's own NetworkPolicy blocks HBONE in ambient mode.

    @Test
    void kialisNetworkPolicyIsOffInAmbientModeAndOnWithSidecars() {
        assertThat(value(plan(ambient(), c -> c), "gui-kiali", "deployment.network_policy.enabled")).isEqualTo(false);
        assertThat(value(FakeCluster.plan(ExampleConfig.full()), "gui-kiali", "deployment.network_policy.enabled")).isNotEqualTo(false);
    }

    @Test
    void kialisNetworkPolicyAdmitsOnlyItsOwnPortsAndIsOnByDefault() {
        String policy = UpstreamCharts.file("kiali-server-2.29.0", "templates/networkpolicy.yaml");
        assertThat(policy).contains(".Values.deployment.network_policy.enabled").contains(".Values.server.port")
                .doesNotContain("15008").doesNotContain("extra");
        assertThat(UpstreamCharts.at(UpstreamCharts.values("kiali-server-2.29.0"), List.of("deployment", "network_policy", "enabled"))).isEqualTo(true);
    }

    // 5) Monitors for control-plane components the cluster does not expose.

    static final Map<ControlPlaneComponent, String> CHART_KEYS = Map.of(
            ControlPlaneComponent.SCHEDULER, "kubeScheduler",
            ControlPlaneComponent.CONTROLLER_MANAGER, "kubeControllerManager",
            ControlPlaneComponent.PROXY, "kubeProxy",
            ControlPlaneComponent.ETCD, "kubeEtcd");

    @Test
    void withoutTheFactNoControlPlaneComponentIsScraped() {
        OfflineRun run = FakeCluster.plan(ExampleConfig.full());
        CHART_KEYS.values().forEach(key -> assertThat(value(run, "metrics-kube-prometheus-stack", key + ".enabled")).as(key).isEqualTo(false));
    }

    @Test
    void onlyTheComponentsTheTargetStatesAreScraped() {
        OfflineRun run = plan(ExampleConfig.full(), c -> c.withFact(ScrapableControlPlane.class,
                new ScrapableControlPlane(Set.of(ControlPlaneComponent.SCHEDULER, ControlPlaneComponent.ETCD), "test")));
        assertThat(value(run, "metrics-kube-prometheus-stack", "kubeScheduler.enabled")).isEqualTo(true);
        assertThat(value(run, "metrics-kube-prometheus-stack", "kubeEtcd.enabled")).isEqualTo(true);
        assertThat(value(run, "metrics-kube-prometheus-stack", "kubeControllerManager.enabled")).isEqualTo(false);
        assertThat(value(run, "metrics-kube-prometheus-stack", "kubeProxy.enabled")).isEqualTo(false);
    }

    @Test
    void eachComponentsSwitchAlsoGatesItsDefaultRules() {
        String dir = "kube-prometheus-stack-" + Versions.Platform.KUBE_PROMETHEUS_STACK;
        Map<String, Object> values = UpstreamCharts.values(dir);
        Map<String, String> ruleFiles = Map.of(
                "kubeScheduler", "kubernetes-system-scheduler.yaml",
                "kubeControllerManager", "kubernetes-system-controller-manager.yaml",
                "kubeProxy", "kubernetes-system-kube-proxy.yaml",
                "kubeEtcd", "etcd.yaml");
        ruleFiles.forEach((key, file) -> {
            assertThat(UpstreamCharts.at(values, List.of(key, "enabled"))).as(key + ".enabled defaults on").isEqualTo(true);
            String rules = UpstreamCharts.file(dir, "templates/prometheus/rules-1.14/" + file);
            assertThat(rules.lines().filter(l -> l.startsWith("{{- if")).findFirst().orElse("")).as(file + " is gated by " + key).contains(".Values." + key + ".enabled");
        });
    }

    // 6) Grafana's ReadWriteOnce volume and a rolling update deadlock on multi-node clusters.

    @Test
    void grafanaIsReplacedNotRolled() {
        OfflineRun run = FakeCluster.plan(ExampleConfig.full());
        assertThat(value(run, "dashboards-grafana", "deploymentStrategy.type")).isEqualTo("Recreate");
        assertThat(value(run, "dashboards-grafana", "persistence.enabled")).isEqualTo(true);
    }

    @Test
    void grafanasChartRollsByDefaultAndTakesTheStrategyAsGiven() {
        String dir = "grafana-" + Versions.Platform.GRAFANA;
        assertThat(UpstreamCharts.at(UpstreamCharts.values(dir), List.of("deploymentStrategy", "type"))).isEqualTo("RollingUpdate");
        assertThat(UpstreamCharts.file(dir, "templates/deployment.yaml")).contains("with .Values.deploymentStrategy");
    }

    // 7) The Prometheus Operator's CRDs outlive the metrics layer.

    @Test
    void theOperatorCrdsAreKeptWhenTheReleaseGoes() {
        OfflineRun run = FakeCluster.plan(ExampleConfig.full());
        assertThat((Map<String, Object>) value(run, "metrics-prometheus-operator-crds", "crds.annotations"))
                .containsEntry("helm.sh/resource-policy", "keep");
    }

    @Test
    void theCrdChartsAnnotationsLandOnEveryCrdAndTheOtherCrdChartsKeepTheirs() {
        String dir = "prometheus-operator-crds-" + Versions.Platform.PROMETHEUS_OPERATOR_CRDS;
        assertThat(UpstreamCharts.values(dir)).containsKey("crds");
        assertThat(UpstreamCharts.file(dir, "Chart.yaml")).contains("name: crds");
        String templates = UpstreamCharts.templates(dir);
        long crds = templates.lines().filter(l -> l.equals("kind: CustomResourceDefinition")).count();
        long annotated = templates.lines().filter(l -> l.contains("with .Values.annotations")).count();
        assertThat(crds).isEqualTo(10);
        assertThat(annotated).isEqualTo(crds);
        // Istio's base chart and cert-manager (crds.keep, set by the certificates layer) keep theirs already.
        assertThat(UpstreamCharts.file("istio-base-1.31", "files/crd-all.gen.yaml")).contains("\"helm.sh/resource-policy\": keep");
        assertThat(UpstreamCharts.at(UpstreamCharts.values("cert-manager-v1.21.1"), List.of("crds", "keep"))).isEqualTo(true);
    }

    // 8) Headlamp acts with each user's token; its own account gets nothing.

    @Test
    void headlampsAccountIsBoundToNothing() {
        OfflineRun run = FakeCluster.plan(ExampleConfig.full());
        assertThat(value(run, "gui-headlamp", "clusterRoleBinding.create")).isEqualTo(false);
        assertThat(run.where(r -> r.type().contains("rbac.authorization.k8s.io") && r.name().contains("headlamp"))).isEmpty();
    }

    @Test
    void headlampsChartBindsClusterAdminUnlessToldNot() {
        Map<String, Object> values = UpstreamCharts.values("headlamp-" + Versions.Platform.HEADLAMP);
        assertThat(UpstreamCharts.at(values, List.of("clusterRoleBinding", "create"))).isEqualTo(true);
        assertThat(UpstreamCharts.at(values, List.of("clusterRoleBinding", "clusterRoleName"))).isEqualTo("cluster-admin");
        assertThat(UpstreamCharts.file("headlamp-" + Versions.Platform.HEADLAMP, "templates/clusterrolebinding.yaml"))
                .startsWith("{{- if .Values.clusterRoleBinding.create -}}");
    }

    // 9) Kiali values nothing reads.

    @Test
    void kialiGetsItsNameAndIstiosRootNamespaceThroughKeysTheChartReads() {
        OfflineRun run = FakeCluster.plan(ExampleConfig.full());
        Map<String, Object> values = (Map<String, Object>) release(run, "gui-kiali").input("values");
        assertThat(values).doesNotContainKeys("fullnameOverride", "istio_namespace");
        assertThat(value(run, "gui-kiali", "deployment.instance_name")).isEqualTo("kiali");
        assertThat(value(run, "gui-kiali", "external_services.istio.root_namespace")).isEqualTo("istio-system");
    }

    @Test
    void kialisChartNamesItselfAfterTheInstanceAndDefaultsTheRootNamespaceToItsOwn() {
        String dir = "kiali-server-2.29.0";
        String helpers = UpstreamCharts.file(dir, "templates/_helpers.tpl");
        assertThat(helpers).contains(".Values.deployment.instance_name").contains(".Values.external_services.istio.root_namespace");
        String templates = UpstreamCharts.templates(dir);
        assertThat(templates).doesNotContain("fullnameOverride").doesNotContain("istio_namespace");
    }

    // 10) A bundled ingress controller holding 80/443.

    @Test
    void aRunningBundledIngressStopsTheGatewayWithTheWayOut() {
        Map<String, Object> platform = ExampleConfig.with("istio", new HashMap<>(Map.of("mode", "sidecar", "gateway", Map.of("replicas", 1))));
        OfflineRun run = plan(platform, FakeCluster.cloudLoadBalancers(),
                c -> c.withFact(BundledIngress.class, BundledIngress.running("traefik", "start k3s with --disable=traefik")));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("traefik").contains("--disable=traefik").contains("platform.istio");
    }

    @Test
    void aSwitchedOffBundledIngressIsFine() {
        Map<String, Object> platform = ExampleConfig.with("istio", new HashMap<>(Map.of("mode", "sidecar", "gateway", Map.of("replicas", 1))));
        OfflineRun run = plan(platform, c -> c.withFact(BundledIngress.class, BundledIngress.disabled("traefik", "--disable=traefik")));
        assertThat(run.get("kubernetes:core/v1:Service", "dev-istio-gateway-service").input("spec.type")).isEqualTo("LoadBalancer");
    }
}
