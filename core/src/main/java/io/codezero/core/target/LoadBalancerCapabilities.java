package io.codezero.core.target;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a target exposes a Service of type LoadBalancer: the annotations that make it internet-facing
 * or internal, and which of the two the target can do at all (a laptop cluster may do neither).
 */
public final class LoadBalancerCapabilities {
    private final Map<Exposure, Map<String, String>> annotations;
    private final Exposure defaultExposure;
    private final boolean assignsAddresses;

    private LoadBalancerCapabilities(Map<Exposure, Map<String, String>> annotations, Exposure defaultExposure, boolean assignsAddresses) {
        this.annotations = Map.copyOf(annotations);
        this.defaultExposure = defaultExposure;
        this.assignsAddresses = assignsAddresses;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A target without a load balancer: LoadBalancer services would wait for an address forever. */
    public static LoadBalancerCapabilities nodeLocal() {
        return builder().internetFacing(Map.of()).internal(Map.of()).assignsAddresses(false).build();
    }

    /**
     * Whether a Service of type LoadBalancer gets an address on this target without anything else
     * running (a cloud load balancer, k3s ServiceLB, MetalLB). Where it does not (minikube without
     * {@code minikube tunnel}), layers expose gateways as NodePort instead of waiting forever.
     */
    public boolean assignsAddresses() {
        return assignsAddresses;
    }

    public boolean supports(Exposure exposure) {
        return annotations.containsKey(exposure);
    }

    /** Annotations for a Service with the given exposure, or empty if the target cannot provide it. */
    public Optional<Map<String, String>> annotationsFor(Exposure exposure) {
        return Optional.ofNullable(annotations.get(exposure));
    }

    public Exposure defaultExposure() {
        return defaultExposure;
    }

    @Override
    public String toString() {
        return "LoadBalancerCapabilities" + annotations + ", default " + defaultExposure + (assignsAddresses ? "" : ", no addresses");
    }

    public static final class Builder {
        private final Map<Exposure, Map<String, String>> annotations = new EnumMap<>(Exposure.class);
        private Exposure defaultExposure = Exposure.INTERNET_FACING;
        private boolean assignsAddresses = true;

        public Builder internetFacing(Map<String, String> serviceAnnotations) {
            annotations.put(Exposure.INTERNET_FACING, Map.copyOf(serviceAnnotations));
            return this;
        }

        public Builder internal(Map<String, String> serviceAnnotations) {
            annotations.put(Exposure.INTERNAL, Map.copyOf(serviceAnnotations));
            return this;
        }

        public Builder defaultExposure(Exposure exposure) {
            this.defaultExposure = exposure;
            return this;
        }

        public Builder assignsAddresses(boolean assignsAddresses) {
            this.assignsAddresses = assignsAddresses;
            return this;
        }

        public LoadBalancerCapabilities build() {
            if (!annotations.containsKey(defaultExposure)) {
                throw new IllegalStateException("default exposure " + defaultExposure + " is not supported by this target");
            }
            return new LoadBalancerCapabilities(annotations, defaultExposure, assignsAddresses);
        }
    }
}
