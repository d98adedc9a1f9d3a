package io.codezero.baremetal.install;

/** Takes (or shares, within this process) the cluster lock on the first server. */
final class LockCluster implements Phase {
    private final ClusterLocks locks;

    LockCluster(ClusterLocks locks) {
        this.locks = locks;
    }

    @Override
    public String title() {
        return "lock cluster";
    }

    @Override
    public void run(NodeRun run) {
        run.lock(locks.acquire(run.spec().firstServer()));
    }
}
