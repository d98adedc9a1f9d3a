package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.Retry;
import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshConnector;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshFailure;
import io.codezero.baremetal.ssh.SshSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The phases, and the lists they form for each lifecycle step. Each phase is small, idempotent
 * where it can be, and says what it does in its title.
 */
public final class Phases {
    static final String WORK_DIR = "/var/lib/codezero";
    static final String INSTALL_SCRIPT = WORK_DIR + "/k3s-install.sh";
    static final String INSTALL_ENV = WORK_DIR + "/k3s-install.env";
    static final String CONFIG_HASH = WORK_DIR + "/k3s-config.sha256";
    private static final Retry CONNECT_RETRY = Retry.idempotent(3, Duration.ofSeconds(1));

    private Phases() {
    }

    /** connect, gather facts, lock the cluster, validate, upload, install, wait ready, fetch kubeconfig (then disconnect). */
    public static List<Phase> create(SshConnector ssh, Coordination co) {
        return List.of(new Connect(ssh, co.sessions(), co.firstServers()), new GatherFacts(), new LockCluster(co.locks()),
                new ValidateHost(co.nodeNames()), new Upload(),
                new AwaitFirstServer(co.firstServers()), new InstallK3s(), new WaitReady(), new FetchKubeconfig());
    }

    /**
     * Upgrade or reconfigure in place, one machine's turn in a rolling update: wait for the turn, drain,
     * install, wait until Ready (servers also until etcd and the API through the other servers are
     * healthy), uncordon.
     */
    public static List<Phase> update(SshConnector ssh, Coordination co) {
        return List.of(new Connect(ssh, co.sessions()), new GatherFacts(), new LockCluster(co.locks()), new ValidateHost(co.nodeNames()),
                new AwaitTurn(co.rollouts(), Phases::needsRestart), new AwaitServersAtVersion(), Drain.beforeReinstall(), new Upload(),
                new AwaitFirstServer(co.firstServers()), new InstallK3s(),
                new WaitReady(), new ServerHealth(), new Uncordon(), new FetchKubeconfig());
    }

    /** Drain (in turn, like an update), uninstall, remove the node object, clean up. */
    public static List<Phase> delete(SshConnector ssh, Coordination co) {
        return List.of(new Connect(ssh, co.sessions()), new GatherFacts(), new LockCluster(co.locks()),
                new AwaitTurn(co.rollouts(), run -> run.facts().installed() && run.hasSeparateControlPlane()), Drain.beforeRemoval(),
                new Uninstall(), new RemoveNode());
    }

    /** What is on the machine now (refresh): reads only, so no lock. */
    public static List<Phase> read(SshConnector ssh) {
        return List.of(new Connect(ssh, null), new GatherFacts());
    }

    public static List<Phase> create(SshConnector ssh) {
        return create(ssh, Coordination.forProcess(ssh));
    }

    public static List<Phase> delete(SshConnector ssh) {
        return delete(ssh, Coordination.forProcess(ssh));
    }

    /** An installed machine whose k3s is about to be stopped and started again. */
    static boolean needsRestart(NodeRun run) {
        return run.facts().installed() && needsInstall(run);
    }

    static boolean needsInstall(NodeRun run) {
        HostFacts f = run.facts();
        return !run.spec().k3sVersion().equals(f.installedVersion()) || !f.running()
                || !run.spec().configHash(run.nodeName()).equals(f.configHash());
    }

    // ---------------------------------------------------------------- connect

    static final class Connect implements Phase {
        private final SshConnector ssh;
        private final SharedSessions sessions;
        private final boolean withControlPlane;

        private final FirstServerSignals signals;

        /** @param sessions where the connection to the control-plane server comes from; null: not needed (reading facts) */
        Connect(SshConnector ssh, SharedSessions sessions) {
            this(ssh, sessions, null);
        }

        /** @param signals where a first server's run tells joins in this process that its API answers; may be null */
        Connect(SshConnector ssh, SharedSessions sessions, FirstServerSignals signals) {
            this.ssh = ssh;
            this.sessions = sessions;
            this.withControlPlane = sessions != null;
            this.signals = signals;
        }

        @Override
        public String title() {
            return "connect";
        }

        @Override
        public void run(NodeRun run) {
            if (withControlPlane && run.spec().controlPlane() == null) {
                // The first server: its connection is the one the cluster lock and joining nodes use too.
                if (signals != null && run.spec().isFirstServer()) {
                    run.firstServerSignal(signals.starting(run.spec().endpoint().host() + ":" + run.spec().endpoint().port()));
                }
                run.session(sessions.acquire(run.spec().endpoint()));
            } else {
                run.session(CONNECT_RETRY.call(() -> ssh.connect(run.spec().endpoint())));
            }
            if (run.spec().controlPlane() != null && withControlPlane) {
                try {
                    run.controlPlane(sessions.acquire(run.spec().controlPlane()));
                } catch (SshFailure e) {
                    throw new IllegalStateException("cannot reach the control-plane server " + run.spec().controlPlane().describe()
                            + " (needed to join, drain and check this node): " + e.getMessage(), e);
                }
            }
        }
    }

    /** Takes (or shares, within this process) the cluster lock on the first server. */
    static final class LockCluster implements Phase {
        private final ClusterLocks locks;

        LockCluster(ClusterLocks locks) {
            this.locks = locks;
        }

        @Override
        public String title() {
            return "lock cluster";
        }

        @Override
        public void run(NodeRun run) {
            run.lock(locks.acquire(run.spec().firstServer()));
        }
    }

    /** Waits for this machine's turn in the cluster's rolling update (only when k3s will go down). */
    static final class AwaitTurn implements Phase {
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

    /**
     * A joining machine that got everything ready (connected, checked, locked, uploaded) while the first
     * server was still installing: it joins the moment the first server's API answers. With a join
     * token chosen up front the engine starts joins beside the first server, so the provider, not
     * the engine, holds the order here.
     */
    static final class AwaitFirstServer implements Phase {
        private final FirstServerSignals signals;

        AwaitFirstServer(FirstServerSignals signals) {
            this.signals = signals;
        }

        @Override
        public String title() {
            return "wait for the first server";
        }

        @Override
        public boolean shouldRun(NodeRun run) {
            return run.hasSeparateControlPlane() && needsInstall(run);
        }

        @Override
        public void run(NodeRun run) throws InterruptedException {
            long deadline = System.nanoTime() + run.spec().readyTimeout().toNanos();
            SshEndpoint first = run.spec().firstServer();
            java.util.concurrent.CompletableFuture<Void> signal = signals == null ? null : signals.current(first.host() + ":" + first.port());
            if (signal != null) {
                try {
                    signal.get(run.spec().readyTimeout().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage() + "; this machine waited to join and was not changed by the join");
                } catch (java.util.concurrent.TimeoutException e) {
                    // checked on the machine below, which reports what it says
                }
            }
            long pause = 50;
            while (true) {
                CommandResult r = run.controlPlane().sudo(Kubectl.K3S + " kubectl get --raw /readyz 2>&1");
                if (r.ok() && r.stdout().trim().equals("ok")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the first server " + run.spec().firstServer().describe() + " did not answer on its API within "
                            + run.spec().readyTimeout().toSeconds() + "s (readyTimeoutSeconds; `k3s kubectl get --raw /readyz` there: "
                            + (r.tail().isEmpty() ? "k3s is not installed yet" : r.tail()) + "): this machine waited to join and was not changed by the join");
                }
                Thread.sleep(pause);
                pause = Math.min(1000, pause * 2);
            }
        }
    }

    /**
     * Kubelets are never newer than the API: an agent is upgraded only once every server runs the
     * version it is about to get (through the API, so it holds whatever order the engine chose).
     */
    static final class AwaitServersAtVersion implements Phase {
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
            while (true) {
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

    // ---------------------------------------------------------------- facts and validation

    static final class GatherFacts implements Phase {
        @Override
        public String title() {
            return "gather facts";
        }

        @Override
        public void run(NodeRun run) {
            long before = System.currentTimeMillis();
            CommandResult r = run.session().sudo(HostFacts.SCRIPT);
            long after = System.currentTimeMillis();
            if (!r.ok()) {
                throw new IllegalStateException("could not read facts as root (exit " + r.exitCode() + "): " + r.tail());
            }
            run.facts(HostFacts.parse(r.stdout(), (before + after) / 2000));
        }
    }

    static final class ValidateHost implements Phase {
        private final NodeNames nodeNames;

        /** @param nodeNames the node names claimed in this process; null: not checked across machines */
        ValidateHost(NodeNames nodeNames) {
            this.nodeNames = nodeNames;
        }

        ValidateHost() {
            this(null);
        }

        @Override
        public String title() {
            return "validate host";
        }

        @Override
        public void run(NodeRun run) {
            HostFacts f = run.facts();
            HostChecks c = run.spec().checks();
            List<String> problems = new ArrayList<>();
            if (!f.kernel().startsWith("Linux")) {
                problems.add("k3s needs Linux, found " + f.kernel());
            }
            if (!HostChecks.SUPPORTED_ARCH.contains(f.arch())) {
                problems.add("architecture " + f.arch() + " is not supported (supported: " + String.join(", ", HostChecks.SUPPORTED_ARCH) + ")");
            }
            if (f.memoryMb() < c.minMemoryMb()) {
                problems.add("memory is " + f.memoryMb() + " MiB, at least " + c.minMemoryMb() + " MiB is required for a "
                        + run.spec().role().name().toLowerCase());
            }
            if (f.swapMb() > 0 && !c.allowSwap()) {
                problems.add("swap is on (" + f.swapMb() + " MiB) and checks.allowSwap is false: turn swap off (swapoff -a)");
            }
            if (f.clockSkewSeconds() == null) {
                problems.add("the machine's clock could not be read (date -u +%s printed " + (f.clockReading().isEmpty() ? "nothing"
                        : "'" + f.clockReading() + "'") + ", expected seconds since 1970): fix date on the machine; etcd and certificates need a"
                        + " clock synchronized within " + c.maxClockSkewSeconds() + "s");
            } else if (Math.abs(f.clockSkewSeconds()) > c.maxClockSkewSeconds()) {
                problems.add("clock is " + f.clockSkewSeconds() + "s off from this machine's (at most " + c.maxClockSkewSeconds()
                        + "s allowed; etcd and certificates need synchronized clocks: enable NTP)");
            }
            if (f.foreignK3s()) {
                problems.add(foreignInstall(run));
            } else if (!(f.installed() && f.running())) {
                List<Integer> busy = c.requiredFreePorts().stream().filter(f.listeningPorts()::contains).toList();
                if (!busy.isEmpty()) {
                    String ports = busy.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
                    problems.add((busy.size() > 1 ? "ports " + ports + " are" : "port " + ports + " is")
                            + " already in use by another program (k3s needs " + c.requiredFreePorts() + " free; find it with: ss -ltnp,"
                            + " or without ss: grep -i ':" + String.format("%04X", busy.get(0)) + " ' /proc/net/tcp /proc/net/tcp6)");
                }
            }
            if (run.spec().airgap() != null) {
                problems.addAll(AirgapArchitecture.mismatches(run.spec().airgap(), f.arch()));
            }
            problems.addAll(nodeNameProblems(run));
            if (!f.foreignK3s() && f.installedRole() != null && f.installedRole() != run.spec().role()) {
                problems.add("k3s is already installed here as " + f.installedRole().name().toLowerCase() + ", but the host is declared "
                        + run.spec().role().name().toLowerCase() + ": uninstall it first (" + f.installedRole().uninstallScript() + ")");
            }
            if ("none".equals(f.initSystem())) {
                run.warnings().add("no systemd or openrc on " + run.label() + ": the install script must start k3s itself");
            }
            if (!problems.isEmpty()) {
                throw new HostValidationException(problems);
            }
        }

        /**
         * A node name belongs to one machine. Machines cloned from one image often share a hostname: the
         * second one's kubelet would take over the first one's Node (k3s refuses it only after the install).
         * Checked against the machines of this run and the Nodes the cluster already has.
         */
        private List<String> nodeNameProblems(NodeRun run) {
            List<String> problems = new ArrayList<>();
            String name = run.nodeName();
            if (name == null) {
                return problems;
            }
            String fix = "give this host its own node name (`name` in codezero:baremetal.hosts[], BareMetalHost.named(...) in code)"
                    + " or change its hostname (hostnamectl set-hostname <name>)";
            String origin = run.spec().nodeName() != null ? "" : " (this machine's hostname is " + run.facts().hostname() + ")";
            if (nodeNames != null) {
                SshEndpoint first = run.spec().firstServer();
                String cluster = first.host() + ":" + first.port();
                String machine = run.spec().endpoint().describe();
                NodeNames.Claim claim = nodeNames.claim(cluster, name, machine);
                if (claim == null) {
                    problems.add("node name '" + name + "'" + origin + " is also the node name of " + nodeNames.holder(cluster, name)
                            + " in this run: two machines with one name would share one Node; " + fix);
                } else {
                    run.nameClaim(claim);
                }
            }
            if (run.hasSeparateControlPlane()) {
                Optional<Kubectl.NodeStatus> node = Kubectl.node(run.controlPlane(), name);
                if (node.isPresent() && !run.isThisMachine(node.get())) {
                    problems.add("node name '" + name + "'" + origin + " is taken: the cluster's Node '" + name + "' is another machine (address "
                            + node.get().internalIp() + "; this machine's: " + String.join(", ", run.facts().addresses()) + "), and k3s"
                            + " refuses a second node of the same name; " + fix);
                }
            }
            return problems;
        }

        private static String foreignInstall(NodeRun run) {
            HostFacts f = run.facts();
            String host = run.spec().endpoint().host();
            String sudo = run.spec().endpoint().isRoot() ? "" : "sudo ";
            return "k3s " + (f.installedVersion() != null ? f.installedVersion() + " " : "") + "is already on this machine and was not installed"
                    + " by CodeZero (found: " + String.join(", ", f.k3sTraces()) + "). CodeZero does not take over a k3s it did not install:"
                    + " it would restart it with its own settings and token, without a drain, and destroy would delete its data. Either"
                    + " uninstall it (" + sudo + (f.installedRole() != null ? f.installedRole().uninstallScript() : "k3s-uninstall.sh")
                    + ") and run again, or adopt it explicitly, accepting that CodeZero reinstalls it with its settings: ssh "
                    + run.spec().endpoint().user() + "@" + host + " '" + sudo + "mkdir -p " + WORK_DIR + " && " + sudo + "touch "
                    + HostFacts.OWNER_MARKER + "'";
        }
    }

    // ---------------------------------------------------------------- install

    static final class Upload implements Phase {
        @Override
        public String title() {
            return "upload";
        }

        @Override
        public boolean shouldRun(NodeRun run) {
            return needsInstall(run);
        }

        @Override
        public void run(NodeRun run) throws IOException {
            SshSession s = run.session();
            NodeSpec spec = run.spec();
            // The marker first: from now on what is on the machine is CodeZero's own (half-)install, never
            // mistaken for a k3s someone else installed. One round trip with the binary's checksum.
            CommandResult marked = s.sudo("mkdir -p " + WORK_DIR + " && { [ -e " + HostFacts.OWNER_MARKER + " ] || printf 'codezero\\n' > "
                    + HostFacts.OWNER_MARKER + "; } || { rm -f " + HostFacts.OWNER_MARKER + "; exit 1; }; sha256sum " + run.k3sBinary()
                    + " 2>/dev/null | cut -d' ' -f1; true");
            if (!marked.ok()) {
                throw new IllegalStateException("could not write the install marker " + HostFacts.OWNER_MARKER + " on " + s.endpoint().host()
                        + " (" + marked.stderr().strip() + "): the file system holding " + WORK_DIR + " is full or read-only; free space"
                        + " (check with: df -h " + WORK_DIR + ") and run `pulumi up` again");
            }
            if (spec.airgap() != null) {
                byte[] binary = Files.readAllBytes(spec.airgap().k3sBinary());
                String remoteSum = marked.stdout().trim();
                if (!remoteSum.equals(sha256(binary))) {
                    // Counted once in place: a failed upload removes its partial file and changes nothing.
                    s.upload(binary, run.k3sBinary(), "755");
                    run.markChanged("uploaded " + run.k3sBinary());
                }
                s.upload(Files.readAllBytes(spec.airgap().installScript()), INSTALL_SCRIPT, "700");
                Path images = spec.airgap().images();
                if (images != null) {
                    String remote = Airgap.IMAGES_DIR + images.getFileName();
                    String size = s.sudo("stat -c %s " + SshSession.quote(remote) + " 2>/dev/null").stdout().trim();
                    // Same name and size: already there (hashing hundreds of megabytes each run would be slow).
                    if (!size.equals(String.valueOf(Files.size(images)))) {
                        s.upload(images, remote, "644");
                        run.markChanged("uploaded " + remote);
                    }
                }
            } else {
                CommandResult r = s.sudo("set -e; mkdir -p " + WORK_DIR + "; curl -sSfL --retry 3 --connect-timeout 20 "
                        + SshSession.quote(spec.installScriptUrl()) + " -o " + INSTALL_SCRIPT + ".tmp; chmod 700 " + INSTALL_SCRIPT
                        + ".tmp; mv -f " + INSTALL_SCRIPT + ".tmp " + INSTALL_SCRIPT);
                if (!r.ok()) {
                    throw new IllegalStateException("could not download the k3s install script from " + spec.installScriptUrl()
                            + " on " + s.endpoint().host() + " (curl exit " + r.exitCode() + curlMeaning(r.exitCode()) + "): " + r.tail()
                            + "; the machine itself downloads it (and k3s): give it internet access (DNS, a route, a proxy in"
                            + " /etc/environment), or use airgap assets (codezero:baremetal.airgap), which need no internet");
                }
            }
        }
    }

    static final class InstallK3s implements Phase {
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

    static final class WaitReady implements Phase {
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

    /**
     * After k3s was restarted on a server: its etcd member is healthy and the API answers through
     * every other server, before the next machine's turn. Polls until the ready timeout.
     */
    static final class ServerHealth implements Phase {
        @Override
        public String title() {
            return "check cluster health";
        }

        @Override
        public boolean shouldRun(NodeRun run) {
            return run.spec().role() == NodeRole.SERVER && run.restarted();
        }

        @Override
        public void run(NodeRun run) throws InterruptedException {
            long deadline = System.nanoTime() + run.spec().readyTimeout().toNanos();
            long pause = 100;
            while (true) {
                List<String> problems = Kubectl.clusterHealthProblems(run.session(), run.nodeName());
                if (problems.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("after k3s restarted on " + run.nodeName() + " the cluster is not healthy within "
                            + run.spec().readyTimeout().toSeconds() + "s: " + String.join("; ", problems));
                }
                Thread.sleep(pause);
                pause = Math.min(1000, pause * 2);
            }
        }
    }

    static final class FetchKubeconfig implements Phase {
        @Override
        public String title() {
            return "fetch kubeconfig";
        }

        @Override
        public boolean shouldRun(NodeRun run) {
            return run.spec().role() == NodeRole.SERVER;
        }

        @Override
        public void run(NodeRun run) {
            // One round trip: the token first (one line), then the kubeconfig.
            CommandResult r = run.session().sudo("set -e; t=$(head -n 1 /var/lib/rancher/k3s/server/token);"
                    + " [ -n \"$t\" ] || { echo 'the token file is empty' >&2; exit 1; }; printf '%s\\n' \"$t\"; cat /etc/rancher/k3s/k3s.yaml");
            int newline = r.stdout().indexOf('\n');
            if (!r.ok() || newline < 0) {
                // stderr only: stdout would be the secrets themselves
                throw new IllegalStateException("could not read the server token /var/lib/rancher/k3s/server/token or /etc/rancher/k3s/k3s.yaml"
                        + " (exit " + r.exitCode() + "): " + r.stderr().strip());
            }
            String token = r.stdout().substring(0, newline).trim();
            String kubeconfig = r.stdout().substring(newline + 1);
            String server = run.spec().kubeconfigServer() != null ? run.spec().kubeconfigServer() : run.spec().endpoint().host();
            run.kubeconfig(Secret.of(rewriteServer(kubeconfig, server)));
            run.clusterToken(Secret.of(token));
        }
    }

    /** What curl's exit status says, for the few a machine without internet gives. */
    static String curlMeaning(int exit) {
        return switch (exit) {
            case 5 -> ": could not resolve the proxy";
            case 6 -> ": could not resolve the host name (no DNS, or no internet)";
            case 7 -> ": could not connect (no route to the internet, or a firewall)";
            case 22 -> ": the server answered with an HTTP error (is the version tag right?)";
            case 28 -> ": timed out";
            case 35, 60 -> ": TLS failed (a proxy intercepting HTTPS, or the machine's CA certificates or clock)";
            case 127 -> ": curl is not installed";
            default -> "";
        };
    }

    /** k3s writes https://127.0.0.1:6443; users need the machine's address. IPv6 addresses get brackets. */
    public static String rewriteServer(String kubeconfig, String address) {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return kubeconfig.replaceAll("server: https://(127\\.0\\.0\\.1|localhost|\\[::1\\]):(\\d+)", "server: https://" + host + ":$2");
    }

    // ---------------------------------------------------------------- upgrade and removal

    /** Drains the node through the control plane; the two lifecycle steps differ only in when. */
    static final class Drain implements Phase {
        private final Predicate<NodeRun> when;

        private Drain(Predicate<NodeRun> when) {
            this.when = when;
        }

        /** Before an upgrade or reconfiguration: a running, registered node that is about to be reinstalled. */
        static Drain beforeReinstall() {
            return new Drain(run -> run.facts().installed() && run.facts().running() && needsInstall(run)
                    && Kubectl.node(run.controlPlane(), run.nodeName()).isPresent());
        }

        /** Before removal. The first server is removed last, with the cluster: there is nowhere to drain it to. */
        static Drain beforeRemoval() {
            return new Drain(run -> run.hasSeparateControlPlane()
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

    static final class Uncordon implements Phase {
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

    static final class Uninstall implements Phase {
        @Override
        public String title() {
            return "uninstall";
        }

        @Override
        public void run(NodeRun run) {
            run.markChanged("ran the k3s uninstall script");
            CommandResult r = run.session().sudo("for s in /usr/local/bin/k3s-uninstall.sh /usr/local/bin/k3s-agent-uninstall.sh /opt/bin/k3s-uninstall.sh /opt/bin/k3s-agent-uninstall.sh; do"
                    + " if [ -x \"$s\" ]; then \"$s\" >/dev/null 2>&1 || exit 1; fi; done; rm -rf " + WORK_DIR, null, Duration.ofMinutes(5));
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

    static final class RemoveNode implements Phase {
        @Override
        public String title() {
            return "remove node";
        }

        @Override
        public boolean shouldRun(NodeRun run) {
            return run.hasSeparateControlPlane() && run.nodeName() != null;
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

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
