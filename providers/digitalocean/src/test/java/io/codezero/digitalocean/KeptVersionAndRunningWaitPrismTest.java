package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.TargetContext;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.cluster.RunningWait;
import io.codezero.digitalocean.prism.PrismServer;
import io.codezero.digitalocean.prism.RecordedLayer;
import io.codezero.digitalocean.resources.KubernetesCluster;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Under the real engine the program reads the running cluster from DigitalOcean's API (its
 * specification served by Prism; the example cluster {@code prod-cluster-01} in nyc1 at
 * 1.18.6-do.0 is renamed to this stack's cluster, with only name, region and version changed, and its VPC given the
 * fixtures' range):
 * the running patch is kept, and after an upgrade the kubeconfig, which every Kubernetes resource
 * waits for, resolves only once the cluster reports running at the new version.
 */
class KeptVersionAndRunningWaitPrismTest {
    private static final String RUNNING = "1.33.4-do.2";

    /** Prism's example cluster as this stack's cluster "demo" in fra1 at {@code version}, in {@code state}. */
    private static String asDemo(String body, String version, String state) {
        // its VPC (GET /v2/vpcs/{id}, the specification's 10.10.10.0/24) has the fixtures' range, as this stack's VPC would
        return body.replace("prod-cluster-01", "demo").replace("\"nyc1\"", "\"fra1\"").replace("1.18.6-do.0", version)
                .replace("\"web-team\"", "\"codezero-stack:codezero:dev\"")
                .replace("10.10.10.0/24", "10.20.0.0/16")
                .replace("\"state\":\"running\"", "\"state\":\"" + state + "\"");
    }

    private static OfflineRun provision(ClusterSpec spec, RecordedLayer layer, AtomicInteger sleeps, Duration timeout) {
        var target = new DigitalOceanTarget(Fixtures.args().build(), () -> true,
                () -> new DoApi(layer.base(), ApiToken.of("dop_v1_test", "test"), Map.of()),
                api -> new RunningWait(api, timeout, Duration.ofSeconds(15), d -> sleeps.incrementAndGet()));
        return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            ctx.export("kubeconfig", target.provision(spec, new TargetContext("demo", stack)).kubeconfig());
        });
    }

    @Test
    void aLaterUpKeepsTheRunningPatchInsteadOfTheNewestOne() throws Exception {
        PrismServer prism = PrismServer.require();
        AtomicInteger sleeps = new AtomicInteger();
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of(), (path, body) -> asDemo(body, RUNNING, "running"))) {
            OfflineRun run = provision(Fixtures.spec("1.33", 2, 5), layer, sleeps, RunningWait.DEFAULT_TIMEOUT);
            assertThat(run.succeeded()).as(run.failure()).isTrue();
            // the plan's "newest" 1.33 would be 1.33.0-do.0: the running 1.33.4-do.2 is kept, so nothing changes
            assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo(RUNNING);
            assertThat(sleeps).hasValue(0);
        }
    }

    @Test
    void anUpgradeHoldsTheKubeconfigUntilTheClusterRunsTheNewVersion() throws Exception {
        PrismServer prism = PrismServer.require();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger sleeps = new AtomicInteger();
        String target = "1.34" + DigitalOceanPlanMocks.PLAN_PATCH;
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of(), (path, body) -> {
            if (!path.matches("/v2/kubernetes/clusters/[0-9a-f-]{36}")) {
                return asDemo(body, RUNNING, "running"); // the list: the cluster still runs 1.33
            }
            // DOKS upgrades: two reads see it upgrading, then it runs the new version
            return reads.incrementAndGet() <= 2 ? asDemo(body, RUNNING, "upgrading") : asDemo(body, target, "running");
        })) {
            OfflineRun run = provision(Fixtures.spec("1.34", 2, 5), layer, sleeps, RunningWait.DEFAULT_TIMEOUT);
            assertThat(run.succeeded()).as(run.failure()).isTrue();
            assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo(target);
            assertThat(reads).hasValue(3);
            assertThat(sleeps).hasValue(2);
        }
    }

    @Test
    void aClusterThatNeverRunsTheNewVersionStopsThePlatformWithTheLastStateSeen() throws Exception {
        PrismServer prism = PrismServer.require();
        AtomicInteger sleeps = new AtomicInteger();
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of(), (path, body) -> asDemo(body, RUNNING,
                path.matches("/v2/kubernetes/clusters/[0-9a-f-]{36}") ? "upgrading" : "running"))) {
            // the kubeconfig, which the stack exports and every Kubernetes resource's provider is built from, fails
            // (the engine reports it as the program's failure, or while reading that output: either way the up fails)
            String failure;
            try {
                OfflineRun run = provision(Fixtures.spec("1.34", 2, 5), layer, sleeps, Duration.ofMinutes(1));
                assertThat(run.succeeded()).isFalse();
                failure = run.failure();
            } catch (RuntimeException e) {
                failure = String.valueOf(org.assertj.core.util.Throwables.getRootCause(e));
            }
            assertThat(failure).contains("was not running at 1.34.0-do.0", "upgrading at " + RUNNING);
            assertThat(sleeps).as("one minute of 15 s rounds").hasValue(5);
        }
    }

    @Test
    void aDowngradeIsRefusedBeforeAnythingIsRegistered() throws Exception {
        PrismServer prism = PrismServer.require();
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of(), (path, body) -> asDemo(body, "1.34.1-do.0", "running"))) {
            OfflineRun run = provision(Fixtures.spec("1.33", 2, 5), layer, new AtomicInteger(), RunningWait.DEFAULT_TIMEOUT);
            assertThat(run.succeeded()).isFalse();
            assertThat(run.failure()).contains("kubernetesVersion", "lower than the running cluster's 1.34.1-do.0");
            assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
        }
    }

    @Test
    void turningOffTheRunningClustersHaControlPlaneIsRefused() throws Exception {
        // the specification: ha "cannot be disabled"; its example cluster is not HA, this one is
        PrismServer prism = PrismServer.require();
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of(), (path, body) -> asDemo(body, RUNNING, "running")
                .replace("\"ha\":false", "\"ha\":true"))) {
            var target = new DigitalOceanTarget(Fixtures.args().highAvailability(false).build(), () -> true,
                    () -> new DoApi(layer.base(), ApiToken.of("dop_v1_test", "test"), Map.of()));
            OfflineRun run = OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> target.provision(Fixtures.spec("1.33", 2, 5),
                    new TargetContext("demo", new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build()))));
            assertThat(run.succeeded()).isFalse();
            assertThat(run.failure()).contains("digitalocean.highAvailability", "cannot disable it");
            assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
        }
    }

    @Test
    void theWaitAlsoOutlastsNodesThatSurgeUpgradesStillReplace() throws Exception {
        PrismServer prism = PrismServer.require();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger sleeps = new AtomicInteger();
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of(), (path, body) -> {
            if (!path.matches("/v2/kubernetes/clusters/[0-9a-f-]{36}")) {
                return asDemo(body, RUNNING, "running");
            }
            // the cluster already reads running at its version, but the first read still has a node provisioning
            String cluster = asDemo(body, RUNNING, "running");
            return reads.incrementAndGet() == 1 ? cluster.replaceFirst("\"state\":\"running\"", "\"state\":\"provisioning\"") : cluster;
        })) {
            OfflineRun run = provision(Fixtures.spec("1.33", 2, 5), layer, sleeps, RunningWait.DEFAULT_TIMEOUT);
            assertThat(run.succeeded()).as(run.failure()).isTrue();
            assertThat(reads).hasValue(2);
            assertThat(sleeps).hasValue(1);
        }
    }
}
