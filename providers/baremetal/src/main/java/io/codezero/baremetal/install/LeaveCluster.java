package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.SshEndpoint;

/**
 * Removal: tells the process's other removals of this cluster that this machine is leaving ({@link ClusterRemovals}).
 * The first server waits for the machines already leaving; any other machine learns whether the cluster goes with it.
 */
final class LeaveCluster implements Phase {
    private final ClusterRemovals removals;

    LeaveCluster(ClusterRemovals removals) {
        this.removals = removals;
    }

    @Override
    public String title() {
        return "leave cluster";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return run.facts().installed();
    }

    @Override
    public void run(NodeRun run) throws InterruptedException {
        SshEndpoint first = run.spec().firstServer();
        String cluster = first.host() + ":" + first.port();
        if (run.hasSeparateControlPlane()) {
            run.departure(removals.leave(cluster));
        } else {
            run.clusterEnding(removals.end(cluster, run.spec().drainTimeout()));
        }
    }
}
