package io.codezero.core.target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Typed facts a target states about the cluster it made, for platform layers that must adapt to it
 * (where the CNI keeps its files, which control-plane components can be scraped, an ingress
 * controller the distribution bundles). Layers read facts by type and never ask which target ran,
 * so platform code names no target. One value per type; immutable.
 */
public final class ClusterFacts {
    private static final ClusterFacts NONE = new ClusterFacts(Map.of());
    private final Map<Class<?>, Object> facts;

    private ClusterFacts(Map<Class<?>, Object> facts) {
        this.facts = Map.copyOf(facts);
    }

    /**
     * No facts: a target stating nothing about its cluster.
     *
     * @return the empty facts
     */
    public static ClusterFacts none() {
        return NONE;
    }

    /**
     * These facts plus one more (replacing a fact of the same type).
     *
     * @param type the fact's type, the key layers read it by
     * @param fact the fact
     * @param <T>  the fact's type
     * @return new facts; these stay unchanged
     */
    public <T> ClusterFacts with(Class<T> type, T fact) {
        Map<Class<?>, Object> all = new LinkedHashMap<>(facts);
        all.put(type, type.cast(fact));
        return new ClusterFacts(all);
    }

    /**
     * The fact of this type, if the target stated one.
     *
     * @param type the fact's type
     * @param <T>  the fact's type
     * @return the fact, or empty
     */
    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(facts.get(type)).map(type::cast);
    }

    @Override
    public String toString() {
        return facts.values().toString();
    }
}
