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

    public NodePool {
        size = Objects.requireNonNullElse(size, MachineSize.of(SizeClass.MEDIUM));
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        taints = List.copyOf(taints == null ? List.of() : taints);
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    public Builder toBuilder() {
        return new Builder().name(name).size(size).min(minNodes).desired(desiredNodes).max(maxNodes)
                .labels(labels).taints(taints).spot(spot);
    }

    public static final class Builder {
        private String name;
        private MachineSize size = MachineSize.of(SizeClass.MEDIUM);
        private int min = 1;
        private int desired = 2;
        private int max = 3;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Taint> taints = new ArrayList<>();
        private boolean spot;

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder size(SizeClass sizeClass) {
            this.size = MachineSize.of(io.codezero.core.validation.Arguments.given(sizeClass, "NodePool.Builder.size"));
            return this;
        }

        public Builder size(MachineSize size) {
            this.size = io.codezero.core.validation.Arguments.given(size, "NodePool.Builder.size");
            return this;
        }

        public Builder machineType(String machineType) {
            this.size = MachineSize.machineType(machineType);
            return this;
        }

        public Builder min(int min) {
            this.min = min;
            return this;
        }

        public Builder desired(int desired) {
            this.desired = desired;
            return this;
        }

        public Builder max(int max) {
            this.max = max;
            return this;
        }

        /** Sets min, desired and max in one call. */
        public Builder scaling(int min, int desired, int max) {
            return min(min).desired(desired).max(max);
        }

        public Builder label(String key, String value) {
            io.codezero.core.validation.Arguments.pair(key, value, "NodePool.Builder.label");
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels.clear();
            this.labels.putAll(io.codezero.core.validation.Arguments.entries(labels, "NodePool.Builder.labels"));
            return this;
        }

        public Builder taint(Taint taint) {
            taints.add(io.codezero.core.validation.Arguments.given(taint, "NodePool.Builder.taint"));
            return this;
        }

        public Builder taints(List<Taint> taints) {
            this.taints.clear();
            this.taints.addAll(io.codezero.core.validation.Arguments.items(taints, "NodePool.Builder.taints"));
            return this;
        }

        public Builder spot(boolean spot) {
            this.spot = spot;
            return this;
        }

        public NodePool build() {
            return new NodePool(name, size, min, desired, max, labels, taints, spot);
        }
    }
}
