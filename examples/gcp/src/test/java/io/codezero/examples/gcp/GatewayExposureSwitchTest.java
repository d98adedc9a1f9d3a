package io.codezero.examples.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.StackConfigs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GKE's service controller switches a Service's load balancer between external and internal itself
 * (cloud-provider-gcp, providers/gce/gce_loadbalancer.go, EnsureLoadBalancer: "If the loadbalancer type changes between
 * INTERNAL and EXTERNAL, the old load balancer should be deleted"), so changing the gateway's exposure stays an update
 * of the Service's annotation (the address still changes).
 */
class GatewayExposureSwitchTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = OfflineEngine.create().project("codezero-gcp").stack("dev")
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(App::stack);
    }

    static PlannedResource gatewayService() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run.where(r -> r.type().equals("kubernetes:core/v1:Service") && "istio-ingressgateway".equals(r.input("metadata.name")))
                .stream().findFirst().orElseThrow();
    }

    @Test
    void anExposureChangeStaysAnUpdateBecauseGkesControllerReplacesTheLoadBalancerItself() {
        PlannedResource service = gatewayService();
        assertThat(service.replaceOnChanges()).isEmpty();
        assertThat(service.deleteBeforeReplace()).isFalse();
    }
}
