package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.needsInstall;

import java.util.function.Predicate;

/** Drains the node through the control plane; the two lifecycle steps differ only in when. */
final class Drain implements Phase {
    private final Predicate<NodeRun> when;

    private Drain(Predicate<NodeRun> when) {
        this.when = when;
    }

    /** Before an upgrade or reconfiguration: a running, registered node that is about to be reinstalled. */
    static Drain beforeReinstall() {
        return new Drain(run -> run.facts().installed() && run.facts().running() && needsInstall(run)
                && Kubectl.node(run.controlPlane(), run.nodeName()).isPresent());
    }

    /**
     * Before removal. The first server is removed last, with the cluster: there is nowhere to drain it to, nor from a
     * machine that leaves with it.
     */
    static Drain beforeRemoval() {
        return new Drain(run -> run.hasSeparateControlPlane() && !run.leavesWithTheCluster()
                && Kubectl.node(run.controlPlane(), run.nodeName()).filter(run::isThisMachine).isPresent());
    }

    @Override
    public String title() {
        return "drain";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return when.test(run);
    }

    @Override
    public void run(NodeRun run) {
        Kubectl.drain(run.controlPlane(), run.nodeName(), run.spec().drainTimeout());
    }
}
