package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.Versions;
import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.platform.apps.CodeZeroApp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The full minikube example platform, planned once under the mock engine and checked against the "Done when" list. */
@SuppressWarnings("unchecked")
class PlatformPlanTest {
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static OfflineRun run;

    @BeforeAll
    static void plan() {
        run = FakeCluster.plan(ExampleConfig.full());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
    }

    static PlannedResource release(String name) {
        return run.get(RELEASE, "dev-" + name);
    }

    static PlannedResource object(String kind, String name) {
        return run.where(r -> r.type().endsWith(":" + kind) && r.name().equals("dev-" + name)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void istioInstallsInChartOrder() {
        assertThat(run.dependsOn(release("istiod"), release("istio-base"))).isTrue();
        assertThat(run.dependsOn(release("istio-gateway"), release("istiod"))).isTrue();
        assertThat(run.dependsOn(release("istio-base"), release("istiod"))).isFalse();
    }

    @Test
    void meshWorkloadsWaitForIstioAndAppsForWhatTheyLinkTo() {
        PlannedResource git = run.get("kubernetes:apps/v1:Deployment", "dev-git-deployment");
        PlannedResource db = run.get("kubernetes:apps/v1:Deployment", "dev-db-deployment");
        assertThat(run.dependsOn(git, release("istiod"))).isTrue();
        assertThat(run.dependsOn(db, release("istiod"))).isTrue();
        assertThat(run.dependsOn(git, db)).isTrue();
        assertThat(run.dependsOn(db, git)).isFalse();
    }

    @Test
    void nothingIsSerializedThatNeedNotBe() {
        PlannedResource prometheus = release("metrics-kube-prometheus-stack");
        PlannedResource loki = release("logs-loki");
        PlannedResource alloy = release("logs-alloy");
        PlannedResource grafana = release("dashboards-grafana");
        PlannedResource certManager = release("cert-manager");
        assertThat(run.dependsOn(prometheus, loki)).as("metrics does not wait for logs").isFalse();
        assertThat(run.dependsOn(alloy, loki)).as("the collector only needs Loki's address").isFalse();
        assertThat(run.dependsOn(grafana, prometheus)).as("Grafana needs Prometheus' name, not Prometheus").isFalse();
        assertThat(run.dependsOn(grafana, loki)).isFalse();
        assertThat(run.dependsOn(release("istio-gateway"), certManager)).as("the gateway only references the certificate's secret").isFalse();
        for (PlannedResource system : List.of(prometheus, loki, alloy, grafana, certManager, release("gui-headlamp"))) {
            assertThat(run.dependsOn(system, release("istio-base"))).as(system + " is not in the mesh and needs no Istio").isFalse();
        }
        // The app's database does not wait for the metrics stack, only its ServiceMonitor does.
        assertThat(run.dependsOn(run.get("kubernetes:apps/v1:Deployment", "dev-db-deployment"), prometheus)).isFalse();
        // The app's ServiceMonitor needs the operator's CRDs, not a running Prometheus.
        assertThat(run.dependsOn(object("ServiceMonitor", "git-service-monitor"), release("metrics-prometheus-operator-crds"))).isTrue();
        assertThat(run.dependsOn(object("ServiceMonitor", "git-service-monitor"), prometheus)).isFalse();
    }

    @Test
    void theLongestChainOfHelmReleasesIsIstioAlone() {
        List<PlannedResource> chain = DependencyGraph.of(run).longestChain(r -> r.type().equals(RELEASE));
        System.out.println("longest Helm chain: " + chain.stream().map(PlannedResource::name).toList());
        assertThat(chain).extracting(PlannedResource::name).containsExactly("dev-istio-base", "dev-istiod", "dev-istio-gateway");
    }

    @Test
    void everyKubernetesResourceUsesTheTargetsProvider() {
        String provider = run.get("pulumi:providers:kubernetes", FakeCluster.PROVIDER_NAME).urn();
        List<PlannedResource> kubernetes = run.where(r -> r.custom() && !r.isProvider() && r.packageName().equals("kubernetes"));
        assertThat(kubernetes).hasSizeGreaterThan(50);
        assertThat(kubernetes).allSatisfy(r -> assertThat(r.providerUrn()).as(r.toString()).isEqualTo(provider));
        assertThat(run.where(r -> r.type().equals("pulumi:providers:kubernetes"))).hasSize(1);
    }

    @Test
    void everyResourceBelongsToOneTopLevelComponent() {
        String stack = run.get("codezero:index:Stack", "dev").urn();
        List<PlannedResource> layers = run.where(r -> stack.equals(r.parentUrn()) && r.type().startsWith("codezero:platform:"));
        assertThat(layers).extracting(PlannedResource::name)
                .contains("dev-certificates", "dev-istio", "dev-metrics", "dev-logs", "dev-dashboards", "dev-gui", "dev-db", "dev-git");
        Map<String, Long> counts = new TreeMap<>();
        for (PlannedResource layer : layers) {
            counts.put(layer.type().substring("codezero:platform:".length()) + " " + layer.name(),
                    run.resources().stream().filter(r -> descendsFrom(r, layer.urn())).count());
        }
        System.out.println("resources per layer: " + counts);
        counts.values().forEach(count -> assertThat(count).isPositive());
        // ...and every resource that is not the cluster's provider sits under exactly one of them.
        assertThat(run.where(r -> r.custom() && !r.isProvider())).allSatisfy(r -> assertThat(layers.stream()
                .filter(layer -> descendsFrom(r, layer.urn())).count()).as(r.toString()).isEqualTo(1L));
    }

    private static boolean descendsFrom(PlannedResource resource, String ancestorUrn) {
        String parent = resource.parentUrn();
        while (parent != null) {
            if (parent.equals(ancestorUrn)) {
                return true;
            }
            parent = run.byUrn(parent).map(PlannedResource::parentUrn).orElse(null);
        }
        return false;
    }

    @Test
    void chartVersionsArePinnedAndReleasesCannotHangForever() {
        List<PlannedResource> releases = run.ofType(RELEASE);
        assertThat(releases).hasSizeGreaterThanOrEqualTo(10);
        assertThat(releases).allSatisfy(r -> {
            assertThat((String) r.input("version")).as(r.name()).matches("v?\\d+\\.\\d+\\.\\d+");
            assertThat(r.input("atomic")).as(r.name()).isEqualTo(true);
            assertThat(((Number) r.input("timeout")).intValue()).as(r.name()).isBetween(60, 1800);
            assertThat(r.input("skipCrds")).as(r.name()).isEqualTo(false);
            assertThat(r.input("repositoryOpts.repo")).as(r.name()).asString().startsWith("https://");
        });
        assertThat(release("istiod").input("version")).isEqualTo(Versions.Platform.ISTIO);
        assertThat(release("metrics-kube-prometheus-stack").input("version")).isEqualTo(Versions.Platform.KUBE_PROMETHEUS_STACK);
        assertThat(release("istio-base").input("values.base.enableCRDTemplates")).isEqualTo(true);
    }

    @Test
    void secretsAreSecret() {
        assertThat(run.get("kubernetes:core/v1:Secret", "dev-dashboards-grafana-admin").isSecretInput("stringData")).isTrue();
        assertThat(run.get("kubernetes:core/v1:Secret", "dev-metrics-alertmanager-config").isSecretInput("stringData")).isTrue();
        assertThat(run.get("kubernetes:core/v1:Secret", "dev-db-generated").isSecretInput("stringData")).isTrue();
        assertThat(run.get("kubernetes:core/v1:Secret", "dev-git-link-db-postgres").isSecretInput("stringData")).isTrue();
        // Helm values never carry a secret: charts get Secrets by name.
        assertThat(run.ofType(RELEASE)).allSatisfy(r -> assertThat(r.secretInputs()).as(r.name()).isEmpty());
        assertThat(run.ofType("random:index/randomPassword:RandomPassword")).extracting(PlannedResource::version)
                .containsOnly(Versions.Platform.RANDOM_PLUGIN);
    }

    @Test
    void meshWideMutualTlsIsStrict() {
        PlannedResource peer = object("PeerAuthentication", "istio-mtls-strict");
        assertThat(peer.type()).isEqualTo("kubernetes:security.istio.io/v1:PeerAuthentication");
        assertThat(peer.input("metadata.namespace")).isEqualTo("istio-system");
        assertThat(peer.input("metadata.name")).isEqualTo("default");
        assertThat(peer.input("spec.mtls.mode")).isEqualTo("STRICT");
        assertThat(run.dependsOn(peer, release("istiod"))).isTrue();
    }

    @Test
    void theSystemGatewayServesHttpsAndRedirectsHttp() {
        PlannedResource gateway = object("Gateway", "istio-system-gateway");
        assertThat(gateway.input("spec.servers.0.tls.httpsRedirect")).isEqualTo(true);
        assertThat(gateway.input("spec.servers.1.tls.credentialName")).isEqualTo("codezero-gateway-tls");
        PlannedResource certificate = object("Certificate", "istio-gateway-certificate");
        assertThat(certificate.input("spec.secretName")).isEqualTo("codezero-gateway-tls");
        assertThat(run.dependsOn(certificate, release("cert-manager"))).isTrue();
        assertThat(((Map<Object, Object>) run.get("kubernetes:core/v1:Service", "dev-istio-gateway-service").input("metadata.annotations")))
                .containsEntry("lb.example/scheme", "internet-facing");
    }

    @Test
    void theGuiIsPrivateAtTheGateway() {
        for (String tool : List.of("headlamp", "kiali")) {
            PlannedResource route = object("VirtualService", "gui-" + tool + "-route");
            assertThat(route.input("spec.hosts.0")).isEqualTo(tool + ".codezero.localhost");
            PlannedResource deny = object("AuthorizationPolicy", "gui-" + tool + "-require-auth");
            assertThat(deny.input("metadata.namespace")).isEqualTo("istio-ingress");
            assertThat(deny.input("spec.action")).isEqualTo("DENY");
            assertThat(deny.input("spec.rules.0.from.0.source.notRequestPrincipals")).isEqualTo(List.of("*"));
            assertThat((List<Object>) deny.input("spec.rules.0.to.0.operation.hosts")).contains(tool + ".codezero.localhost");
        }
    }

    @Test
    void eachLinkGivesItsConsumerExactlyOnePolicyAndOneSecret() {
        Predicate<PlannedResource> linked = r -> "git-db-postgres".equals(labels(r).get(CodeZeroApp.LINK_LABEL));
        List<PlannedResource> policies = run.where(r -> r.type().endsWith(":AuthorizationPolicy") && linked.test(r));
        List<PlannedResource> secrets = run.where(r -> r.type().equals("kubernetes:core/v1:Secret") && linked.test(r));
        assertThat(policies).hasSize(1);
        assertThat(secrets).hasSize(1);
        PlannedResource policy = policies.get(0);
        assertThat(policy.input("metadata.namespace")).isEqualTo("db");
        assertThat(policy.input("spec.rules.0.from.0.source.principals")).isEqualTo(List.of("cluster.local/ns/git/sa/git"));
        assertThat(policy.input("spec.rules.0.to.0.operation.ports")).isEqualTo(List.of("5432"));
        assertThat(secrets.get(0).input("metadata.namespace")).isEqualTo("git");
        // The provider denies everything else.
        assertThat(object("AuthorizationPolicy", "db-default-deny").input("metadata.namespace")).isEqualTo("db");
    }

    @Test
    void workloadEnvironmentIsInAStableOrder() {
        // Found by the end-to-end run: env built from a Map.of came out in another order in the
        // next JVM, so a second `pulumi up` showed a diff. Stable here means: plain values first,
        // sorted by name (Map.of's order is randomised per JVM, so without sorting this fails in
        // about half of all runs).
        for (PlannedResource deployment : run.ofType("kubernetes:apps/v1:Deployment")) {
            List<Map<String, Object>> env = (List<Map<String, Object>>) deployment.input("spec.template.spec.containers.0.env");
            if (env == null) {
                continue;
            }
            List<String> plain = env.stream().filter(e -> e.containsKey("value")).map(e -> (String) e.get("name")).toList();
            assertThat(plain).as(deployment.name()).isSorted();
            assertThat(env.subList(0, plain.size())).allSatisfy(e -> assertThat(e).containsKey("value"));
        }
        assertThat(run.ofType("kubernetes:apps/v1:Deployment")).isNotEmpty();
    }

    @Test
    void appsGetStorageFromTheTargetsProfileAndScrapeTargets() {
        PlannedResource claim = run.get("kubernetes:core/v1:PersistentVolumeClaim", "dev-db-volume-data");
        assertThat(claim.input("spec.storageClassName")).isEqualTo(FakeCluster.STORAGE.fastClass());
        assertThat(claim.input("spec.resources.requests.storage")).isEqualTo("5Gi");
        assertThat(object("ServiceMonitor", "git-service-monitor").input("spec.endpoints.0.port")).isEqualTo("http-merged-metrics");
        assertThat(release("logs-loki").input("values.singleBinary.persistence.storageClass")).isEqualTo(FakeCluster.STORAGE.standardClass());
        Map<Object, Object> annotations = (Map<Object, Object>) run.get("kubernetes:apps/v1:Deployment", "dev-git-deployment").input("spec.template.metadata.annotations");
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "3000")
                .containsEntry("prometheus.io/path", "/metrics");
        assertThat(object("VirtualService", "git-route-0-route").input("spec.gateways.0")).isEqualTo("istio-ingress/codezero-gateway");
        assertThat(run.where(r -> r.type().endsWith(":AuthorizationPolicy") && r.name().equals("dev-git-route-0-require-auth"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> labels(PlannedResource r) {
        Object labels = r.input("metadata.labels");
        return labels instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }


    @Test
    void everyNamespaceCarriesTheManagedByLabelTheStackUses() {
        // one selector (app.kubernetes.io/managed-by=codezero) must find everything, or a check
        // that "nothing is left" after a destroy would look at only part of it
        List<PlannedResource> namespaces = run.ofType("kubernetes:core/v1:Namespace");
        assertThat(namespaces).hasSizeGreaterThan(5);
        assertThat(namespaces).allSatisfy(ns -> assertThat(labels(ns)).as(ns.name())
                .containsEntry("app.kubernetes.io/managed-by", "codezero"));
    }
}
