package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.WORK_DIR;

import io.codezero.baremetal.ssh.CommandResult;
import java.time.Duration;
import java.util.List;

/**
 * Removal: runs k3s's uninstall script and removes CodeZero's files, then checks nothing of k3s is left.
 */
final class Uninstall implements Phase {
    /** The systemd units (and their env files) k3s's install script writes for a server or an agent. */
    static final List<String> UNIT_FILES = List.of("/etc/systemd/system/k3s.service", "/etc/systemd/system/k3s.service.env",
            "/etc/systemd/system/k3s-agent.service", "/etc/systemd/system/k3s-agent.service.env");

    @Override
    public String title() {
        return "uninstall";
    }

    @Override
    public void run(NodeRun run) {
        run.markChanged("ran the k3s uninstall script");
        CommandResult r = run.session().sudo("for s in /usr/local/bin/k3s-uninstall.sh /usr/local/bin/k3s-agent-uninstall.sh /opt/bin/k3s-uninstall.sh /opt/bin/k3s-agent-uninstall.sh; do"
                + " if [ -x \"$s\" ]; then \"$s\" >/dev/null 2>&1 || exit 1; fi; done; rm -rf " + WORK_DIR
                // The units k3s's install script writes: its uninstall script removes them only where systemd runs, and a
                // machine with systemctl but without systemd would keep them.
                + "; rm -f " + String.join(" ", UNIT_FILES), null, Duration.ofMinutes(5));
        if (!r.ok()) {
            throw new IllegalStateException("the k3s uninstall script failed (exit " + r.exitCode() + "): " + r.tail());
        }
        // Processes take a moment to exit after the kill script's signals.
        CommandResult left = run.session().sudo("for i in 1 2 3 4 5 6 7 8 9 10; do " + HostFacts.K3S_RUNNING + " || break; sleep 1; done;"
                + " " + HostFacts.K3S_RUNNING + " && echo running; [ -e " + run.k3sBinary() + " ] && echo binary; true");
        if (!left.stdout().isBlank()) {
            throw new IllegalStateException("k3s is still present after uninstall (" + left.stdout().trim().replace("\n", ", ") + ")");
        }
        run.running(false);
        run.installedVersion(null);
    }
}
