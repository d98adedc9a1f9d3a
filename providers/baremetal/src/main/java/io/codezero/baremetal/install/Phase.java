package io.codezero.baremetal.install;

/**
 * One small step of an install, upgrade or removal, run for each machine (k0sctl style). A phase
 * that fails for a machine gets its {@link #cleanup} called for that machine; later phases do not
 * run for it.
 */
public interface Phase {
    /** Shown in progress and in errors: "install first server", "wait ready". */
    String title();

    /** The title for this machine, when it depends on the machine's role. */
    default String title(NodeRun run) {
        return title();
    }

    default boolean shouldRun(NodeRun run) {
        return true;
    }

    void run(NodeRun run) throws Exception;

    /** Undo what this phase half-did, when that is safe. Best effort; must not throw. */
    default void cleanup(NodeRun run) {
    }
}
