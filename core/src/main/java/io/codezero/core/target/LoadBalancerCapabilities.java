package io.codezero.core.target;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a target exposes a Service of type LoadBalancer: the annotations that make it internet-facing
 * or internal, and which of the two the target can do at all (a laptop cluster may do neither), and whether
 * the target's load-balancer controller can switch an existing load balancer between the two
 * ({@link #exposureSwitchesInPlace()}).
 */
public final class LoadBalancerCapabilities {
    private final Map<Exposure, Map<String, String>> annotations;
    private final Exposure defaultExposure;
    private final boolean assignsAddresses;
    private final boolean exposureSwitchesInPlace;
    private final String exposureSwitchEvidence;

    private LoadBalancerCapabilities(Map<Exposure, Map<String, String>> annotations, Exposure defaultExposure, boolean assignsAddresses,
                                     boolean exposureSwitchesInPlace, String exposureSwitchEvidence) {
        this.annotations = Map.copyOf(annotations);
        this.defaultExposure = defaultExposure;
        this.assignsAddresses = assignsAddresses;
        this.exposureSwitchesInPlace = exposureSwitchesInPlace;
        this.exposureSwitchEvidence = exposureSwitchEvidence;
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
        return builder().internetFacing(Map.of()).internal(Map.of()).assignsAddresses(false)
                .exposureSwitchesInPlace(true, "no annotations: the Service is the same for both exposures").build();
    }

    /**
     * Whether the target's load-balancer controller turns an existing Service's load balancer from internet-facing
     * into internal (or back) when only the Service's annotations change. Where it cannot (DigitalOcean's API refuses
     * to change a load balancer's network; the AWS controller never syncs an existing load balancer's scheme), the
     * annotation would change and the load balancer would not: the stack would say internal while the load balancer
     * stays public.
     *
     * @return true when an annotation change is enough; false when the Service must be replaced
     */
    public boolean exposureSwitchesInPlace() {
        return exposureSwitchesInPlace;
    }

    /**
     * Where the target's answer to {@link #exposureSwitchesInPlace()} comes from (its documentation or its
     * controller's source).
     *
     * @return the evidence, as the target stated it
     */
    public String exposureSwitchEvidence() {
        return exposureSwitchEvidence;
    }

    /**
     * The Service property paths (Pulumi {@code replaceOnChanges} syntax) whose change is a change of exposure that
     * the target cannot make in place, so the Service, and the load balancer behind it, must be replaced: the
     * annotations whose values differ between the two exposures. Where one exposure has no annotations at all, the
     * whole annotation map appears or disappears on a switch (the engine then reports the map, not a key), so the
     * path is the map itself; the map holds nothing but this target's exposure annotations, so nothing else changes it.
     * Empty where the target switches in place, offers only one exposure, or both carry the same annotations.
     *
     * @return the paths, sorted; empty when an update is enough
     */
    public List<String> replaceOnExposureChange() {
        // pulumi-kubernetes (provider/pkg/provider/diff.go, addPatchValueToDiff) reports a changed key of a map both
        // sides have at the key's path (`metadata.annotations["a/b"]`) but a map that appears or disappears at the map's
        // own path; the engine replaces when a listed path contains a reported one (pulumi/pulumi, step generator,
        // applyReplaceOnChanges). So a key path fits only where both exposures carry annotations.
        Map<String, String> internetFacing = annotations.get(Exposure.INTERNET_FACING);
        Map<String, String> internal = annotations.get(Exposure.INTERNAL);
        if (exposureSwitchesInPlace || internetFacing == null || internal == null || internetFacing.equals(internal)) {
            return List.of();
        }
        if (internetFacing.isEmpty() || internal.isEmpty()) {
            return List.of("metadata.annotations");
        }
        TreeSet<String> keys = new TreeSet<>(internetFacing.keySet());
        keys.addAll(internal.keySet());
        return keys.stream().filter(k -> !Objects.equals(internetFacing.get(k), internal.get(k)))
                .map(k -> "metadata.annotations[\"" + k + "\"]").toList();
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
        return "LoadBalancerCapabilities" + annotations + ", default " + defaultExposure + (assignsAddresses ? "" : ", no addresses")
                + (exposureSwitchesInPlace ? ", exposure switches in place" : ", exposure switch replaces the Service");
    }

    /** Collects the exposures a target supports; {@link #build()} checks the default is one of them. */
    public static final class Builder {
        private final Map<Exposure, Map<String, String>> annotations = new EnumMap<>(Exposure.class);
        private Exposure defaultExposure = Exposure.INTERNET_FACING;
        private boolean assignsAddresses = true;
        private boolean exposureSwitchesInPlace = false;
        private String exposureSwitchEvidence = "not stated by the target: the Service is replaced, which is right everywhere";

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
         * Whether the target's load-balancer controller switches an existing load balancer between internet-facing and
         * internal when the Service's annotations change ({@link LoadBalancerCapabilities#exposureSwitchesInPlace()}).
         * Unstated, the Service is replaced on a switch: that is right on every cloud, an update only where the
         * controller really moves the Service.
         *
         * @param inPlace  true when an annotation change is enough
         * @param evidence where that comes from (a documentation page or the controller's source), for reviewers and errors
         * @return this builder
         */
        public Builder exposureSwitchesInPlace(boolean inPlace, String evidence) {
            this.exposureSwitchesInPlace = inPlace;
            this.exposureSwitchEvidence = Objects.requireNonNull(evidence, "evidence");
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
            return new LoadBalancerCapabilities(annotations, defaultExposure, assignsAddresses, exposureSwitchesInPlace, exposureSwitchEvidence);
        }
    }
}
