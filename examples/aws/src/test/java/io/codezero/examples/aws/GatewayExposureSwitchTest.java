package io.codezero.examples.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.ExamplePlans;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EKS' service controller (cloud-provider-aws, pkg/providers/v1/aws_loadbalancer.go, ensureLoadBalancerv2) keeps an
 * existing NLB as it is ("TODO: Sync internal vs non-internal"): its scheme never follows the annotation. Changing the
 * gateway's exposure on a later {@code up} therefore replaces the gateway Service (deleting the old one first: its name
 * is fixed), so a new NLB of the right scheme is made; the NLB annotations both exposures share do not replace it.
 */
class GatewayExposureSwitchTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = ExamplePlans.planDevStack("codezero-aws", App::stack);
    }

    static PlannedResource gatewayService() {
        return ExamplePlans.gatewayService(run);
    }

    @Test
    void anExposureChangeReplacesTheGatewayServiceBecauseTheControllerNeverChangesAnNlbsScheme() {
        PlannedResource service = gatewayService();
        assertThat(service.replaceOnChanges())
                .containsExactly("metadata.annotations[\"service.beta.kubernetes.io/aws-load-balancer-internal\"]");
        assertThat(service.deleteBeforeReplace()).isTrue();
    }
}
