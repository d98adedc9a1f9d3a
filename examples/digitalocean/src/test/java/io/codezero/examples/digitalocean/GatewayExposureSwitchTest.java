package io.codezero.examples.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.ExamplePlans;
import io.codezero.core.testing.TestPrerequisites;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DigitalOcean load balancer's network (EXTERNAL or INTERNAL) cannot change once it exists, so changing the gateway's
 * exposure on a later {@code up} replaces the gateway Service (deleting the old one first: its name is fixed) and DOKS'
 * cloud controller makes a new load balancer on the right network; an annotation patch alone would leave the old one.
 * The premise is read from DigitalOcean's API specification (digitalocean/openapi,
 * specification/resources/load_balancers/models/load_balancer_base.yml, property {@code network}).
 */
class GatewayExposureSwitchTest {
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        run = ExamplePlans.planDevStack("codezero-digitalocean", App::stack);
    }

    static PlannedResource gatewayService() {
        return ExamplePlans.gatewayService(run);
    }

    /** DigitalOcean's OpenAPI specification, as the provider module's Prism tests find it ({@code -Dcodezero.do.apispec}). */
    static Path loadBalancerModel() {
        Path entry = Path.of(System.getProperty("codezero.do.apispec",
                "../../../shared/apispecs/digitalocean/specification/DigitalOcean-public.v2.yaml"));
        return entry.resolveSibling("resources/load_balancers/models/load_balancer_base.yml");
    }

    @Test
    void theLoadBalancersNetworkCannotChangeSoAnExposureChangeReplacesTheGatewayServiceDeletingItFirst() throws IOException {
        Path model = loadBalancerModel();
        TestPrerequisites.require(Files.isRegularFile(model), "DigitalOcean's OpenAPI specification not found at "
                + model.toAbsolutePath() + ": set -Dcodezero.do.apispec=<path to DigitalOcean-public.v2.yaml>");
        String network = Files.readString(model);
        network = network.substring(network.indexOf("\n  network:"));
        network = network.substring(0, network.indexOf("\n  network_stack:")).replaceAll("\\s+", " ");
        assertThat(network).as("the specification's word on a load balancer's network").contains("INTERNAL")
                .contains("cannot be updated after creating the load balancer");

        PlannedResource service = gatewayService();
        assertThat(service.input("metadata.annotations")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("service.beta.kubernetes.io/do-loadbalancer-network", "EXTERNAL");
        assertThat(service.replaceOnChanges())
                .containsExactly("metadata.annotations[\"service.beta.kubernetes.io/do-loadbalancer-network\"]");
        assertThat(service.deleteBeforeReplace()).isTrue();
    }
}
