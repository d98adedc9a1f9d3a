package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.SshConnector;
import java.time.Duration;

/**
 * What the operations of one process share per cluster: the cluster lock on the first server and
 * the rolling-update slots.
 */
public record Coordination(ClusterLocks locks, Rollouts rollouts) {
    /** Locks held without renewal for two minutes count as stale. */
    public static final Duration LOCK_LEASE = Duration.ofMinutes(2);

    public static Coordination forProcess(SshConnector ssh) {
        return new Coordination(new ClusterLocks(ssh, LOCK_LEASE), new Rollouts());
    }
}
