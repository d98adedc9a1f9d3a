package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.validation.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every app CodeZero writes is healthy and locked down by default. One plan of every catalogue app and a
 * plain image app on the full sidecar-mode platform, one in ambient mode; each test fails if its default goes.
 */
@SuppressWarnings("unchecked")
class WorkloadHardeningTest {
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String NAMESPACE = "kubernetes:core/v1:Namespace";
    static final String NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    static final List<String> APPS = List.of("db", "git", "cache", "s3", "admin", "web");
    static OfflineRun sidecar;
    static OfflineRun ambient;

    static Map<String, Object> platform(String mode) {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("istio", new HashMap<>(Map.of("mode", mode)));
        platform.put("apps", List.of(
                Map.of("name", "db", "kind", "postgresql"),
                Map.of("name", "git", "kind", "gitea", "links", List.of(Map.of("app", "db")), "route", Map.of("visibility", "public")),
                Map.of("name", "cache", "kind", "redis"),
                Map.of("name", "s3", "kind", "minio"),
                Map.of("name", "admin", "kind", "adminer", "links", List.of(Map.of("app", "db"))),
                Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3", "port", 8080)));
        return platform;
    }

    @BeforeAll
    static void plan() {
        sidecar = FakeCluster.plan(platform("sidecar"));
        assertThat(sidecar.succeeded()).as(sidecar.failure()).isTrue();
        ambient = FakeCluster.plan(platform("ambient"));
        assertThat(ambient.succeeded()).as(ambient.failure()).isTrue();
    }

    static PlannedResource deployment(OfflineRun run, String app) {
        return run.get(DEPLOYMENT, "dev-" + app + "-deployment");
    }

    static Map<String, Object> container(OfflineRun run, String app) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) deployment(run, app).input("spec.template.spec.containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Object at(Map<String, Object> map, String path) {
        Object current = map;
        for (String part : path.split("\\.")) {
            current = current instanceof Map<?, ?> m ? m.get(part) : null;
        }
        return current;
    }

    static List<Problem> problems(Map<String, Object> app) {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(app));
        return PlatformConfigTest.problems(platform);
    }

    // --- health ---

    @Test
    void everyAppContainerHasReadinessAndLivenessProbes() {
        for (String app : APPS) {
            Map<String, Object> container = container(sidecar, app);
            assertThat(container.get("readinessProbe")).as(app + " readiness").isNotNull();
            assertThat(container.get("livenessProbe")).as(app + " liveness").isNotNull();
            assertThat(container.get("readinessProbe")).as(app + ": liveness checks less than readiness").isNotEqualTo(container.get("livenessProbe"));
        }
    }

    @Test
    void catalogueAppsUseTheProbeTheirSoftwareDocuments() {
        assertThat((List<String>) at(container(sidecar, "db"), "readinessProbe.exec.command")).startsWith("pg_isready").contains("127.0.0.1");
        assertThat(String.join(" ", (List<String>) at(container(sidecar, "cache"), "readinessProbe.exec.command"))).contains("redis-cli", "ping", "PONG");
        assertThat(at(container(sidecar, "s3"), "readinessProbe.httpGet.path")).isEqualTo("/minio/health/ready");
        assertThat(at(container(sidecar, "s3"), "livenessProbe.httpGet.path")).isEqualTo("/minio/health/live");
        assertThat(at(container(sidecar, "git"), "readinessProbe.httpGet.path")).isEqualTo("/api/healthz");
        assertThat(at(container(sidecar, "admin"), "readinessProbe.httpGet.path")).isEqualTo("/");
        // Slow starters (initdb, migrations) get a startup probe, so liveness does not kill them while they start.
        assertThat(at(container(sidecar, "db"), "startupProbe.failureThreshold")).isEqualTo(120.0);
        assertThat(at(container(sidecar, "git"), "startupProbe.tcpSocket.port")).isEqualTo(3000.0);
    }

    @Test
    void imageAppsCheckTheirPortByDefaultAndTakeProbesFromConfig() {
        assertThat(at(container(sidecar, "web"), "readinessProbe.tcpSocket.port")).isEqualTo(8080.0);
        assertThat(at(container(sidecar, "web"), "livenessProbe.tcpSocket.port")).isEqualTo(8080.0);
        assertThat(at(container(sidecar, "web"), "startupProbe.tcpSocket.port")).isEqualTo(8080.0);

        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3", "port", 8080,
                "probes", Map.of("readiness", Map.of("http", "/ready", "periodSeconds", 5),
                        "liveness", Map.of("http", "/live", "port", 9090), "startup", "none"))));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<String, Object> web = container(run, "web");
        assertThat(at(web, "readinessProbe.httpGet.path")).isEqualTo("/ready");
        assertThat(at(web, "readinessProbe.periodSeconds")).isEqualTo(5.0);
        assertThat(at(web, "livenessProbe.httpGet.port")).isEqualTo(9090.0);
        assertThat(web).doesNotContainKey("startupProbe");
    }

    @Test
    void aStartupProbeGivenAsAnObjectIsReadNotRefusedAsText() {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3", "port", 8080,
                "probes", Map.of("startup", Map.of("http", "/started", "failureThreshold", 30)))));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(at(container(run, "web"), "startupProbe.httpGet.path")).isEqualTo("/started");
        assertThat(at(container(run, "web"), "startupProbe.failureThreshold")).isEqualTo(30.0);
    }

    @Test
    void badProbesAreProblemsAtTheirConfigPath() {
        assertThat(problems(Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3",
                "probes", Map.of("readiness", Map.of("http", "ready"), "liveness", Map.of("tcp", 8080, "exec", List.of("true"))))))
                .extracting(Problem::field)
                // read problems name the entry as written (apps[0]), validation problems the app
                .contains("platform.apps[web].probes.readiness.http", "platform.apps[0].probes.liveness");
        assertThat(problems(Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3",
                "probes", Map.of("readiness", Map.of("tcp", 70000, "periodSeconds", 0)))))
                .extracting(Problem::field)
                .contains("platform.apps[web].probes.readiness.port", "platform.apps[web].probes.readiness.periodSeconds");
    }

    @Test
    void aLinkedAppIsRolledOutAfterWhatItLinksToIsReady() {
        PlannedResource git = deployment(sidecar, "git");
        PlannedResource db = deployment(sidecar, "db");
        // Pulumi awaits a Deployment's rollout (ready replicas) before its dependants; ready means the probe passed.
        assertThat(sidecar.dependsOn(git, db)).isTrue();
        assertThat(sidecar.dependsOn(deployment(sidecar, "admin"), db)).isTrue();
        assertThat(db.input("metadata.annotations")).as("nothing switches the await off").isNull();
        assertThat(container(sidecar, "db").get("readinessProbe")).isNotNull();
    }

    // --- resources ---

    @Test
    void everyContainerHasRequestsAndLimits() {
        for (String app : APPS) {
            Map<String, Object> resources = (Map<String, Object>) container(sidecar, app).get("resources");
            assertThat((Map<String, Object>) resources.get("requests")).as(app).containsOnlyKeys("cpu", "memory", "ephemeral-storage");
            assertThat((Map<String, Object>) resources.get("limits")).as(app).containsOnlyKeys("cpu", "memory", "ephemeral-storage");
        }
        assertThat(at(container(sidecar, "db"), "resources.limits.memory")).isEqualTo("1Gi");
        assertThat(at(container(sidecar, "web"), "resources.limits.memory")).isEqualTo("256Mi");
    }

    @Test
    void configOverridesResourcesAndRefusesALimitBelowItsRequest() {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(Map.of("name", "db", "kind", "postgresql",
                "resources", Map.of("limits", Map.of("memory", "4Gi"), "requests", Map.of("cpu", "500m")))));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(at(container(run, "db"), "resources.limits.memory")).isEqualTo("4Gi");
        assertThat(at(container(run, "db"), "resources.limits.cpu")).as("the catalogue default stays").isEqualTo("2");
        assertThat(at(container(run, "db"), "resources.requests.cpu")).isEqualTo("500m");

        assertThat(problems(Map.of("name", "db", "kind", "postgresql", "resources", Map.of("limits", Map.of("memory", "128Mi")))))
                .extracting(Problem::field).containsExactly("platform.apps[db].resources.limits.memory");
        assertThat(problems(Map.of("name", "db", "kind", "postgresql", "resources", Map.of("requests", Map.of("cpu", "lots")))))
                .extracting(Problem::field).containsExactly("platform.apps[db].resources.requests.cpu");
    }

    @Test
    void aQuotaBringsAResourceQuotaAndALimitRangeForSidecars() {
        assertThat(sidecar.where(r -> r.type().endsWith(":ResourceQuota"))).as("no quota unless asked for").isEmpty();
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(Map.of("name", "db", "kind", "postgresql",
                "quota", Map.of("cpu", "4", "memory", "4Gi", "storage", "20Gi", "pods", 4))));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource quota = run.get("kubernetes:core/v1:ResourceQuota", "dev-db-resource-quota");
        assertThat(quota.input("metadata.namespace")).isEqualTo("db");
        assertThat((Map<String, Object>) quota.input("spec.hard")).containsEntry("limits.cpu", "4").containsEntry("requests.memory", "4Gi")
                .containsEntry("requests.storage", "20Gi").containsEntry("pods", "4");
        PlannedResource limits = run.get("kubernetes:core/v1:LimitRange", "dev-db-limit-range");
        assertThat(limits.input("spec.limits.0.default.memory")).isEqualTo("256Mi");
        assertThat(limits.input("spec.limits.0.defaultRequest.cpu")).isEqualTo("50m");

        assertThat(problems(Map.of("name", "db", "kind", "postgresql", "quota", Map.of("memory", "512Mi", "storage", "1Gi"))))
                .extracting(Problem::field).containsExactly("platform.apps[db].quota.memory", "platform.apps[db].quota.storage");
    }

    // --- least privilege ---

    @Test
    void appContainersRunUnprivilegedOnAReadOnlyRoot() {
        for (String app : APPS) {
            PlannedResource deployment = deployment(sidecar, app);
            Map<String, Object> pod = (Map<String, Object>) deployment.input("spec.template.spec");
            assertThat(at(pod, "securityContext.runAsNonRoot")).as(app).isEqualTo(true);
            assertThat((Double) at(pod, "securityContext.runAsUser")).as(app).isPositive();
            assertThat((Double) at(pod, "securityContext.runAsGroup")).as(app).isPositive();
            assertThat(at(pod, "securityContext.seccompProfile.type")).as(app).isEqualTo("RuntimeDefault");
            assertThat(pod.get("automountServiceAccountToken")).as(app).isEqualTo(false);
            Map<String, Object> container = container(sidecar, app);
            assertThat(at(container, "securityContext.allowPrivilegeEscalation")).as(app).isEqualTo(false);
            assertThat(at(container, "securityContext.privileged")).as(app).isEqualTo(false);
            assertThat(at(container, "securityContext.readOnlyRootFilesystem")).as(app).isEqualTo(true);
            assertThat(at(container, "securityContext.runAsNonRoot")).as(app).isEqualTo(true);
            assertThat((List<String>) at(container, "securityContext.capabilities.drop")).as(app).containsExactly("ALL");
            assertThat(at(container, "securityContext.capabilities.add")).as(app).isNull();
            assertThat(mountPaths(sidecar, app)).as(app + ": a writable /tmp").contains("/tmp");
            assertThat(sidecar.get("kubernetes:core/v1:ServiceAccount", "dev-" + app + "-service-account")
                    .input("automountServiceAccountToken")).isEqualTo(false);
        }
        assertThat(at(container(sidecar, "db"), "securityContext.runAsUser")).as("the image's postgres user").isEqualTo(70.0);
        assertThat(at(container(sidecar, "git"), "securityContext.runAsUser")).as("the rootless image's git user").isEqualTo(1000.0);
        assertThat(at(container(sidecar, "web"), "securityContext.runAsUser")).isEqualTo(10001.0);
        assertThat(mountPaths(sidecar, "db")).contains("/var/run/postgresql", "/var/lib/postgresql");
    }

    private static List<String> mountPaths(OfflineRun run, String app) {
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) deployment(run, app).input("spec.template.spec.volumes");
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) container(run, app).get("volumeMounts");
        for (Map<String, Object> mount : mounts) {
            assertThat(volumes).as(app + " mounts only its own volumes").anySatisfy(v -> assertThat(v.get("name")).isEqualTo(mount.get("name")));
        }
        return mounts.stream().map(m -> (String) m.get("mountPath")).toList();
    }

    @Test
    void imageAppsTakeUserWritablePathsAndApiAccessFromConfig() {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3",
                "user", 20000, "group", 20001, "writablePaths", List.of("/var/cache/nginx"), "kubernetesApi", true)));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(at(container(run, "web"), "securityContext.runAsUser")).isEqualTo(20000.0);
        assertThat(deployment(run, "web").input("spec.template.spec.securityContext.fsGroup")).isEqualTo(20001.0);
        assertThat(mountPaths(run, "web")).contains("/tmp", "/var/cache/nginx");
        assertThat(deployment(run, "web").input("spec.template.spec.automountServiceAccountToken")).isEqualTo(true);

        assertThat(problems(Map.of("name", "web", "kind", "image", "image", "ghcr.io/example/web:1.2.3", "user", 0,
                "writablePaths", List.of("relative/dir"))))
                .extracting(Problem::field)
                .containsExactly("platform.apps[web].user", "platform.apps[web].group", "platform.apps[web].writablePaths[1]");
    }

    // --- Pod Security Admission ---

    @Test
    void everyNamespaceEnforcesTheStrictestLevelItsWorkloadsPass() {
        Map<String, String> levels = new HashMap<>();
        for (PlannedResource ns : sidecar.ofType(NAMESPACE)) {
            Map<String, String> labels = (Map<String, String>) ns.input("metadata.labels");
            assertThat(labels).as(ns.name()).containsKey("pod-security.kubernetes.io/enforce");
            String level = labels.get("pod-security.kubernetes.io/enforce");
            assertThat(labels).as(ns.name()).containsEntry("pod-security.kubernetes.io/warn", level)
                    .containsEntry("pod-security.kubernetes.io/audit", level);
            levels.put((String) ns.input("metadata.name"), level);
        }
        for (String app : APPS) {
            assertThat(levels).containsEntry(app, "restricted");
        }
        assertThat(levels).containsEntry("cert-manager", "restricted")
                .containsEntry("istio-system", "privileged")
                .containsEntry("istio-ingress", "baseline")
                .containsEntry("codezero-metrics", "privileged")
                .containsEntry("codezero-logs", "privileged")
                .containsEntry("codezero-dashboards", "baseline")
                .containsEntry("codezero-gui", "baseline");
    }

    @Test
    void sidecarModeRunsTheIstioCniSoInjectedPodsNeedNoCapabilities() {
        PlannedResource cni = sidecar.get("kubernetes:helm.sh/v3:Release", "dev-istio-cni");
        assertThat(sidecar.get("kubernetes:helm.sh/v3:Release", "dev-istiod").input("values.pilot.cni.enabled")).isEqualTo(true);
        assertThat(cni.input("values.profile")).as("not ambient").isNull();
        assertThat(sidecar.dependsOn(deployment(sidecar, "db"), cni)).as("pods start once the node agent can set up their traffic").isTrue();
    }

    @Test
    void aChartAppMayAskForLessButAnImageAppMayNot() {
        io.codezero.platform.apps.AppSpec image = io.codezero.platform.apps.AppSpec.builder("web",
                        new io.codezero.platform.apps.Workload.Image("ghcr.io/example/web:1.2.3", 8080, List.of(), Map.of(), java.util.Optional.empty()))
                .podSecurity(io.codezero.platform.k8s.PodSecurity.BASELINE).build();
        assertThat(new io.codezero.platform.apps.CodeZeroApp(image).validate(FakeCluster.read(ExampleConfig.full()).settings()))
                .extracting(Problem::field).containsExactly("platform.apps[web].podSecurity");
    }

    // --- NetworkPolicy ---

    @Test
    void everyAppNamespaceDeniesIngressByDefault() {
        for (String app : APPS) {
            PlannedResource deny = sidecar.get(NETWORK_POLICY, "dev-" + app + "-network-default-deny");
            assertThat(deny.input("metadata.namespace")).isEqualTo(app);
            assertThat((Map<String, Object>) deny.input("spec.podSelector")).as("every pod").isEmpty();
            assertThat((List<String>) deny.input("spec.policyTypes")).containsExactly("Ingress");
            assertThat(deny.input("spec.ingress")).as("sidecar: nothing allowed").isNull();
        }
    }

    @Test
    void routesLinksAndMetricsEachAllowExactlyTheirPeerAndPort() {
        PlannedResource gateway = sidecar.get(NETWORK_POLICY, "dev-git-network-allow-gateway");
        assertThat(gateway.input("metadata.namespace")).isEqualTo("git");
        assertThat((Map<String, Object>) gateway.input("spec.ingress.0.from.0.namespaceSelector.matchLabels"))
                .containsEntry("kubernetes.io/metadata.name", "istio-ingress");
        assertThat((Map<String, Object>) gateway.input("spec.ingress.0.from.0.podSelector.matchLabels")).containsEntry("istio", "ingressgateway");
        assertThat(ports(gateway)).containsExactly(3000.0);

        PlannedResource link = sidecar.get(NETWORK_POLICY, "dev-git-link-db-postgres-network");
        assertThat(link.input("metadata.namespace")).as("in the provider's namespace").isEqualTo("db");
        assertThat((Map<String, Object>) link.input("spec.ingress.0.from.0.namespaceSelector.matchLabels"))
                .containsEntry("kubernetes.io/metadata.name", "git");
        assertThat(ports(link)).containsExactly(5432.0);
        assertThat(sidecar.find(NETWORK_POLICY, "dev-db-network-allow-gateway")).as("db has no route").isEmpty();

        PlannedResource metrics = sidecar.get(NETWORK_POLICY, "dev-git-network-allow-metrics");
        assertThat((Map<String, Object>) metrics.input("spec.ingress.0.from.0.namespaceSelector.matchLabels"))
                .containsEntry("codezero.io/component", "metrics");
        assertThat(ports(metrics)).as("the sidecar's merged metrics").containsExactly(15020.0);
    }

    @Test
    void inAmbientModeMeshTrafficArrivesOverHboneAndProbesFromTheCniAddress() {
        assertThat(ports(ambient.get(NETWORK_POLICY, "dev-git-link-db-postgres-network"))).containsExactly(5432.0, 15008.0);
        assertThat(ports(ambient.get(NETWORK_POLICY, "dev-git-network-allow-gateway"))).containsExactly(3000.0, 15008.0);
        assertThat(ports(ambient.get(NETWORK_POLICY, "dev-git-network-allow-metrics"))).containsExactly(3000.0, 15008.0);
        assertThat(ambient.get(NETWORK_POLICY, "dev-db-network-default-deny").input("spec.ingress.0.from.0.ipBlock.cidr"))
                .isEqualTo("169.254.7.127/32");
    }

    @Test
    void withoutTheMeshTheNetworkPoliciesStillStand() {
        Map<String, Object> platform = new HashMap<>(Map.of("domain", "codezero.localhost", "apps", List.of(
                Map.of("name", "db", "kind", "postgresql"),
                Map.of("name", "git", "kind", "gitea", "links", List.of(Map.of("app", "db"))))));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.find(NETWORK_POLICY, "dev-db-network-default-deny")).isPresent();
        assertThat(ports(run.get(NETWORK_POLICY, "dev-git-link-db-postgres-network"))).containsExactly(5432.0);
    }

    private static List<Object> ports(PlannedResource policy) {
        return ((List<Map<String, Object>>) policy.input("spec.ingress.0.ports")).stream().map(p -> p.get("port")).toList();
    }
}
