package io.codezero.core.spec;

import io.codezero.core.Versions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asked for, known at program time. Targets turn it into cloud resources;
 * {@link io.codezero.core.validation.ClusterSpecValidator} checks it before anything is registered.
 */
public record ClusterSpec(
        String name,
        String kubernetesVersion,
        List<NodePool> nodePools,
        NetworkSpec network,
        Map<String, String> tags) {

    public ClusterSpec {
        nodePools = List.copyOf(nodePools == null ? List.of() : nodePools);
        network = Objects.requireNonNullElse(network, NetworkSpec.defaults());
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** The pool a creating target makes when the spec names none: the smallest thing that runs workloads. */
    public static final String DEFAULT_POOL = "system";

    /** The pools a target that creates nodes makes: the given ones, or one default pool when none were given. */
    public List<NodePool> nodePoolsOrDefault() {
        return nodePools.isEmpty() ? List.of(NodePool.builder(DEFAULT_POOL).build()) : nodePools;
    }

    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    public Builder toBuilder() {
        return new Builder().name(name).kubernetesVersion(kubernetesVersion).nodePools(nodePools)
                .network(network).tags(tags);
    }

    public static final class Builder {
        private String name;
        private String kubernetesVersion = Versions.KUBERNETES_DEFAULT;
        private final List<NodePool> nodePools = new ArrayList<>();
        private NetworkSpec network = NetworkSpec.defaults();
        private final Map<String, String> tags = new LinkedHashMap<>();

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            return this;
        }

        public Builder nodePool(NodePool pool) {
            nodePools.add(io.codezero.core.validation.Arguments.given(pool, "ClusterSpec.Builder.nodePool"));
            return this;
        }

        public Builder nodePools(List<NodePool> pools) {
            nodePools.clear();
            nodePools.addAll(io.codezero.core.validation.Arguments.items(pools, "ClusterSpec.Builder.nodePools"));
            return this;
        }

        public Builder network(NetworkSpec network) {
            this.network = network;
            return this;
        }

        public Builder tag(String key, String value) {
            io.codezero.core.validation.Arguments.pair(key, value, "ClusterSpec.Builder.tag");
            tags.put(key, value);
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(io.codezero.core.validation.Arguments.entries(tags, "ClusterSpec.Builder.tags"));
            return this;
        }

        /** The spec as given: no pools means "the target's default" ({@link ClusterSpec#nodePoolsOrDefault()}). */
        public ClusterSpec build() {
            return new ClusterSpec(name, kubernetesVersion, nodePools, network, tags);
        }
    }
}
