package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.SshEndpoint;
import java.util.function.Predicate;

/** Waits for this machine's turn in the cluster's rolling update (only when k3s will go down). */
final class AwaitTurn implements Phase {
    private final Rollouts rollouts;
    private final Predicate<NodeRun> when;

    AwaitTurn(Rollouts rollouts, Predicate<NodeRun> when) {
        this.rollouts = rollouts;
        this.when = when;
    }

    @Override
    public String title() {
        return "wait for turn";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return when.test(run);
    }

    @Override
    public void run(NodeRun run) throws InterruptedException {
        SshEndpoint first = run.spec().firstServer();
        run.turn(rollouts.await(first.host() + ":" + first.port(), run));
    }
}
