package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshSession;
import java.time.Duration;
import java.util.Optional;

/** The few kubectl calls the installer needs, run as root on a server through {@code k3s kubectl}. */
final class Kubectl {
    private Kubectl() {
    }

    record NodeStatus(String name, boolean ready, boolean cordoned, String version) {
    }

    /** The node as the API server sees it, empty if it is not registered (or the API does not answer yet). */
    static Optional<NodeStatus> node(SshSession server, String name) {
        CommandResult r = server.sudo("/usr/local/bin/k3s kubectl get node " + SshSession.quote(name) + " --no-headers");
        if (!r.ok()) {
            return Optional.empty();
        }
        for (String line : r.stdout().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 2 && cols[0].equals(name)) {
                String status = cols[1];
                return Optional.of(new NodeStatus(name, status.equals("Ready") || status.startsWith("Ready,"),
                        status.contains("SchedulingDisabled"), cols.length >= 5 ? cols[4] : ""));
            }
        }
        return Optional.empty();
    }

    static void drain(SshSession server, String name, Duration timeout) {
        expectOk(server.sudo("/usr/local/bin/k3s kubectl drain " + SshSession.quote(name)
                + " --ignore-daemonsets --delete-emptydir-data --force --timeout=" + timeout.toSeconds() + "s", null,
                timeout.plusSeconds(30)), "drain node " + name);
    }

    static void uncordon(SshSession server, String name) {
        expectOk(server.sudo("/usr/local/bin/k3s kubectl uncordon " + SshSession.quote(name)), "uncordon node " + name);
    }

    /** Deletes the node object; a node that is already gone is fine. */
    static void deleteNode(SshSession server, String name) {
        CommandResult r = server.sudo("/usr/local/bin/k3s kubectl delete node " + SshSession.quote(name) + " --ignore-not-found");
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
