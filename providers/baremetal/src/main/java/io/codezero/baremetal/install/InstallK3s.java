package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.WORK_DIR;
import static io.codezero.baremetal.install.Phases.INSTALL_SCRIPT;
import static io.codezero.baremetal.install.Phases.INSTALL_ENV;
import static io.codezero.baremetal.install.Phases.CONFIG_HASH;
import static io.codezero.baremetal.install.Phases.needsInstall;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Step 7: writes the settings and runs the k3s install script (the first server initializes the cluster; the others join it).
 */
final class InstallK3s implements Phase {
    @Override
    public String title() {
        return "install k3s";
    }

    @Override
    public String title(NodeRun run) {
        NodeSpec spec = run.spec();
        HostFacts f = run.facts();
        // A completed earlier install leaves its config hash: then this is an upgrade, a change or a restart.
        if (f != null && f.installed() && !f.configHash().isBlank()) {
            if (!spec.k3sVersion().equals(f.installedVersion())) {
                return "upgrade k3s";
            }
            return spec.configHash(run.nodeName()).equals(f.configHash()) ? "restart k3s" : "reconfigure k3s";
        }
        return spec.isFirstServer() ? "install first server" : spec.role() == NodeRole.SERVER ? "join server" : "join agent";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return needsInstall(run);
    }

    @Override
    public void run(NodeRun run) {
        NodeSpec spec = run.spec();
        String name = run.nodeName();
        StringBuilder env = new StringBuilder();
        env.append("INSTALL_K3S_VERSION=").append(SshSession.quote(spec.k3sVersion())).append('\n');
        env.append("INSTALL_K3S_EXEC=").append(SshSession.quote(String.join(" ", spec.execArgs(name)))).append('\n');
        if (spec.airgap() != null) {
            env.append("INSTALL_K3S_SKIP_DOWNLOAD=true\n");
        }
        if (!HostFacts.DEFAULT_BIN_DIR.equals(run.binDir())) {
            // A read-only /usr: the binary and scripts go where the official script puts them then.
            env.append("INSTALL_K3S_BIN_DIR=").append(SshSession.quote(run.binDir())).append('\n');
        }
        if (spec.token() != null) {
            env.append("K3S_TOKEN=").append(SshSession.quote(spec.token().reveal())).append('\n');
        }
        if (spec.role() == NodeRole.AGENT) {
            env.append("K3S_URL=").append(SshSession.quote(spec.serverUrl())).append('\n');
        }
        SshSession s = run.session();
        // One round trip: secrets arrive on stdin into a root-only file that is read and removed before
        // the script runs (never on a command line); then the installed version is reported, and the
        // configuration hash recorded only when it is the version asked for. Each of our own steps
        // says which one failed (a full /var is not the install script's fault), and the marker
        // written before the script says this k3s is CodeZero's (see HostFacts#foreignK3s).
        String versionLine = "codezero-installed-version=";
        String stepLine = "codezero-step-failed=";
        CommandResult r;
        try {
            r = s.sudo("umask 077; fail() { printf '\\n" + stepLine + "%s\\n' \"$1\"; exit 97; };"
                + " mkdir -p " + WORK_DIR + " || { cat > /dev/null; fail workdir; };"
                + " cat > " + INSTALL_ENV + " || { rm -f " + INSTALL_ENV + "; cat > /dev/null; fail env; };"
                + " { [ -e " + HostFacts.OWNER_MARKER + " ] || printf 'codezero\\n' > " + HostFacts.OWNER_MARKER + "; } || { rm -f " + INSTALL_ENV
                + " " + HostFacts.OWNER_MARKER + "; fail marker; };"
                + " printf '\\ncodezero-step=script\\n'; set -a; . " + INSTALL_ENV + "; set +a; rm -f " + INSTALL_ENV + "; sh " + INSTALL_SCRIPT
                + " || exit $?; v=$(" + run.k3sBinary() + " --version 2>/dev/null | head -1 | awk '{print $3}'); printf '\\n" + versionLine
                + "%s\\n' \"$v\"; if [ \"$v\" = " + SshSession.quote(spec.k3sVersion()) + " ]; then { printf '%s\\n' " + spec.configHash(name)
                + " > " + CONFIG_HASH + ".tmp && mv -f " + CONFIG_HASH + ".tmp " + CONFIG_HASH + "; } || { rm -f " + CONFIG_HASH + ".tmp; fail hash; }; fi",
                env.toString().getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(10));
        } catch (RuntimeException e) {
            // Lost under the command: whether the script ran is unknown, so the state must not say "unchanged".
            run.markChanged("the k3s install script may have run (no answer from the machine)");
            throw e;
        }
        String out = r.stdout();
        int failedAt = out.lastIndexOf(stepLine);
        String step = failedAt < 0 ? "" : out.substring(failedAt + stepLine.length()).strip().split("\\s")[0];
        String where = " on " + s.endpoint().host() + " (" + r.stderr().strip().replace("\n", " | ") + "): the file system holding "
                + WORK_DIR + " is full or read-only; free space (check with: df -h " + WORK_DIR + ") and run `pulumi up` again";
        if (step.equals("workdir") || step.equals("env") || step.equals("marker")) {
            throw new IllegalStateException("could not write " + (step.equals("workdir") ? "the directory " + WORK_DIR : step.equals("env")
                    ? "the install settings file " + INSTALL_ENV : "the install marker " + HostFacts.OWNER_MARKER) + where
                    + "; the install script did not run");
        }
        if (out.contains("codezero-step=script")) {
            run.markChanged("ran the k3s install script (" + spec.k3sVersion() + ")");
            run.restarted(true);
        }
        int at = out.lastIndexOf(versionLine);
        String version = at < 0 ? "" : out.substring(at + versionLine.length()).strip().split("\\s")[0];
        if (step.equals("hash")) {
            run.installedVersion(version);
            run.running(s.sudo(HostFacts.K3S_RUNNING).ok());
            throw new IllegalStateException("k3s " + version + " was installed" + (run.running() ? " and is running" : "") + ", but its"
                    + " configuration record " + CONFIG_HASH + " could not be written" + where + " (k3s restarts once to record it)");
        }
        if (!r.ok()) {
            throw new IllegalStateException("the k3s install script " + INSTALL_SCRIPT + " failed (exit " + r.exitCode() + "): " + r.tail());
        }
        run.installedVersion(version);
        if (!spec.k3sVersion().equals(version)) {
            throw new IllegalStateException("k3s on the machine reports version '" + version + "' but k3sVersion is '"
                    + spec.k3sVersion() + "'" + (spec.airgap() != null ? " (the airgap binary is another version)" : ""));
        }
    }

    @Override
    public void cleanup(NodeRun run) {
        // Never leave the secret env file behind, whatever happened.
        try {
            if (run.session() != null && run.session().isConnected()) {
                run.session().sudo("rm -f " + INSTALL_ENV);
            }
        } catch (RuntimeException ignored) {
            // the link is gone; the file is removed by the next run before anything else
        }
    }
}
