package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.SshConnector;
import java.time.Duration;

/**
 * What the operations of one process share per cluster: the connection to the first server, the
 * cluster lock on it, the rolling-update slots, the node names claimed by machines being worked on and the order of
 * a cluster's removal.
 */
public record Coordination(ClusterLocks locks, Rollouts rollouts, SharedSessions sessions, NodeNames nodeNames,
        FirstServerSignals firstServers, ClusterRemovals removals) {
    /** Locks held without renewal for two minutes count as stale. */
    public static final Duration LOCK_LEASE = Duration.ofMinutes(2);

    public static Coordination forProcess(SshConnector ssh) {
        SharedSessions sessions = new SharedSessions(ssh);
        return new Coordination(new ClusterLocks(sessions, LOCK_LEASE), new Rollouts(), sessions, new NodeNames(), new FirstServerSignals(),
                new ClusterRemovals());
    }
}
