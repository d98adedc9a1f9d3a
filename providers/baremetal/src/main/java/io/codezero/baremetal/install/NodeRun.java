package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshSession;
import java.util.ArrayList;
import java.util.List;

/**
 * One machine going through the phases: its desired state, its sessions, what was found and what
 * was produced. Phases share state through it; the phase manager closes its sessions.
 */
public final class NodeRun {
    private final NodeSpec spec;
    private final Progress progress;
    private SshSession session;
    private SharedSessions.Lease controlPlane;
    private SharedSessions.Lease sessionLease;
    private HostFacts facts;
    private boolean changedHost;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private String installedVersion;
    private boolean running;
    private Secret kubeconfig;
    private Secret clusterToken;
    private String presentedHostKey;
    private ClusterLocks.Lease lock;
    private Rollouts.Slot turn;
    private boolean failed;
    private String failure;
    private boolean restarted;
    private boolean turnTaken;
    private NodeNames.Claim nameClaim;
    private ClusterRemovals.Departure departure;
    private ClusterRemovals.Ending clusterEnding;
    private java.util.concurrent.CompletableFuture<Boolean> firstServerSignal;

    public NodeRun(NodeSpec spec, Progress progress) {
        this.spec = spec;
        this.progress = progress;
    }

    public NodeSpec spec() { return spec; }
    public SshSession session() { return session; }
    void session(SshSession s) { session = s; presentedHostKey = s.presentedHostKey(); }
    /** A session shared with other users (the first server's, also used by the lock and by joining nodes). */
    void session(SharedSessions.Lease lease) { session(lease.session()); sessionLease = lease; }
    /** kubectl runs here: the control-plane server, or this machine for the first server. */
    public SshSession controlPlane() { return controlPlane != null ? controlPlane.session() : session; }
    void controlPlane(SharedSessions.Lease s) { controlPlane = s; }
    boolean hasSeparateControlPlane() { return controlPlane != null; }
    public HostFacts facts() { return facts; }
    /** Where k3s and its scripts live on this machine (known after gather facts). */
    public String binDir() { return facts != null ? facts.binDir() : HostFacts.DEFAULT_BIN_DIR; }
    /** The k3s binary on this machine. */
    public String k3sBinary() { return binDir() + "/k3s"; }
    void facts(HostFacts f) {
        facts = f;
        installedVersion = f.installedVersion();
        running = f.running();
    }
    public boolean changedHost() { return changedHost; }
    /** Records what this run changed on the machine (named in a failure's message, so a partial state says what it holds). */
    void markChanged(String what) {
        changedHost = true;
        synchronized (changes) {
            if (!changes.contains(what)) {
                changes.add(what);
            }
        }
    }
    /** What this run changed on the machine, in order. */
    public List<String> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }
    public List<String> warnings() { return warnings; }
    public String installedVersion() { return installedVersion; }
    void installedVersion(String v) { installedVersion = v; }
    public boolean running() { return running; }
    void running(boolean r) { running = r; }
    public Secret kubeconfig() { return kubeconfig; }
    void kubeconfig(Secret k) { kubeconfig = k; }
    public Secret clusterToken() { return clusterToken; }
    void clusterToken(Secret t) { clusterToken = t; }
    public String presentedHostKey() { return presentedHostKey; }
    void lock(ClusterLocks.Lease l) { lock = l; }
    void turn(Rollouts.Slot t) { turn = t; }
    void nameClaim(NodeNames.Claim c) { nameClaim = c; }
    void departure(ClusterRemovals.Departure d) { departure = d; }
    void clusterEnding(ClusterRemovals.Ending e) { clusterEnding = e; }
    /** This machine is removed together with its cluster (the first server's removal began first): no drain, no Node removal. */
    boolean leavesWithTheCluster() { return departure != null && departure.withTheCluster(); }
    /** This run is the first server's: joins in this process wait on the signal. */
    void firstServerSignal(java.util.concurrent.CompletableFuture<Boolean> s) { firstServerSignal = s; }
    /** The first server's API answers: joins waiting in this process go ahead. */
    void firstServerReady() {
        if (firstServerSignal != null) {
            firstServerSignal.complete(Boolean.TRUE);
        }
    }

    /**
     * Whether a Node of this machine's name is this machine: its InternalIP is one of the machine's
     * addresses (or the address we connect to). Another machine with the same hostname registers a
     * Node of the same name; its address tells them apart. A Node without an address cannot be told
     * apart and counts as this machine's.
     */
    boolean isThisMachine(Kubectl.NodeStatus node) {
        String ip = node.internalIp();
        if (ip == null || ip.isBlank()) {
            return true;
        }
        if (HostFacts.sameAddress(ip, spec.endpoint().host())) {
            return true;
        }
        return facts != null && facts.addresses().stream().anyMatch(a -> HostFacts.sameAddress(a, ip));
    }
    /** Whether this machine took a turn in a rolling update (and so a failure stops the roll). */
    public boolean tookTurn() { return turn != null; }
    void failed(String why) { failed = true; failure = why; }
    /** k3s was (re)started on the machine in this run. */
    public boolean restarted() { return restarted; }
    void restarted(boolean r) { restarted = r; }

    /** The node name: the one asked for, else the machine's hostname (known after gather facts). */
    public String nodeName() {
        if (spec.nodeName() != null) {
            return spec.nodeName();
        }
        // Kubernetes node names are lower case; k3s would refuse "Web-01".
        return facts != null && !facts.hostname().isBlank() ? facts.hostname().toLowerCase(java.util.Locale.ROOT) : null;
    }

    public String label() {
        return spec.label(nodeName());
    }

    void report(String message) {
        progress.report(label(), message);
    }

    void close() {
        if (turn != null && !turnTaken) {
            turnTaken = true;
            turn.close(failed, failure);
        }
        if (firstServerSignal != null) {
            // Failed: joins waiting here stop with the cause; done without a restart: they check the machine.
            if (failed) {
                firstServerSignal.completeExceptionally(new IllegalStateException("the first server " + label() + " failed in " + failure));
            } else {
                firstServerSignal.complete(Boolean.FALSE);
            }
            firstServerSignal = null;
        }
        if (nameClaim != null) {
            nameClaim.close();
            nameClaim = null;
        }
        if (departure != null) {
            departure.close();
            departure = null;
        }
        if (clusterEnding != null) {
            clusterEnding.close();
            clusterEnding = null;
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
        if (controlPlane != null) {
            controlPlane.close();
            controlPlane = null;
        }
        if (sessionLease != null) {
            sessionLease.close();
            sessionLease = null;
        } else if (session != null) {
            session.close();
        }
        session = null;
    }
}
