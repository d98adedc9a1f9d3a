package io.codezero.baremetal.install;

/**
 * After an update: lets workloads back onto the node.
 */
final class Uncordon implements Phase {
    @Override
    public String title() {
        return "uncordon";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return Kubectl.node(run.controlPlane(), run.nodeName()).map(Kubectl.NodeStatus::cordoned).orElse(false);
    }

    @Override
    public void run(NodeRun run) {
        Kubectl.uncordon(run.controlPlane(), run.nodeName());
    }
}
