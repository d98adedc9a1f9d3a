package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.SshEndpoint;
import java.util.List;

/**
 * Kubelets are never newer than the API: an agent is upgraded only once every server runs the
 * version it is about to get (through the API, so it holds whatever order the engine chose).
 */
final class AwaitServersAtVersion implements Phase {
    private final Rollouts rollouts;

    /** @param rollouts the process's rolls, whose stop (a server failed) ends the wait at once */
    AwaitServersAtVersion(Rollouts rollouts) {
        this.rollouts = rollouts;
    }

    @Override
    public String title() {
        return "wait for the servers' version";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return run.spec().role() == NodeRole.AGENT && run.hasSeparateControlPlane() && run.facts().installed()
                && !run.spec().k3sVersion().equals(run.facts().installedVersion());
    }

    @Override
    public void run(NodeRun run) throws InterruptedException {
        long deadline = System.nanoTime() + run.spec().readyTimeout().toNanos();
        String wanted = run.spec().k3sVersion();
        long pause = 100;
        SshEndpoint first = run.spec().firstServer();
        String cluster = first.host() + ":" + first.port();
        while (true) {
            // A server that failed its turn stops the roll: nothing will bring the servers to the version now.
            rollouts.refuseIfStopped(cluster, run);
            List<String> behind = Kubectl.serversNotAt(run.controlPlane(), wanted);
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the servers " + String.join(", ", behind) + " do not run " + wanted + " yet (waited "
                        + run.spec().readyTimeout().toSeconds() + "s, readyTimeoutSeconds): agents are upgraded after every server, so"
                        + " kubelets are never newer than the API; upgrade the servers first");
            }
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 2);
        }
    }
}
