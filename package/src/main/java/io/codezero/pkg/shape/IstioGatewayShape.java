package io.codezero.pkg.shape;

import java.util.List;

/** {@code platform.istio.gateway}. */
@Doc("The ingress gateway.")
public final class IstioGatewayShape {
    @Doc("The gateway's namespace.")
    String namespace;

    @Doc("Gateway replicas.")
    Integer replicas;

    @Doc("internet-facing or internal: how the gateway's load balancer is exposed.")
    String exposure;

    @Doc("LoadBalancer or NodePort; defaults to what the cluster offers.")
    String serviceType;

    @Doc("More host names the gateway serves (besides the platform's domain).")
    List<String> extraHosts;

    private IstioGatewayShape() {
    }
}
