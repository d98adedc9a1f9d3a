package io.codezero.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A group of identical worker nodes. Immutable; build with {@link #builder(String)}. */
public record NodePool(
        String name,
        MachineSize size,
        int minNodes,
        int desiredNodes,
        int maxNodes,
        Map<String, String> labels,
        List<Taint> taints,
        boolean spot) {

    /**
     * Copies the labels and taints; a missing size is {@link SizeClass#MEDIUM}. Nothing else is checked here: the
     * stack's validation reports every problem at once.
     *
     * @param name the pool's name
     * @param size the machines' size; null means medium
     * @param minNodes the fewest nodes
     * @param desiredNodes the nodes to start with
     * @param maxNodes the most nodes
     * @param labels labels on every node
     * @param taints taints on every node
     * @param spot whether the machines are spot machines
     */
    public NodePool {
        size = Objects.requireNonNullElse(size, MachineSize.of(SizeClass.MEDIUM));
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        taints = List.copyOf(taints == null ? List.of() : taints);
    }

    /**
     * A pool named {@code name}: size medium, scaling 1 / 2 / 3, no labels, taints or spot.
     *
     * @param name the pool's name, a DNS label of at most 32 characters, unique in the cluster
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /**
     * A builder holding this pool's values, to derive a changed copy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().name(name).size(size).min(minNodes).desired(desiredNodes).max(maxNodes)
                .labels(labels).taints(taints).spot(spot);
    }

    /** Builds a {@link NodePool}; every method takes no nulls (a null is reported as a problem of the program). */
    public static final class Builder {
        private String name;
        private MachineSize size = MachineSize.of(SizeClass.MEDIUM);
        private int min = 1;
        private int desired = 2;
        private int max = 3;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Taint> taints = new ArrayList<>();
        private boolean spot;

        /**
         * The pool's name.
         *
         * @param name a DNS label of at most 32 characters, unique in the cluster
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The machines' size as a class each target maps to its own machine type.
         *
         * @param sizeClass small, medium, large or gpu
         * @return this builder
         */
        public Builder size(SizeClass sizeClass) {
            this.size = MachineSize.of(io.codezero.core.validation.Arguments.given(sizeClass, "NodePool.Builder.size"));
            return this;
        }

        /**
         * The machines' size as a class or a target's own machine type.
         *
         * @param size the size
         * @return this builder
         */
        public Builder size(MachineSize size) {
            this.size = io.codezero.core.validation.Arguments.given(size, "NodePool.Builder.size");
            return this;
        }

        /**
         * The target's own machine type instead of a size class, e.g. {@code m7i.large} on AWS.
         *
         * @param machineType the cloud's machine type name
         * @return this builder
         */
        public Builder machineType(String machineType) {
            this.size = MachineSize.machineType(machineType);
            return this;
        }

        /**
         * The fewest nodes the autoscaler keeps; default 1.
         *
         * @param min 0 or more, at most desired
         * @return this builder
         */
        public Builder min(int min) {
            this.min = min;
            return this;
        }

        /**
         * The nodes the pool starts with; default 2.
         *
         * @param desired between min and max
         * @return this builder
         */
        public Builder desired(int desired) {
            this.desired = desired;
            return this;
        }

        /**
         * The most nodes the autoscaler adds; default 3.
         *
         * @param max 1 or more, at least desired
         * @return this builder
         */
        public Builder max(int max) {
            this.max = max;
            return this;
        }

        /**
         * Sets min, desired and max in one call.
         *
         * @param min the fewest nodes
         * @param desired the nodes to start with
         * @param max the most nodes
         * @return this builder
         */
        public Builder scaling(int min, int desired, int max) {
            return min(min).desired(desired).max(max);
        }

        /**
         * A Kubernetes label every node of the pool carries.
         *
         * @param key the label key, [prefix/]name
         * @param value the label value
         * @return this builder
         */
        public Builder label(String key, String value) {
            io.codezero.core.validation.Arguments.pair(key, value, "NodePool.Builder.label");
            labels.put(key, value);
            return this;
        }

        /**
         * Replaces the pool's labels.
         *
         * @param labels label keys and values
         * @return this builder
         */
        public Builder labels(Map<String, String> labels) {
            this.labels.clear();
            this.labels.putAll(io.codezero.core.validation.Arguments.entries(labels, "NodePool.Builder.labels"));
            return this;
        }

        /**
         * A taint every node of the pool carries, so only pods tolerating it run there.
         *
         * @param taint the taint
         * @return this builder
         */
        public Builder taint(Taint taint) {
            taints.add(io.codezero.core.validation.Arguments.given(taint, "NodePool.Builder.taint"));
            return this;
        }

        /**
         * Replaces the pool's taints.
         *
         * @param taints the taints
         * @return this builder
         */
        public Builder taints(List<Taint> taints) {
            this.taints.clear();
            this.taints.addAll(io.codezero.core.validation.Arguments.items(taints, "NodePool.Builder.taints"));
            return this;
        }

        /**
         * Whether the pool uses spot (preemptible) machines where the target offers them.
         *
         * @param spot true for spot machines
         * @return this builder
         */
        public Builder spot(boolean spot) {
            this.spot = spot;
            return this;
        }

        /**
         * The pool as given; the stack checks it with everything else.
         *
         * @return the pool
         */
        public NodePool build() {
            return new NodePool(name, size, min, desired, max, labels, taints, spot);
        }
    }
}
