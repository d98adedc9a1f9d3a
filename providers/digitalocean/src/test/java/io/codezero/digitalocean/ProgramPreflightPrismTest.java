package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.target.TargetContext;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.prism.PrismServer;
import io.codezero.digitalocean.prism.RecordedLayer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code preflight: true} in the program: when the real engine drives it, a failed check stops the
 * program before any DigitalOcean resource is registered; under the offline plan it never calls the
 * API. The API is DigitalOcean's specification served by Prism (its examples offer neither Kubernetes 1.33 nor GPU Droplets).
 */
class ProgramPreflightPrismTest {

    private static OfflineRun provision(DigitalOceanTarget target) {
        return provision(target, Fixtures.spec());
    }

    private static OfflineRun provision(DigitalOceanTarget target, io.codezero.core.spec.ClusterSpec spec) {
        return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            target.provision(spec, new TargetContext("demo", stack));
        });
    }

    @Test
    void aFailedCheckStopsTheProgramBeforeAnythingIsRegistered() {
        PrismServer prism = PrismServer.require();
        var target = new DigitalOceanTarget(Fixtures.args().preflight(true).build(), () -> true,
                () -> new DoApi(prism.base(), ApiToken.of("dop_v1_test", "test"), Map.of()));
        OfflineRun run = provision(target);
        assertThat(run.succeeded()).isFalse();
        // fra1 has none of the example VPCs (ours would be its default); the example cluster uses the spec's 10.244/10.245 ranges
        assertThat(run.failure()).contains("DigitalOcean preflight failed (4 problems)", "DOKS offers no Kubernetes 1.33.x", "(gpu) gpu-4000adax1-20gb",
                "no VPC in fra1", "overlaps the pod range 10.244.0.0/16 of cluster prod-cluster-01");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
    }

    @Test
    void passingChecksLetTheProgramRegisterTheCluster() throws Exception {
        PrismServer prism = PrismServer.require();
        // recorded layer: options that offer 1.33 in nyc1; account, Droplets, VPCs, clusters and projects are Prism's examples
        // and the new cluster, when the program waits for it, runs the version asked for
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of("/v2/kubernetes/options", "kubernetes-options.json"),
                (path, body) -> path.matches("/v2/kubernetes/clusters/[0-9a-f-]{36}") ? body.replace("1.18.6-do.0", "1.33.0-do.0") : body)) {
            var target = new DigitalOceanTarget(Fixtures.args().region("nyc1").preflight(true).build(), () -> true,
                    () -> new DoApi(layer.base(), ApiToken.of("dop_v1_test", "test"), Map.of()),
                    api -> new io.codezero.digitalocean.cluster.RunningWait(api, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(15), d -> { }));
            var spec = Fixtures.spec().toBuilder().network(Fixtures.network().podCidr("10.246.0.0/16").serviceCidr("10.247.0.0/16").build()).build();
            OfflineRun run = provision(target, spec);
            assertThat(run.succeeded()).as(run.failure()).isTrue();
            assertThat(run.find("digitalocean:index/kubernetesCluster:KubernetesCluster", "demo-doks")).isPresent();
        }
    }

    @Test
    void theOfflinePlanNeverCallsTheApi() {
        AtomicInteger calls = new AtomicInteger();
        var target = new DigitalOceanTarget(Fixtures.args().preflight(true).build(), () -> false, () -> {
            calls.incrementAndGet();
            throw new AssertionError("the offline plan asked for the DigitalOcean API");
        });
        assertThat(provision(target).succeeded()).isTrue();
        assertThat(calls).hasValue(0);
    }
}
