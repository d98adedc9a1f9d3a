package io.codezero.examples.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.ExamplePlans;
import java.io.IOException;
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
        run = ExamplePlans.planDevStack("codezero-gcp", App::stack);
    }

    static PlannedResource gatewayService() {
        return ExamplePlans.gatewayService(run);
    }

    @Test
    void anExposureChangeStaysAnUpdateBecauseGkesControllerReplacesTheLoadBalancerItself() {
        PlannedResource service = gatewayService();
        assertThat(service.replaceOnChanges()).isEmpty();
        assertThat(service.deleteBeforeReplace()).isFalse();
    }
}
