package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshSession;
import java.time.Duration;
import java.util.Optional;

/** The few kubectl calls the installer needs, run as root on a server through {@code k3s kubectl}. */
final class Kubectl {
    private Kubectl() {
    }

    /** k3s on a server, wherever its install put it (/usr/local/bin, or /opt/bin on a read-only /usr). */
    static final String K3S = "K=/usr/local/bin/k3s; [ -x \"$K\" ] || K=/opt/bin/k3s; \"$K\"";

    /** @param internalIp the Node's InternalIP as the API reports it; empty when it has none */
    record NodeStatus(String name, boolean ready, boolean cordoned, String version, String internalIp) {
    }

    /**
     * The node as the API server sees it, empty if it is not registered (or the API does not answer yet). Read from the
     * node list that every machine asking the same server at the same time shares ({@link NodeListings}).
     */
    static Optional<NodeStatus> node(SshSession server, String name) {
        CommandResult r = NodeListings.list(server);
        if (!r.ok()) {
            return Optional.empty();
        }
        for (String line : r.stdout().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 2 && cols[0].equals(name)) {
                String status = cols[1];
                return Optional.of(new NodeStatus(name, status.equals("Ready") || status.startsWith("Ready,"),
                        status.contains("SchedulingDisabled"), cols.length >= 5 ? cols[4] : "",
                        cols.length >= 6 && !cols[5].equals("<none>") ? cols[5] : ""));
            }
        }
        return Optional.empty();
    }

    /**
     * What keeps a server that was just restarted from counting as healthy: its etcd member (the
     * local API's etcd readiness check) and the API as served by each other server, reached with the
     * admin kubeconfig at that server's address. Empty when all is well.
     */
    static java.util.List<String> clusterHealthProblems(SshSession server, String self) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        CommandResult etcd = server.sudo(K3S + " kubectl get --raw /readyz/etcd");
        if (!etcd.ok() || !etcd.stdout().trim().equals("ok")) {
            problems.add("the etcd member on " + self + " is not healthy (/readyz/etcd: " + (etcd.ok() ? etcd.stdout().trim() : etcd.tail()) + ")");
            return problems;
        }
        CommandResult nodes = server.sudo(K3S + " kubectl get nodes -o wide --no-headers");
        if (!nodes.ok()) {
            problems.add("the API on " + self + " does not list nodes: " + nodes.tail());
            return problems;
        }
        for (String line : nodes.stdout().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            // NAME STATUS ROLES AGE VERSION INTERNAL-IP ...
            if (cols.length < 6 || cols[0].equals(self) || !cols[2].contains("control-plane")) {
                continue;
            }
            String address = cols[5].contains(":") ? "[" + cols[5] + "]" : cols[5];
            CommandResult api = server.sudo(K3S + " kubectl --server " + SshSession.quote("https://" + address + ":6443")
                    + " get --raw /readyz");
            if (!api.ok() || !api.stdout().trim().equals("ok")) {
                problems.add("the API does not answer through server " + cols[0] + " (" + cols[5] + "): " + (api.ok() ? api.stdout().trim() : api.tail()));
            }
        }
        return problems;
    }

    /** The control-plane Nodes whose kubelet does not report {@code version} (name and version); a failed listing counts as one. */
    static java.util.List<String> serversNotAt(SshSession server, String version) {
        CommandResult nodes = server.sudo(K3S + " kubectl get nodes --no-headers");
        if (!nodes.ok()) {
            return java.util.List.of("(the API did not list the nodes: " + nodes.tail() + ")");
        }
        java.util.List<String> behind = new java.util.ArrayList<>();
        for (String line : nodes.stdout().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            // NAME STATUS ROLES AGE VERSION
            if (cols.length >= 5 && cols[2].contains("control-plane") && !cols[4].equals(version)) {
                behind.add(cols[0] + " (" + cols[4] + ")");
            }
        }
        return behind;
    }

    static void drain(SshSession server, String name, Duration timeout) {
        expectOk(server.sudo(K3S + " kubectl drain " + SshSession.quote(name)
                + " --ignore-daemonsets --delete-emptydir-data --force --timeout=" + timeout.toSeconds() + "s", null,
                timeout.plusSeconds(30)), "drain node " + name);
    }

    static void uncordon(SshSession server, String name) {
        expectOk(server.sudo(K3S + " kubectl uncordon " + SshSession.quote(name)), "uncordon node " + name);
    }

    /** Deletes the node object; a node that is already gone is fine. */
    static void deleteNode(SshSession server, String name) {
        CommandResult r = server.sudo(K3S + " kubectl delete node " + SshSession.quote(name) + " --ignore-not-found");
        if (!r.ok() && !r.stderr().contains("not found")) {
            expectOk(r, "delete node " + name);
        }
    }

    private static void expectOk(CommandResult r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException("kubectl could not " + what + " (exit " + r.exitCode() + "): " + r.tail());
        }
    }
}
