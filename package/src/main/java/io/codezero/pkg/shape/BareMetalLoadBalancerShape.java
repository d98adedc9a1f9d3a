package io.codezero.pkg.shape;

import java.util.List;

/** {@code baremetal.loadBalancer}. */
@Doc("The load balancer of LoadBalancer Services.")
public final class BareMetalLoadBalancerShape {
    @Doc("`serviceLB` (k3s built-in, default) or `metallb`.")
    String type;

    @Doc("With `metallb`: the address ranges of internet-facing Services.")
    List<String> addresses;

    @Doc("With `metallb`: the address ranges of internal Services.")
    List<String> internalAddresses;

    /** Not constructed: a shape is read by reflection only. */
    private BareMetalLoadBalancerShape() {
    }
}
