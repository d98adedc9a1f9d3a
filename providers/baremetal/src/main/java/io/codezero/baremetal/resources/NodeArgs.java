package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Inputs shared by {@link ServerNode} and {@link AgentNode}. Property names match the provider's
 * ({@code codezero:baremetal:*}); see docs/baremetal.md for each.
 */
public class NodeArgs extends ResourceArgs {
    @Import(name = "connection", required = true) Output<ConnectionArgs> connection;
    @Import(name = "k3sVersion", required = true) Output<String> k3sVersion;
    @Import(name = "nodeName") @Nullable Output<String> nodeName;
    @Import(name = "serverUrl") @Nullable Output<String> serverUrl;
    @Import(name = "token") @Nullable Output<String> token;
    @Import(name = "controlPlane") @Nullable Output<ConnectionArgs> controlPlane;
    @Import(name = "extraArgs") @Nullable Output<List<String>> extraArgs;
    @Import(name = "airgap") @Nullable Output<AirgapArgs> airgap;
    @Import(name = "installScriptUrl") @Nullable Output<String> installScriptUrl;
    @Import(name = "checks") @Nullable Output<Map<String, Object>> checks;
    @Import(name = "readyTimeoutSeconds") @Nullable Output<Integer> readyTimeoutSeconds;
    @Import(name = "drainTimeoutSeconds") @Nullable Output<Integer> drainTimeoutSeconds;

    NodeArgs() {
    }

    /** {@return the SSH connection to the machine} */
    public Output<ConnectionArgs> connection() { return connection; }
    /** {@return the k3s release tag to install, e.g. {@code v1.34.1+k3s1}} */
    public Output<String> k3sVersion() { return k3sVersion; }
    /** {@return the cluster join token (a secret), or {@code null} on the first server} */
    public Output<String> token() { return token; }

    /** Fluent setters shared by both builders. */
    @SuppressWarnings("unchecked")
    public abstract static class Builder<A extends NodeArgs, B extends Builder<A, B>> {
        final A a;

        Builder(A a) {
            this.a = a;
        }

        /**
         * @param v how the provider reaches the machine (required)
         * @return this builder
         */
        public B connection(ConnectionArgs v) { a.connection = Output.of(v); return (B) this; }
        /**
         * @param v a k3s release tag such as {@code v1.34.1+k3s1} (required); a change upgrades the machine
         * @return this builder
         */
        public B k3sVersion(String v) { a.k3sVersion = Output.of(v); return (B) this; }
        /**
         * @param v the Kubernetes node name, or {@code null} for the machine's hostname
         * @return this builder
         */
        public B nodeName(String v) { a.nodeName = v == null ? null : Output.of(v); return (B) this; }
        /**
         * @param v the URL of the API to join, {@code https://<address>:6443}; {@code null} only on the first server
         * @return this builder
         */
        public B serverUrl(Output<String> v) { a.serverUrl = v; return (B) this; }
        /**
         * The cluster join token: always sent as a secret.
         * @param v the token, or {@code null} on the first server
         * @return this builder
         */
        public B token(Output<String> v) { a.token = v == null ? null : v.asSecret(); return (B) this; }
        /**
         * The SSH connection of a server, where the provider runs kubectl for this node (readiness, drain, removal).
         * @param v a server's connection, or {@code null}
         * @return this builder
         */
        public B controlPlane(ConnectionArgs v) { a.controlPlane = v == null ? null : Output.of(v); return (B) this; }
        /**
         * @param v extra k3s flags for this machine, e.g. {@code --node-label=tier=web}; {@code null} or empty for
         *     none
         * @return this builder
         */
        public B extraArgs(List<String> v) { a.extraArgs = v == null || v.isEmpty() ? null : Output.of(List.copyOf(v)); return (B) this; }
        /**
         * @param v the k3s assets to upload instead of downloading, or {@code null}
         * @return this builder
         */
        public B airgap(AirgapArgs v) { a.airgap = v == null ? null : Output.of(v); return (B) this; }
        /**
         * @param v an {@code https://} URL of the install script; {@code null} for the k3s release's own {@code
         *     install.sh}
         * @return this builder
         */
        public B installScriptUrl(String v) { a.installScriptUrl = v == null ? null : Output.of(v); return (B) this; }
        /**
         * minMemoryMb, allowSwap, maxClockSkewSeconds, requiredFreePorts.
         * @param v the check settings, or {@code null} or empty for the defaults
         * @return this builder
         */
        public B checks(Map<String, Object> v) { a.checks = v == null || v.isEmpty() ? null : Output.of(Map.copyOf(v)); return (B) this; }
        /**
         * @param v how long to wait for the node to be Ready, 5 to 7200 s (default 300)
         * @return this builder
         */
        public B readyTimeoutSeconds(Integer v) { a.readyTimeoutSeconds = v == null ? null : Output.of(v); return (B) this; }
        /**
         * @param v how long a drain may take before removal or upgrade fails, 5 to 7200 s (default 300)
         * @return this builder
         */
        public B drainTimeoutSeconds(Integer v) { a.drainTimeoutSeconds = v == null ? null : Output.of(v); return (B) this; }

        /**
         * @return the args
         * @throws IllegalStateException if the connection or the k3s version is missing
         */
        public A build() {
            if (a.connection == null || a.k3sVersion == null) {
                throw new IllegalStateException("connection and k3sVersion are required");
            }
            return a;
        }
    }
}
