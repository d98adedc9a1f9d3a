package io.codezero.stacks;

/**
 * Call first thing in a program's {@code main}, before {@code Pulumi.run}.
 *
 * <p>While the engine works, the Pulumi Java SDK (1.36.1) re-checks its in-flight tasks in a loop
 * that resubmits itself to {@code CompletableFuture}'s default executor without pausing. On a
 * machine with two CPUs or fewer the JVM's common pool has a parallelism of 1, and then that
 * executor starts a new thread for every turn (JDK 17 and 21: hundreds of thousands of threads a
 * minute), or, on JDK 25, the loop holds the only pool thread and the program never finishes
 * (pulumi-java#2270). A parallelism of 2 keeps the loop on one pool thread. It still spins: the
 * SDK's fix (a pause between turns, pulumi-java#2314) is in no SDK version served here. Measured
 * with e2e/cpu-probe.sh; see e2e/README.md. A parallelism the user set is left alone.
 */
public final class CommonPoolParallelism {
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPoolParallelism() {
    }

    /**
     * Sets the common pool's parallelism to 2 on a machine where the JVM would choose less, unless it is set already.
     * Call it first in {@code main}, before the Pulumi SDK touches the common pool.
     */
    public static void ensureAtLeastTwo() {
        ensureAtLeastTwo(Runtime.getRuntime().availableProcessors());
    }

    static void ensureAtLeastTwo(int processors) {
        // the JVM's default is one less than the processors it may use
        if (System.getProperty(PROPERTY) == null && processors - 1 < 2) {
            System.setProperty(PROPERTY, "2");
        }
    }
}
