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

    /**
     * A builder: add the exposures the target can provide, with their Service annotations.
     *
     * @return a new builder (internet-facing by default, assigning addresses)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A target without a load balancer: LoadBalancer services would wait for an address forever.
     *
     * @return capabilities with both exposures and no addresses
     */
    public static LoadBalancerCapabilities nodeLocal() {
        return builder().internetFacing(Map.of()).internal(Map.of()).assignsAddresses(false).build();
    }

    /**
     * Whether a Service of type LoadBalancer gets an address on this target without anything else
     * running (a cloud load balancer, k3s ServiceLB, MetalLB). Where it does not (minikube without
     * {@code minikube tunnel}), layers expose gateways as NodePort instead of waiting forever.
     *
     * @return true when LoadBalancer Services get an address
     */
    public boolean assignsAddresses() {
        return assignsAddresses;
    }

    /**
     * Whether the target can expose a Service this way.
     *
     * @param exposure internet-facing or internal
     * @return true when it can
     */
    public boolean supports(Exposure exposure) {
        return annotations.containsKey(exposure);
    }

    /**
     * Annotations for a Service with the given exposure, or empty if the target cannot provide it.
     *
     * @param exposure internet-facing or internal
     * @return the Service annotations, or empty
     */
    public Optional<Map<String, String>> annotationsFor(Exposure exposure) {
        return Optional.ofNullable(annotations.get(exposure));
    }

    /**
     * The exposure a Service gets when the program asks for none.
     *
     * @return the default exposure, one the target supports
     */
    public Exposure defaultExposure() {
        return defaultExposure;
    }

    @Override
    public String toString() {
        return "LoadBalancerCapabilities" + annotations + ", default " + defaultExposure + (assignsAddresses ? "" : ", no addresses");
    }

    /** Collects the exposures a target supports; {@link #build()} checks the default is one of them. */
    public static final class Builder {
        private final Map<Exposure, Map<String, String>> annotations = new EnumMap<>(Exposure.class);
        private Exposure defaultExposure = Exposure.INTERNET_FACING;
        private boolean assignsAddresses = true;

        /**
         * The target can expose a Service to the internet with these annotations.
         *
         * @param serviceAnnotations the Service's annotations (may be empty)
         * @return this builder
         */
        public Builder internetFacing(Map<String, String> serviceAnnotations) {
            annotations.put(Exposure.INTERNET_FACING, Map.copyOf(serviceAnnotations));
            return this;
        }

        /**
         * The target can expose a Service to its own network only, with these annotations.
         *
         * @param serviceAnnotations the Service's annotations (may be empty)
         * @return this builder
         */
        public Builder internal(Map<String, String> serviceAnnotations) {
            annotations.put(Exposure.INTERNAL, Map.copyOf(serviceAnnotations));
            return this;
        }

        /**
         * The exposure a Service gets when the program asks for none.
         *
         * @param exposure internet-facing (the default) or internal
         * @return this builder
         */
        public Builder defaultExposure(Exposure exposure) {
            this.defaultExposure = exposure;
            return this;
        }

        /**
         * Whether LoadBalancer Services get an address without anything else running.
         *
         * @param assignsAddresses true (the default) for a cloud load balancer, k3s ServiceLB or MetalLB
         * @return this builder
         */
        public Builder assignsAddresses(boolean assignsAddresses) {
            this.assignsAddresses = assignsAddresses;
            return this;
        }

        /**
         * The capabilities.
         *
         * @return the capabilities
         * @throws IllegalStateException when the default exposure is not one the target supports
         */
        public LoadBalancerCapabilities build() {
            if (!annotations.containsKey(defaultExposure)) {
                throw new IllegalStateException("default exposure " + defaultExposure + " is not supported by this target");
            }
            return new LoadBalancerCapabilities(annotations, defaultExposure, assignsAddresses);
        }
    }
}
