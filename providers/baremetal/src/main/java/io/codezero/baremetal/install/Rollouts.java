package io.codezero.baremetal.install;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * How many machines of a cluster may be down at once while k3s is upgraded, reconfigured or removed
 * node by node: one server at a time (embedded etcd keeps its quorum), agents up to their
 * {@code maxUnavailable} (drained workloads need somewhere to go). The engine already orders
 * servers one after the other and agents after the servers (see BareMetalTarget); these slots hold
 * within one run whatever order the requests arrive in. Once a machine fails, the roll stops: the
 * machines still waiting are not touched and keep their version, and the next {@code pulumi up}
 * continues where it stopped.
 */
public final class Rollouts {
    private final Map<String, Roll> rolls = new HashMap<>();

    private static final class Roll {
        final Semaphore servers = new Semaphore(1, true);
        Semaphore agents;
        volatile String stoppedBy;
    }

    /** A machine's turn; closing it frees the slot, and a failed turn stops the roll. */
    public interface Slot {
        void close(boolean failed, String why);
    }

    /** Waits for the machine's turn in its cluster's roll (the cluster is named by its first server). */
    public Slot await(String cluster, NodeRun run) throws InterruptedException {
        Roll roll;
        synchronized (rolls) {
            roll = rolls.computeIfAbsent(cluster, k -> new Roll());
            if (roll.agents == null && run.spec().role() == NodeRole.AGENT) {
                roll.agents = new Semaphore(Math.max(1, run.spec().maxUnavailable()), true);
            }
        }
        Semaphore slots = run.spec().role() == NodeRole.SERVER ? roll.servers : roll.agents;
        refuseIfStopped(roll, run);
        slots.acquire();
        try {
            refuseIfStopped(roll, run);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        return (failed, why) -> {
            if (failed && roll.stoppedBy == null) {
                roll.stoppedBy = run.label() + (why == null ? "" : " (" + why + ")");
            }
            slots.release();
        };
    }

    /**
     * Refuses (throws) when a machine of the cluster already failed in this run: a machine waiting for something
     * else than a turn (an agent waiting for the servers' version) stops at once instead of waiting out its timeout.
     */
    public void refuseIfStopped(String cluster, NodeRun run) {
        Roll roll;
        synchronized (rolls) {
            roll = rolls.get(cluster);
        }
        if (roll != null) {
            refuseIfStopped(roll, run);
        }
    }

    private static void refuseIfStopped(Roll roll, NodeRun run) {
        String stoppedBy = roll.stoppedBy;
        if (stoppedBy != null) {
            throw new IllegalStateException("not started: the rolling update stopped when " + stoppedBy + " failed; this machine was"
                    + " not touched and keeps k3s " + (run.facts() == null || run.facts().installedVersion() == null ? "as it is"
                    : run.facts().installedVersion()) + ". Fix that machine and run `pulumi up` again: it continues where it stopped");
        }
    }
}
