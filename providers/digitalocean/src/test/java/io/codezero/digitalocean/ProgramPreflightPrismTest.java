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
        return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            target.provision(Fixtures.spec(), new TargetContext("demo", stack));
        });
    }

    @Test
    void aFailedCheckStopsTheProgramBeforeAnythingIsRegistered() {
        PrismServer prism = PrismServer.require();
        var target = new DigitalOceanTarget(Fixtures.args().preflight(true).build(), () -> true,
                () -> new DoApi(prism.base(), ApiToken.of("dop_v1_test", "test"), Map.of()));
        OfflineRun run = provision(target);
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("DigitalOcean preflight failed (2 problems)", "DOKS offers no Kubernetes 1.33.x", "(gpu) gpu-4000adax1-20gb");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
    }

    @Test
    void passingChecksLetTheProgramRegisterTheCluster() throws Exception {
        PrismServer prism = PrismServer.require();
        // recorded layer: options that offer 1.33 in fra1; account, Droplets and VPCs are Prism's examples
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of("/v2/kubernetes/options", "kubernetes-options.json"))) {
            var target = new DigitalOceanTarget(Fixtures.args().preflight(true).build(), () -> true,
                    () -> new DoApi(layer.base(), ApiToken.of("dop_v1_test", "test"), Map.of()));
            OfflineRun run = provision(target);
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
