package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.Retry;
import io.codezero.baremetal.ssh.SshConnector;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The lists the phases form for each lifecycle step, in the order a manual install goes (one phase per
 * file: {@link Connect}, {@link GatherFacts}, {@link LockCluster}, {@link ValidateHost}, {@link Upload},
 * {@link AwaitFirstServer}, {@link InstallK3s}, {@link WaitReady}, {@link FetchKubeconfig}; for updates
 * and removals also {@link AwaitTurn}, {@link AwaitServersAtVersion}, {@link Drain}, {@link ServerHealth},
 * {@link Uncordon}, {@link Uninstall}, {@link RemoveNode}), and what they share. Each phase is small,
 * idempotent where it can be, and says what it does in its title.
 */
public final class Phases {
    static final String WORK_DIR = "/var/lib/codezero";
    static final String INSTALL_SCRIPT = WORK_DIR + "/k3s-install.sh";
    static final String INSTALL_ENV = WORK_DIR + "/k3s-install.env";
    static final String CONFIG_HASH = WORK_DIR + "/k3s-config.sha256";
    static final Retry CONNECT_RETRY = Retry.idempotent(3, Duration.ofSeconds(1));

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
                new AwaitTurn(co.rollouts(), Phases::needsRestart), new AwaitServersAtVersion(co.rollouts()), Drain.beforeReinstall(), new Upload(),
                new AwaitFirstServer(co.firstServers()), new InstallK3s(),
                new WaitReady(), new ServerHealth(), new Uncordon(), new FetchKubeconfig());
    }

    /**
     * Leave the cluster in order (the first server last), drain (in turn, like an update), uninstall, remove the node
     * object, clean up.
     */
    public static List<Phase> delete(SshConnector ssh, Coordination co) {
        return List.of(new Connect(ssh, co.sessions()), new GatherFacts(), new LockCluster(co.locks()), new LeaveCluster(co.removals()),
                new AwaitTurn(co.rollouts(), run -> run.facts().installed() && run.hasSeparateControlPlane() && !run.leavesWithTheCluster()),
                Drain.beforeRemoval(),
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

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
