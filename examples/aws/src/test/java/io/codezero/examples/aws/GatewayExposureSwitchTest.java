package io.codezero.examples.aws;

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
 * EKS' service controller (cloud-provider-aws, pkg/providers/v1/aws_loadbalancer.go, ensureLoadBalancerv2) keeps an
 * existing NLB as it is ("TODO: Sync internal vs non-internal"): its scheme never follows the annotation. Changing the
 * gateway's exposure on a later {@code up} therefore replaces the gateway Service (deleting the old one first: its name
 * is fixed), so a new NLB of the right scheme is made; the NLB annotations both exposures share do not replace it.
 */
class GatewayExposureSwitchTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = OfflineEngine.create().project("codezero-aws").stack("dev")
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
    void anExposureChangeReplacesTheGatewayServiceBecauseTheControllerNeverChangesAnNlbsScheme() {
        PlannedResource service = gatewayService();
        assertThat(service.replaceOnChanges())
                .containsExactly("metadata.annotations[\"service.beta.kubernetes.io/aws-load-balancer-internal\"]");
        assertThat(service.deleteBeforeReplace()).isTrue();
    }
}
