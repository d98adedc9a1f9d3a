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

    /**
     * Copies the pools and tags; a missing network is {@link NetworkSpec#defaults()}. Nothing else is checked here.
     *
     * @param name the cluster's name
     * @param kubernetesVersion the Kubernetes minor version, e.g. "1.34" (no patch)
     * @param nodePools the pools; empty means the target's default pool
     * @param network the network; null means the defaults
     * @param tags tags on the target's cloud resources
     */
    public ClusterSpec {
        nodePools = List.copyOf(nodePools == null ? List.of() : nodePools);
        network = Objects.requireNonNullElse(network, NetworkSpec.defaults());
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    /** The pool a creating target makes when the spec names none: the smallest thing that runs workloads. */
    public static final String DEFAULT_POOL = "system";

    /**
     * The pools a target that creates nodes makes: the given ones, or one default pool when none were given.
     *
     * @return the pools to create
     */
    public List<NodePool> nodePoolsOrDefault() {
        return nodePools.isEmpty() ? List.of(NodePool.builder(DEFAULT_POOL).build()) : nodePools;
    }

    /**
     * A spec named {@code name}, at Kubernetes {@value io.codezero.core.Versions#KUBERNETES_DEFAULT}, with no pools (the target's default pool), the default network and no tags.
     *
     * @param name the cluster's name: 1-40 lowercase letters, digits or '-', starting with a letter
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /**
     * A builder holding this spec's values, to derive a changed copy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().name(name).kubernetesVersion(kubernetesVersion).nodePools(nodePools)
                .network(network).tags(tags);
    }

    /** Builds a {@link ClusterSpec}; every method takes no nulls (a null is reported as a problem of the program). */
    public static final class Builder {
        private String name;
        private String kubernetesVersion = Versions.KUBERNETES_DEFAULT;
        private final List<NodePool> nodePools = new ArrayList<>();
        private NetworkSpec network = NetworkSpec.defaults();
        private final Map<String, String> tags = new LinkedHashMap<>();

        /**
         * The cluster's name, also the name of the cloud's cluster resource.
         *
         * @param name 1-40 lowercase letters, digits or '-', starting with a letter
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The Kubernetes minor version, without a patch: one of 1.32, 1.33, 1.34 or 1.35 ({@link io.codezero.core.Versions#KUBERNETES_SUPPORTED}); default 1.34. Each target installs the newest patch release of that minor it supports; a patch version such as 1.34.2 is refused with the minor to give.
         *
         * @param version for example "1.34"
         * @return this builder
         */
        public Builder kubernetesVersion(String version) {
            this.kubernetesVersion = version;
            return this;
        }

        /**
         * Adds a node pool; without any, a creating target makes one default pool.
         *
         * @param pool the pool
         * @return this builder
         */
        public Builder nodePool(NodePool pool) {
            nodePools.add(io.codezero.core.validation.Arguments.given(pool, "ClusterSpec.Builder.nodePool"));
            return this;
        }

        /**
         * Replaces the node pools.
         *
         * @param pools the pools
         * @return this builder
         */
        public Builder nodePools(List<NodePool> pools) {
            nodePools.clear();
            nodePools.addAll(io.codezero.core.validation.Arguments.items(pools, "ClusterSpec.Builder.nodePools"));
            return this;
        }

        /**
         * The network: ranges, private nodes, who reaches the API endpoint.
         *
         * @param network the network spec
         * @return this builder
         */
        public Builder network(NetworkSpec network) {
            this.network = network;
            return this;
        }

        /**
         * A tag (label on GCP) on every cloud resource the target creates.
         *
         * @param key the tag key
         * @param value the tag value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            io.codezero.core.validation.Arguments.pair(key, value, "ClusterSpec.Builder.tag");
            tags.put(key, value);
            return this;
        }

        /**
         * Replaces the tags.
         *
         * @param tags tag keys and values
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(io.codezero.core.validation.Arguments.entries(tags, "ClusterSpec.Builder.tags"));
            return this;
        }

        /**
         * The spec as given: no pools means "the target's default" ({@link ClusterSpec#nodePoolsOrDefault()}).
         *
         * @return the spec
         */
        public ClusterSpec build() {
            return new ClusterSpec(name, kubernetesVersion, nodePools, network, tags);
        }
    }
}
