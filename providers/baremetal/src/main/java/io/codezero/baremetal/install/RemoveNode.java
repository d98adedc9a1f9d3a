package io.codezero.baremetal.install;

import java.util.Optional;

/**
 * Removal: deletes this machine's Node from the cluster (never another machine's of the same name); not when the
 * cluster goes away with it.
 */
final class RemoveNode implements Phase {
    @Override
    public String title() {
        return "remove node";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return run.hasSeparateControlPlane() && run.nodeName() != null && !run.leavesWithTheCluster();
    }

    @Override
    public void run(NodeRun run) {
        // Only this machine's Node: another machine of the same name keeps its own.
        Optional<Kubectl.NodeStatus> node = Kubectl.node(run.controlPlane(), run.nodeName());
        if (node.isPresent() && !run.isThisMachine(node.get())) {
            run.warnings().add("the cluster's Node '" + run.nodeName() + "' is another machine (address " + node.get().internalIp()
                    + "): it was left alone");
            return;
        }
        Kubectl.deleteNode(run.controlPlane(), run.nodeName());
    }
}
