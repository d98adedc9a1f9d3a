package io.codezero.baremetal;

import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import java.util.List;
import java.util.Map;

/**
 * How Services of type LoadBalancer get addresses on machines: k3s's built-in ServiceLB (klipper,
 * node addresses; the default) or MetalLB with address pools the user owns.
 *
 * @param publicAddresses   MetalLB pool for internet-facing services (ranges or CIDRs)
 * @param internalAddresses MetalLB pool for internal services; empty means internal uses the public pool
 */
public record BareMetalLoadBalancer(Kind kind, List<String> publicAddresses, List<String> internalAddresses) {
    public enum Kind { SERVICE_LB, METALLB }

    public static final String PUBLIC_POOL = "codezero-public";
    public static final String INTERNAL_POOL = "codezero-internal";
    public static final String METALLB_POOL_ANNOTATION = "metallb.universe.tf/address-pool";

    public BareMetalLoadBalancer {
        publicAddresses = List.copyOf(publicAddresses == null ? List.of() : publicAddresses);
        internalAddresses = List.copyOf(internalAddresses == null ? List.of() : internalAddresses);
    }

    public static BareMetalLoadBalancer serviceLb() {
        return new BareMetalLoadBalancer(Kind.SERVICE_LB, List.of(), List.of());
    }

    public static BareMetalLoadBalancer metalLb(List<String> publicAddresses, List<String> internalAddresses) {
        return new BareMetalLoadBalancer(Kind.METALLB, publicAddresses, internalAddresses);
    }

    /**
     * ServiceLB answers on every node's address and needs no annotation for either exposure: whether
     * that is "internet-facing" depends on the machines' network, which the user chose. MetalLB picks
     * the pool by annotation.
     */
    public LoadBalancerCapabilities capabilities() {
        if (kind == Kind.SERVICE_LB) {
            return LoadBalancerCapabilities.builder().internetFacing(Map.of()).internal(Map.of())
                    .defaultExposure(Exposure.INTERNET_FACING).build();
        }
        String internalPool = internalAddresses.isEmpty() ? PUBLIC_POOL : INTERNAL_POOL;
        return LoadBalancerCapabilities.builder()
                .internetFacing(Map.of(METALLB_POOL_ANNOTATION, PUBLIC_POOL))
                .internal(Map.of(METALLB_POOL_ANNOTATION, internalPool))
                .defaultExposure(Exposure.INTERNET_FACING).build();
    }
}
