package io.codezero.baremetal.install;

import java.util.Optional;

/**
 * Step 8: waits until k3s runs and the machine's Node is Ready, reporting k3s's last log lines when it does not come up.
 */
final class WaitReady implements Phase {
    @Override
    public String title() {
        return "wait ready";
    }

    @Override
    public void run(NodeRun run) throws InterruptedException {
        String name = run.nodeName();
        long deadline = System.nanoTime() + run.spec().readyTimeout().toNanos();
        String service = run.spec().role() == NodeRole.SERVER ? "k3s" : "k3s-agent";
        long pause = 100;
        while (true) {
            boolean running = run.session().sudo(HostFacts.K3S_RUNNING).ok();
            if (!running) {
                String log = run.session().sudo("(journalctl -u " + service + " -n 8 --no-pager 2>/dev/null | grep . ) || tail -n 8 /var/log/"
                        + service + ".log 2>/dev/null").stdout().strip();
                throw new IllegalStateException("k3s is not running on the machine after install; last log lines: "
                        + (log.isEmpty() ? "(none)" : log.replace("\n", " | ")));
            }
            Optional<Kubectl.NodeStatus> node = Kubectl.node(run.controlPlane(), name);
            if (node.isPresent() && !run.isThisMachine(node.get())) {
                throw new IllegalStateException("the cluster's Node '" + name + "' is another machine (address " + node.get().internalIp()
                        + "; this machine's: " + String.join(", ", run.facts().addresses()) + "): two machines share the node name; give"
                        + " this host its own `name`");
            }
            // After a restart the Node object can still say Ready from the old kubelet (its lease outlives the
            // restart): only a Ready node reporting the version just installed has really come back.
            String wanted = run.spec().k3sVersion();
            if (node.isPresent() && node.get().ready() && node.get().version().equals(wanted)) {
                run.running(true);
                run.firstServerReady();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + name + " did not become Ready at " + wanted + " within "
                        + run.spec().readyTimeout().toSeconds() + "s (" + node.map(n -> n.ready()
                                ? "it is Ready but its kubelet reports " + (n.version().isEmpty() ? "no version" : n.version())
                                : "it is registered but not Ready").orElse("it never registered with the API server") + ")");
            }
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 2);
        }
    }
}
