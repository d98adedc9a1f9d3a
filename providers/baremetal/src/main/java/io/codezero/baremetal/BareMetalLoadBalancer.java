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
    /** Which load balancer implementation hands out addresses. */
    public enum Kind {
        /** k3s's built-in ServiceLB: the nodes' own addresses. */
        SERVICE_LB,
        /** MetalLB, from the address pools given. */
        METALLB
    }

    /** MetalLB pool name of {@code publicAddresses}, which internet-facing services use. */
    public static final String PUBLIC_POOL = "codezero-public";
    /** MetalLB pool name of {@code internalAddresses}, which internal services use when that list is not empty. */
    public static final String INTERNAL_POOL = "codezero-internal";
    /** The Service annotation that picks a MetalLB pool. */
    public static final String METALLB_POOL_ANNOTATION = "metallb.universe.tf/address-pool";

    /**
     * Copies the lists; {@code null} lists count as empty.
     * @param kind ServiceLB or MetalLB
     * @param publicAddresses MetalLB pool for internet-facing services, ranges or CIDRs
     * @param internalAddresses MetalLB pool for internal services; empty means the public pool
     */
    public BareMetalLoadBalancer {
        publicAddresses = List.copyOf(publicAddresses == null ? List.of() : publicAddresses);
        internalAddresses = List.copyOf(internalAddresses == null ? List.of() : internalAddresses);
    }

    /** {@return k3s's ServiceLB: every LoadBalancer Service answers on the nodes' own addresses (the default)} */
    public static BareMetalLoadBalancer serviceLb() {
        return new BareMetalLoadBalancer(Kind.SERVICE_LB, List.of(), List.of());
    }

    /**
     * MetalLB with addresses the user owns on the machines' network.
     * @param publicAddresses ranges ({@code 10.0.0.200-10.0.0.220}) or CIDRs for internet-facing services; at least
     *     one
     * @param internalAddresses ranges or CIDRs for internal services; empty to share the public pool
     * @return the MetalLB choice
     */
    public static BareMetalLoadBalancer metalLb(List<String> publicAddresses, List<String> internalAddresses) {
        return new BareMetalLoadBalancer(Kind.METALLB, publicAddresses, internalAddresses);
    }

    /**
     * ServiceLB answers on every node's address and needs no annotation for either exposure: whether
     * that is "internet-facing" depends on the machines' network, which the user chose. MetalLB picks
     * the pool by annotation.
     * @return the annotations per exposure, defaulting to internet-facing
     */
    public LoadBalancerCapabilities capabilities() {
        if (kind == Kind.SERVICE_LB) {
            return LoadBalancerCapabilities.builder().internetFacing(Map.of()).internal(Map.of()).exposureSwitchesInPlace(true, "k3s ServiceLB: no exposure annotations, the Service is the same for both")
                    .defaultExposure(Exposure.INTERNET_FACING).build();
        }
        String internalPool = internalAddresses.isEmpty() ? PUBLIC_POOL : INTERNAL_POOL;
        return LoadBalancerCapabilities.builder()
                .internetFacing(Map.of(METALLB_POOL_ANNOTATION, PUBLIC_POOL))
                .internal(Map.of(METALLB_POOL_ANNOTATION, internalPool)).exposureSwitchesInPlace(true, "MetalLB re-assigns an address from the newly requested pool (\"differentPoolRequested\", https://github.com/metallb/metallb/blob/main/controller/service.go)")
                .defaultExposure(Exposure.INTERNET_FACING).build();
    }
}
