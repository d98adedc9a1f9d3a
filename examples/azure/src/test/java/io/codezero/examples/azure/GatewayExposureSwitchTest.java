package io.codezero.examples.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.ExamplePlans;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AKS' service controller (cloud-provider-azure) keeps public and internal Services on separate load balancers and looks
 * for a Service only on those of the wanted kind (azure_loadbalancer.go, getServiceLoadBalancer); that the old public
 * frontend is removed when only the annotation changes was not established. Changing the gateway's exposure on a later
 * {@code up} therefore replaces the gateway Service (deleting the old one first: its name is fixed). Internet-facing
 * carries no annotation, so the whole annotation map appears or disappears and is the path that replaces.
 */
class GatewayExposureSwitchTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = ExamplePlans.planDevStack("codezero-azure", App::stack);
    }

    static PlannedResource gatewayService() {
        return ExamplePlans.gatewayService(run);
    }

    @Test
    void anExposureChangeReplacesTheGatewayServiceDeletingTheOldOneAndItsFrontendFirst() {
        PlannedResource service = gatewayService();
        assertThat(service.replaceOnChanges()).containsExactly("metadata.annotations");
        assertThat(service.deleteBeforeReplace()).isTrue();
    }
}
