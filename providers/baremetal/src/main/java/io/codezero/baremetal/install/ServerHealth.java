package io.codezero.baremetal.install;

import java.util.List;

/**
 * After k3s was restarted on a server: its etcd member is healthy and the API answers through
 * every other server, before the next machine's turn. Polls until the ready timeout.
 */
final class ServerHealth implements Phase {
    @Override
    public String title() {
        return "check cluster health";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return run.spec().role() == NodeRole.SERVER && run.restarted();
    }

    @Override
    public void run(NodeRun run) throws InterruptedException {
        long deadline = System.nanoTime() + run.spec().readyTimeout().toNanos();
        long pause = 100;
        while (true) {
            List<String> problems = Kubectl.clusterHealthProblems(run.session(), run.nodeName());
            if (problems.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after k3s restarted on " + run.nodeName() + " the cluster is not healthy within "
                        + run.spec().readyTimeout().toSeconds() + "s: " + String.join("; ", problems));
            }
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 2);
        }
    }
}
