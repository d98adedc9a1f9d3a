package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Changing {@code platform.gatewayExposure} (or {@code istio.gateway.exposure}) on a later {@code up} changes only the
 * gateway Service's annotations. Where the target's load-balancer controller cannot turn the existing load balancer
 * internal or internet-facing, that patch would leave the old load balancer as it was (the stack says internal, the
 * load balancer stays public). There the Service is registered with {@code replaceOnChanges} on the exposure annotations
 * and {@code deleteBeforeReplace} (its name is fixed), so the plan shows a replacement and the controller makes a new
 * load balancer of the right kind. Evidence per cloud (each target states it with its flag):
 * <ul>
 *   <li>DigitalOcean: the API's load balancer {@code network} "cannot be updated after creating the load balancer"
 *       (digitalocean/openapi, specification/resources/load_balancers/models/load_balancer_base.yml) — replaced.</li>
 *   <li>AWS: kubernetes/cloud-provider-aws pkg/providers/v1/aws_loadbalancer.go, ensureLoadBalancerv2: an existing NLB
 *       is kept with "TODO: Sync internal vs non-internal" (its scheme is never changed) — replaced.</li>
 *   <li>Azure: kubernetes-sigs/cloud-provider-azure keeps public and internal Services on separate load balancers
 *       ({@code <cluster>} and {@code <cluster>-internal}) and getServiceLoadBalancer looks for the Service only on those of
 *       the wanted kind; that the old public frontend is then removed was not established — replaced.</li>
 *   <li>GKE: kubernetes/cloud-provider-gcp providers/gce/gce_loadbalancer.go, EnsureLoadBalancer: "If the loadbalancer
 *       type changes between INTERNAL and EXTERNAL, the old load balancer should be deleted" — in place.</li>
 *   <li>MetalLB: metallb controller/service.go clears the assignment when a different pool is requested
 *       ("differentPoolRequested") — in place.</li>
 * </ul>
 */
class GatewayExposureSwitchTest {
    static final String SERVICE = "kubernetes:core/v1:Service";
    static final String GATEWAY_SERVICE = "dev-istio-gateway-service";

    static Map<String, Object> platform(String exposure, Map<String, Object> gateway) {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("gatewayExposure", exposure);
        platform.put("istio", new HashMap<>(Map.of("mode", "sidecar", "gateway", gateway)));
        return platform;
    }

    static PlannedResource gatewayService(String exposure, LoadBalancerCapabilities loadBalancers) {
        return gatewayService(exposure, Map.of("replicas", 1), loadBalancers);
    }

    static PlannedResource gatewayService(String exposure, Map<String, Object> gateway, LoadBalancerCapabilities loadBalancers) {
        OfflineRun run = FakeCluster.plan(FakeCluster.read(platform(exposure, gateway)), loadBalancers);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run.get(SERVICE, GATEWAY_SERVICE);
    }

    /** As DigitalOcean states it: one annotation, a value per exposure, and no switch in place. */
    static LoadBalancerCapabilities networkAnnotation(boolean inPlace) {
        return LoadBalancerCapabilities.builder()
                .internetFacing(Map.of("lb.example/network", "EXTERNAL"))
                .internal(Map.of("lb.example/network", "INTERNAL"))
                .exposureSwitchesInPlace(inPlace, "test")
                .build();
    }

    @Test
    void whereTheCloudCannotSwitchALoadBalancerTheExposureAnnotationReplacesTheGatewayServiceDeletingItFirst() {
        for (String exposure : new String[] {"internet-facing", "internal"}) {
            PlannedResource service = gatewayService(exposure, networkAnnotation(false));
            assertThat(service.input("metadata.annotations")).isEqualTo(Map.of("lb.example/network",
                    exposure.equals("internal") ? "INTERNAL" : "EXTERNAL"));
            assertThat(service.replaceOnChanges()).as("an exposure change replaces the Service and its load balancer")
                    .containsExactly("metadata.annotations[\"lb.example/network\"]");
            assertThat(service.deleteBeforeReplace()).as("the Service's name is fixed: the old one goes first").isTrue();
        }
    }

    @Test
    void whereTheControllerSwitchesInPlaceAnExposureChangeStaysAnUpdate() {
        PlannedResource service = gatewayService("internal", networkAnnotation(true));
        assertThat(service.replaceOnChanges()).isEmpty();
        assertThat(service.deleteBeforeReplace()).isFalse();
    }

    @Test
    void whereOneExposureHasNoAnnotationsTheWholeAnnotationMapReplaces() {
        // Azure's way: internet-facing is the default without annotations, internal adds one
        LoadBalancerCapabilities azureLike = LoadBalancerCapabilities.builder()
                .internetFacing(Map.of())
                .internal(Map.of("lb.example/internal", "true"))
                .exposureSwitchesInPlace(false, "test")
                .build();
        PlannedResource service = gatewayService("internet-facing", azureLike);
        assertThat(service.replaceOnChanges()).containsExactly("metadata.annotations");
        assertThat(service.deleteBeforeReplace()).isTrue();
    }

    @Test
    void onlyTheAnnotationsThatDifferBetweenExposuresReplaceNotTheOnesBothShare() {
        // AWS's way: the NLB annotations on both, the internal one added
        LoadBalancerCapabilities awsLike = LoadBalancerCapabilities.builder()
                .internetFacing(Map.of("lb.example/type", "nlb"))
                .internal(Map.of("lb.example/type", "nlb", "lb.example/internal", "true"))
                .exposureSwitchesInPlace(false, "test")
                .defaultExposure(Exposure.INTERNET_FACING)
                .build();
        assertThat(gatewayService("internal", awsLike).replaceOnChanges())
                .containsExactly("metadata.annotations[\"lb.example/internal\"]");
    }

    @Test
    void aTargetThatStatesNothingReplacesBecauseThatIsRightOnEveryCloud() {
        LoadBalancerCapabilities unstated = LoadBalancerCapabilities.builder()
                .internetFacing(Map.of("lb.example/network", "EXTERNAL"))
                .internal(Map.of("lb.example/network", "INTERNAL"))
                .build();
        assertThat(unstated.exposureSwitchesInPlace()).isFalse();
        assertThat(gatewayService("internet-facing", unstated).deleteBeforeReplace()).isTrue();
    }

    @Test
    void aNodePortGatewayHasNoLoadBalancerAndIsNeverReplacedForItsExposure() {
        PlannedResource service = gatewayService("internal", Map.of("replicas", 1, "serviceType", "NodePort"), networkAnnotation(false));
        assertThat(service.input("spec.type")).isEqualTo("NodePort");
        assertThat(service.replaceOnChanges()).isEmpty();
        assertThat(service.deleteBeforeReplace()).isFalse();
    }

    @Test
    void aClusterWithoutLoadBalancersHasNothingToReplace() {
        assertThat(gatewayService("internal", LoadBalancerCapabilities.nodeLocal()).replaceOnChanges()).isEmpty();
    }
}
