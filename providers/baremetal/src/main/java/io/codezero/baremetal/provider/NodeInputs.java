package io.codezero.baremetal.provider;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.install.Airgap;
import io.codezero.baremetal.install.HostChecks;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.baremetal.install.NodeSpec;
import io.codezero.baremetal.ssh.HostKeys;
import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshTimeouts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a ServerNode or AgentNode: parsed into a {@link NodeSpec}, with every problem
 * reported against its property path (what the engine shows under the resource in a preview).
 */
final class NodeInputs {
    /** Input properties the provider always treats as secret, wherever they appear. */
    static final List<String> SECRET_FIELDS = List.of("privateKey", "privateKeyPassphrase", "password", "sudoPassword", "token");
    /** Output properties that are always secret. */
    static final List<String> SECRET_OUTPUTS = List.of("kubeconfig", "clusterToken");
    /** Outputs the provider computes; present in old state, never user input. */
    static final String[] COMPUTED = {"resolvedNodeName", "installedVersion", "running", "observedHostKey", "os", "arch",
            "kubeconfig", "clusterToken", "warnings"};
    static final String K3S_VERSION_PATTERN = "v\\d+\\.\\d+\\.\\d+\\+k3s\\d+";
    private static final String NODE_NAME_PATTERN = "[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?";

    record Parsed(NodeSpec spec, List<InputReader.Failure> failures, boolean hasUnknowns) {
    }

    private NodeInputs() {
    }

    /** The inputs recorded in a state: the state without the {@link #COMPUTED} outputs. */
    static Map<String, Object> withoutComputed(Map<String, Object> state) {
        Map<String, Object> inputs = new LinkedHashMap<>(state);
        for (String key : COMPUTED) {
            inputs.remove(key);
        }
        return inputs;
    }

    static NodeRole roleOf(String type) {
        if (ResourceTokens.SERVER_NODE.equals(type)) {
            return NodeRole.SERVER;
        }
        if (ResourceTokens.AGENT_NODE.equals(type)) {
            return NodeRole.AGENT;
        }
        throw new IllegalArgumentException("unknown resource type " + type + "; this provider serves "
                + ResourceTokens.SERVER_NODE + " and " + ResourceTokens.AGENT_NODE);
    }

    static String typeOfUrn(String urn) {
        // urn:pulumi:stack::project::parent$type::name: the type is the last $-separated part before "::name".
        String[] parts = urn.split("::");
        if (parts.length < 4) {
            throw new IllegalArgumentException("malformed URN " + urn);
        }
        String qualified = parts[2];
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    /**
     * @param observedHostKey the host key recorded at first use, pinned from then on; may be null
     * @param fromState       parsing old state: computed outputs are allowed
     */
    static Parsed parse(NodeRole role, Map<String, Object> raw, String observedHostKey, boolean fromState) {
        Map<String, Object> values = castMap(PropertyValues.reveal(raw));
        boolean unknowns = PropertyValues.containsUnknown(raw);
        InputReader in = InputReader.of(values);
        if (fromState) {
            in.ignore(COMPUTED);
        }
        SshEndpoint endpoint = endpoint(in, "connection", true, observedHostKey);
        String version = in.string("k3sVersion");
        if (version == null && !in.isUnknown("k3sVersion")) {
            in.fail("k3sVersion", "is required, e.g. v1.34.1+k3s1 (a k3s release tag)");
        } else if (version != null && !version.matches(K3S_VERSION_PATTERN)) {
            in.fail("k3sVersion", "'" + version + "' is not a k3s release tag; expected the form v1.34.1+k3s1");
        }
        String nodeName = in.string("nodeName");
        if (nodeName != null && !nodeName.matches(NODE_NAME_PATTERN)) {
            in.fail("nodeName", "'" + nodeName + "' is not a valid node name: lower-case letters, digits, '-' and '.', at most 253 characters");
        }
        boolean clusterInit = role == NodeRole.SERVER && in.bool("clusterInit", false);
        if (role == NodeRole.AGENT && in.present("clusterInit")) {
            in.fail("clusterInit", "only a ServerNode can initialize the cluster");
        }
        String serverUrl = in.string("serverUrl");
        Secret token = Secret.ofNullable(in.string("token"));
        boolean joins = role == NodeRole.AGENT || !clusterInit;
        SshEndpoint controlPlane = null;
        if (joins) {
            if (serverUrl == null && !in.isUnknown("serverUrl")) {
                in.fail("serverUrl", "is required to join a cluster (e.g. https://10.0.0.10:6443)"
                        + (role == NodeRole.SERVER ? "; or set clusterInit: true on the first server" : ""));
            }
            if (token == null && !in.isUnknown("token")) {
                in.fail("token", "is required to join a cluster: the first server's clusterToken output");
            }
            if (!in.present("controlPlane") && !in.isUnknown("controlPlane")) {
                in.fail("controlPlane", "is required to join a cluster: the SSH connection of a server, used to check readiness, drain and remove this node");
            } else {
                controlPlane = endpoint(in, "controlPlane", false, null);
            }
        } else {
            if (serverUrl != null) {
                in.fail("serverUrl", "must be left out on the first server (clusterInit: true): it starts the cluster");
            }
            in.isUnknown("controlPlane");
            if (in.present("controlPlane")) {
                in.fail("controlPlane", "must be left out on the first server (clusterInit: true)");
            }
        }
        if (serverUrl != null && !serverUrl.matches("https://[^/\\s]+:\\d{1,5}/?")) {
            in.fail("serverUrl", "'" + serverUrl + "' must look like https://<address>:6443");
        }
        List<String> tlsSans = in.strings("tlsSans");
        if (role == NodeRole.AGENT && !tlsSans.isEmpty()) {
            in.fail("tlsSans", "only servers serve the API; leave tlsSans out on an AgentNode");
        }
        List<String> extraArgs = in.strings("extraArgs");
        for (String arg : extraArgs) {
            if (arg.startsWith("--token") || arg.startsWith("--server") || arg.startsWith("--cluster-init") || arg.startsWith("--node-name")) {
                in.fail("extraArgs", "'" + arg + "' is set by the provider; use the token, serverUrl, clusterInit or nodeName property");
            }
        }
        Airgap airgap = null;
        if (in.present("airgap")) {
            InputReader a = in.object("airgap");
            String binary = a.string("k3sBinary");
            String script = a.string("installScript");
            String images = a.string("images");
            if (images != null && !Files.isRegularFile(Path.of(images))) {
                a.fail("images", "'" + images + "' does not exist or is not a file (paths are on the machine running Pulumi)");
            }
            for (String[] f : new String[][] {{"k3sBinary", binary}, {"installScript", script}}) {
                if (f[1] == null && !a.isUnknown(f[0])) {
                    a.fail(f[0], "is required with airgap: a path on the machine running Pulumi");
                } else if (f[1] != null && !Files.isRegularFile(Path.of(f[1]))) {
                    a.fail(f[0], "'" + f[1] + "' does not exist or is not a file (paths are on the machine running Pulumi)");
                }
            }
            a.rejectUnknownKeys();
            if (binary != null && script != null) {
                airgap = new Airgap(Path.of(binary), Path.of(script), images == null ? null : Path.of(images));
            }
        } else {
            in.isUnknown("airgap");
        }
        String scriptUrl = in.string("installScriptUrl");
        if (scriptUrl == null && version != null) {
            // The install script of the same release: pinned, unlike get.k3s.io.
            scriptUrl = "https://raw.githubusercontent.com/k3s-io/k3s/" + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/install.sh";
        }
        if (scriptUrl != null && !scriptUrl.startsWith("https://")) {
            in.fail("installScriptUrl", "must be an https:// URL");
        }
        HostChecks checks = checks(in, role);
        String kubeconfigServer = in.string("kubeconfigServer");
        if (role == NodeRole.AGENT && kubeconfigServer != null) {
            in.fail("kubeconfigServer", "only servers give a kubeconfig; leave it out on an AgentNode");
        }
        int readyTimeout = in.integer("readyTimeoutSeconds", 300, 5, 7200);
        int drainTimeout = in.integer("drainTimeoutSeconds", 300, 5, 7200);
        int maxUnavailable = in.integer("maxUnavailable", 1, 1, 10000);
        if (role == NodeRole.SERVER && in.present("maxUnavailable")) {
            in.fail("maxUnavailable", "applies to agents only: servers are always upgraded one at a time (embedded etcd keeps its quorum)");
        }
        in.rejectUnknownKeys();
        NodeSpec spec = null;
        if (in.failures().isEmpty() && endpoint != null && version != null && !unknowns) {
            spec = new NodeSpec(role, endpoint, nodeName, version, clusterInit, serverUrl, token, controlPlane, tlsSans,
                    extraArgs, airgap, scriptUrl, checks, kubeconfigServer, Duration.ofSeconds(readyTimeout), Duration.ofSeconds(drainTimeout),
                    maxUnavailable);
        }
        return new Parsed(spec, in.failures(), unknowns);
    }

    private static HostChecks checks(InputReader in, NodeRole role) {
        HostChecks defaults = HostChecks.defaults(role);
        if (!in.present("checks")) {
            in.isUnknown("checks");
            return defaults;
        }
        InputReader c = in.object("checks");
        int minMemory = c.integer("minMemoryMb", defaults.minMemoryMb(), 0, 1 << 24);
        boolean allowSwap = c.bool("allowSwap", defaults.allowSwap());
        int skew = c.integer("maxClockSkewSeconds", defaults.maxClockSkewSeconds(), 0, 86400);
        List<Integer> ports = defaults.requiredFreePorts();
        if (c.present("requiredFreePorts")) {
            ports = c.strings("requiredFreePorts").stream().filter(p -> p.matches("\\d{1,5}")).map(Integer::valueOf).toList();
        }
        c.rejectUnknownKeys();
        return new HostChecks(minMemory, allowSwap, skew, ports);
    }

    static SshEndpoint endpoint(InputReader parent, String key, boolean allowJump, String observedHostKey) {
        if (!parent.present(key)) {
            if (!parent.isUnknown(key)) {
                parent.fail(key, "is required: how to reach the machine over SSH (host, user, hostKey, privateKey or password)");
            }
            return null;
        }
        InputReader c = parent.object(key);
        String host = c.string("host");
        if (host == null && !c.isUnknown("host")) {
            c.fail("host", "is required: the machine's address or DNS name");
        }
        int port = c.integer("port", 22, 1, 65535);
        String user = c.string("user");
        user = user == null ? "root" : user;
        String hostKey = c.string("hostKey");
        boolean tofu = c.bool("trustOnFirstUse", false);
        if (hostKey != null) {
            String problem = HostKeys.problem(hostKey);
            if (problem != null) {
                c.fail("hostKey", problem);
            }
        } else if (!tofu && observedHostKey == null && !c.isUnknown("hostKey")) {
            c.fail("hostKey", "no host key is pinned for " + (host == null ? "this machine" : host)
                    + ": give hostKey (from ssh-keyscan -t ed25519 " + (host == null ? "<host>" : host)
                    + ", checked out of band) or set trustOnFirstUse: true to accept the first key seen (not recommended)");
        }
        Secret privateKey = Secret.ofNullable(c.string("privateKey"));
        Secret passphrase = Secret.ofNullable(c.string("privateKeyPassphrase"));
        Secret password = Secret.ofNullable(c.string("password"));
        Secret sudoPassword = Secret.ofNullable(c.string("sudoPassword"));
        if (privateKey == null && password == null && !c.isUnknown("privateKey") && !c.isUnknown("password")) {
            c.fail("privateKey", "give privateKey or password: the machine cannot be logged into otherwise");
        }
        if (privateKey != null && !privateKey.reveal().contains("PRIVATE KEY")) {
            c.fail("privateKey", "is not a private key (expected the text of an OpenSSH or PEM private key file, not a path)");
        }
        SshEndpoint jump = null;
        if (c.present("jumpHost")) {
            if (!allowJump) {
                c.fail("jumpHost", "is not supported here");
            } else {
                jump = endpoint(c, "jumpHost", false, null);
            }
        } else {
            c.isUnknown("jumpHost");
        }
        SshTimeouts timeouts = SshTimeouts.defaults();
        if (c.present("timeouts")) {
            InputReader t = c.object("timeouts");
            timeouts = new SshTimeouts(Duration.ofSeconds(t.integer("connectSeconds", 10, 1, 600)),
                    Duration.ofSeconds(t.integer("keepAliveIntervalSeconds", 3, 1, 600)),
                    t.integer("keepAliveMaxCount", 3, 1, 100),
                    Duration.ofSeconds(t.integer("commandSeconds", 600, 1, 86400)));
            t.rejectUnknownKeys();
        } else {
            c.isUnknown("timeouts");
        }
        c.rejectUnknownKeys();
        if (host == null) {
            return null;
        }
        return new SshEndpoint(host, port, user, hostKey != null ? hostKey : observedHostKey, tofu && hostKey == null && observedHostKey == null,
                privateKey, passphrase, password, sudoPassword, jump, timeouts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
