package io.codezero.baremetal.install;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders a cluster's removal within one process. Joins overlap the first server, so the engine no longer orders the
 * other machines after it, and on {@code pulumi destroy} an agent and the first server (the cluster's API) are deleted
 * at the same time: the agent's drain then meets an API that the first server's uninstall just stopped. Here the first
 * server is uninstalled only once the machines already leaving have drained and left (bounded by their drain timeout),
 * and a machine whose removal starts after the first server's began neither drains nor deletes its Node: the cluster
 * goes away with it, and there is nowhere to drain to.
 */
public final class ClusterRemovals {
    private final Map<String, Cluster> clusters = new HashMap<>();

    private static final class Cluster {
        int leaving;
        boolean ending;
    }

    /** A machine's removal from its cluster; {@link #close()} when it is over. */
    public interface Departure extends AutoCloseable {
        /**
         * Whether the cluster itself is being removed in this run (its first server's removal began first).
         * @return true when drain and Node removal are moot
         */
        boolean withTheCluster();

        @Override
        void close();
    }

    /** The first server's removal; {@link #close()} when it is over, so a later create in this process starts afresh. */
    public interface Ending extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A machine other than the first server begins leaving the cluster named by its first server.
     * @param cluster the first server's {@code host:port}
     * @return the departure, to close when the machine's removal ends (done or failed)
     */
    public Departure leave(String cluster) {
        Cluster state;
        synchronized (this) {
            state = clusters.computeIfAbsent(cluster, k -> new Cluster());
            if (state.ending) {
                return departure(true, () -> { });
            }
            state.leaving++;
        }
        return departure(false, () -> {
            synchronized (this) {
                state.leaving--;
                notifyAll();
            }
        });
    }

    /**
     * The first server's removal begins: from now on machines starting to leave go with the cluster, and this waits
     * until those already leaving have left, at most {@code timeout} (then the first server goes on, as before).
     * @param cluster the first server's {@code host:port}
     * @param timeout the longest wait (the machines' drain timeout)
     * @return the ending, to close when the first server's removal is over
     * @throws InterruptedException when interrupted while waiting
     */
    public Ending end(String cluster, Duration timeout) throws InterruptedException {
        Cluster state;
        synchronized (this) {
            state = clusters.computeIfAbsent(cluster, k -> new Cluster());
            state.ending = true;
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); state.leaving > 0 && left > 0; left = deadline - System.nanoTime()) {
                long millis = Math.max(1, left / 1_000_000);
                wait(millis);
            }
        }
        return () -> {
            synchronized (this) {
                state.ending = false;
            }
        };
    }

    private static Departure departure(boolean withTheCluster, Runnable onClose) {
        return new Departure() {
            private boolean closed;

            @Override
            public boolean withTheCluster() {
                return withTheCluster;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    onClose.run();
                }
            }
        };
    }
}
