package io.codezero.console;

/** How an app or a platform layer is doing, as the console colours it. */
public enum Health {
    /** Every wanted replica ready (a layer: every release deployed, every pod ready). */
    HEALTHY("healthy", "#2e9d46"),
    /** Some but not all replicas ready, or a release not deployed. */
    DEGRADED("degraded", "#d98c00"),
    /** No replica ready, or none wanted. */
    DOWN("down", "#c62828"),
    /** Declared by the stack, absent from the cluster. */
    MISSING("missing", "#6d4c41"),
    /** Not known (the API server would not tell). */
    UNKNOWN("unknown", "#757575");

    private final String label;
    private final String colour;

    Health(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    /** @return the word the pages show */
    public String label() {
        return label;
    }

    /** @return the colour the pages and the link map use */
    public String colour() {
        return colour;
    }

    /**
     * The health of a workload from its replica counts.
     *
     * @param ready ready replicas
     * @param desired wanted replicas
     * @return healthy when all are ready, degraded when some are, down when none is or none is wanted
     */
    public static Health ofReplicas(int ready, int desired) {
        if (desired <= 0 || ready <= 0) {
            return DOWN;
        }
        return ready >= desired ? HEALTHY : DEGRADED;
    }
}
