package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.target.LoadBalancerCapabilities;
import org.junit.jupiter.api.Test;

/**
 * cloud-provider-azure keeps a cluster's public and internal Services on separate load balancers and looks for a
 * Service only on those of the kind its annotation asks for (pkg/provider/azure_loadbalancer.go,
 * getServiceLoadBalancer); that the old public frontend is removed when only the annotation changes was not
 * established. AKS therefore states that an exposure change replaces the gateway Service; the platform's
 * GatewayExposureSwitchTest holds what the layer registers from it, examples/azure's the example's Service.
 */
class GatewayExposureSwitchTest {
    @Test
    void anExposureChangeReplacesTheGatewayServiceSinceTheOldFrontendsRemovalIsNotEstablished() {
        LoadBalancerCapabilities loadBalancers = AzureTarget.loadBalancers();
        assertThat(loadBalancers.exposureSwitchesInPlace()).isFalse();
        assertThat(loadBalancers.exposureSwitchEvidence()).contains("cloud-provider-azure");
        // internet-facing carries no annotation: the whole map appears or disappears on a switch
        assertThat(loadBalancers.replaceOnExposureChange()).containsExactly("metadata.annotations");
    }
}
