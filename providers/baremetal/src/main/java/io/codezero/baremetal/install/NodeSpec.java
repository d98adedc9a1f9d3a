package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The desired state of one machine: how to reach it, what k3s to run on it and how it joins.
 *
 * @param nodeName      Kubernetes node name; null means the machine's hostname
 * @param clusterInit   the first server: starts embedded etcd with {@code --cluster-init}
 * @param serverUrl     where servers (other than the first) and agents join, e.g. https://10.0.0.10:6443
 * @param token         the cluster join token; optional for the first server (k3s generates one)
 * @param controlPlane  a server to run kubectl on (drain, remove node, readiness); null for the first server
 * @param kubeconfigServer the address written into the fetched kubeconfig; null means the machine's address
 * @param maxUnavailable how many agents of the cluster may be drained and restarted at once (agents only)
 */
public record NodeSpec(
        NodeRole role,
        SshEndpoint endpoint,
        String nodeName,
        String k3sVersion,
        boolean clusterInit,
        String serverUrl,
        Secret token,
        SshEndpoint controlPlane,
        List<String> tlsSans,
        List<String> extraArgs,
        Airgap airgap,
        String installScriptUrl,
        HostChecks checks,
        String kubeconfigServer,
        Duration readyTimeout,
        Duration drainTimeout,
        int maxUnavailable) {

    public NodeSpec {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(k3sVersion, "k3sVersion");
        tlsSans = List.copyOf(tlsSans == null ? List.of() : tlsSans);
        extraArgs = List.copyOf(extraArgs == null ? List.of() : extraArgs);
        checks = Objects.requireNonNullElse(checks, HostChecks.defaults(role));
        readyTimeout = Objects.requireNonNullElse(readyTimeout, Duration.ofMinutes(5));
        drainTimeout = Objects.requireNonNullElse(drainTimeout, Duration.ofMinutes(5));
        maxUnavailable = Math.max(1, maxUnavailable);
    }

    public NodeSpec(NodeRole role, SshEndpoint endpoint, String nodeName, String k3sVersion, boolean clusterInit, String serverUrl,
            Secret token, SshEndpoint controlPlane, List<String> tlsSans, List<String> extraArgs, Airgap airgap, String installScriptUrl,
            HostChecks checks, String kubeconfigServer, Duration readyTimeout, Duration drainTimeout) {
        this(role, endpoint, nodeName, k3sVersion, clusterInit, serverUrl, token, controlPlane, tlsSans, extraArgs, airgap,
                installScriptUrl, checks, kubeconfigServer, readyTimeout, drainTimeout, 1);
    }

    /** The first server: where kubectl runs for this node, where the cluster lock lives, what names the cluster. */
    public SshEndpoint firstServer() {
        return controlPlane != null ? controlPlane : endpoint;
    }

    public boolean isFirstServer() {
        return role == NodeRole.SERVER && clusterInit;
    }

    /** "server-0 (10.0.0.10:22)" style label for messages; never credentials. */
    public String label(String resolvedNodeName) {
        String name = resolvedNodeName != null ? resolvedNodeName : nodeName;
        return name == null ? endpoint.describe() : name + " (" + endpoint.describe() + ")";
    }

    /** The k3s command line (INSTALL_K3S_EXEC): role, join flags and user flags; the token travels separately. */
    public List<String> execArgs(String resolvedNodeName) {
        List<String> args = new ArrayList<>();
        args.add(role == NodeRole.SERVER ? "server" : "agent");
        if (role == NodeRole.SERVER && clusterInit) {
            args.add("--cluster-init");
        }
        if (role == NodeRole.SERVER && !clusterInit && serverUrl != null) {
            args.add("--server");
            args.add(serverUrl);
        }
        args.add("--node-name");
        args.add(resolvedNodeName);
        if (role == NodeRole.SERVER) {
            for (String san : tlsSans) {
                args.add("--tls-san");
                args.add(san);
            }
        }
        args.addAll(extraArgs);
        return args;
    }

    /** Identifies the installed configuration, so a re-run with nothing changed does not reinstall. */
    public String configHash(String resolvedNodeName) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\u0000", execArgs(resolvedNodeName)).getBytes(StandardCharsets.UTF_8));
            digest.update(("\u0001" + serverUrl + "\u0001" + k3sVersion).getBytes(StandardCharsets.UTF_8));
            if (token != null) {
                digest.update(token.reveal().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
