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

    public Output<ConnectionArgs> connection() { return connection; }
    public Output<String> k3sVersion() { return k3sVersion; }
    public Output<String> token() { return token; }

    /** Fluent setters shared by both builders. */
    @SuppressWarnings("unchecked")
    public abstract static class Builder<A extends NodeArgs, B extends Builder<A, B>> {
        final A a;

        Builder(A a) {
            this.a = a;
        }

        public B connection(ConnectionArgs v) { a.connection = Output.of(v); return (B) this; }
        public B k3sVersion(String v) { a.k3sVersion = Output.of(v); return (B) this; }
        public B nodeName(String v) { a.nodeName = v == null ? null : Output.of(v); return (B) this; }
        public B serverUrl(Output<String> v) { a.serverUrl = v; return (B) this; }
        /** The cluster join token: always sent as a secret. */
        public B token(Output<String> v) { a.token = v == null ? null : v.asSecret(); return (B) this; }
        public B controlPlane(ConnectionArgs v) { a.controlPlane = v == null ? null : Output.of(v); return (B) this; }
        public B extraArgs(List<String> v) { a.extraArgs = v == null || v.isEmpty() ? null : Output.of(List.copyOf(v)); return (B) this; }
        public B airgap(AirgapArgs v) { a.airgap = v == null ? null : Output.of(v); return (B) this; }
        public B installScriptUrl(String v) { a.installScriptUrl = v == null ? null : Output.of(v); return (B) this; }
        /** minMemoryMb, allowSwap, maxClockSkewSeconds, requiredFreePorts. */
        public B checks(Map<String, Object> v) { a.checks = v == null || v.isEmpty() ? null : Output.of(Map.copyOf(v)); return (B) this; }
        public B readyTimeoutSeconds(Integer v) { a.readyTimeoutSeconds = v == null ? null : Output.of(v); return (B) this; }
        public B drainTimeoutSeconds(Integer v) { a.drainTimeoutSeconds = v == null ? null : Output.of(v); return (B) this; }

        public A build() {
            if (a.connection == null || a.k3sVersion == null) {
                throw new IllegalStateException("connection and k3sVersion are required");
            }
            return a;
        }
    }
}
