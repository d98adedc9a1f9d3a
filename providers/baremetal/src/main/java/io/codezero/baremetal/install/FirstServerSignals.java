package io.codezero.baremetal.install;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * When this process is installing a cluster's first server, the machines joining it learn that its
 * API answers from here instead of asking the first server over SSH again and again (each question
 * costs a channel and some CPU, times 19 joins). The signal completes with true once the first server's
 * Node is Ready (its API answered), with false when its run ended without waiting for that (nothing to
 * install): then, as without a signal (the first server is not being worked on in this process), joins
 * ask the machine.
 */
public final class FirstServerSignals {
    private final Map<String, CompletableFuture<Boolean>> signals = new HashMap<>();

    /** The first server's run started: joins may wait for it. */
    CompletableFuture<Boolean> starting(String cluster) {
        synchronized (signals) {
            CompletableFuture<Boolean> current = signals.get(cluster);
            if (current == null || current.isDone()) {
                current = new CompletableFuture<>();
                signals.put(cluster, current);
            }
            return current;
        }
    }

    /** The signal of a first server being worked on, or null. */
    CompletableFuture<Boolean> current(String cluster) {
        synchronized (signals) {
            return signals.get(cluster);
        }
    }
}
