package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import java.util.List;
import javax.annotation.Nullable;

/** Inputs of a {@link ServerNode}: the shared ones plus cluster-init, TLS SANs and the kubeconfig address. */
public final class ServerNodeArgs extends NodeArgs {
    @Import(name = "clusterInit") @Nullable private Output<Boolean> clusterInit;
    @Import(name = "tlsSans") @Nullable private Output<List<String>> tlsSans;
    @Import(name = "kubeconfigServer") @Nullable private Output<String> kubeconfigServer;

    private ServerNodeArgs() {
    }

    /** {@return a new builder; connection and k3sVersion must be set} */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the server's inputs; the shared setters are on {@link NodeArgs.Builder}. */
    public static final class Builder extends NodeArgs.Builder<ServerNodeArgs, Builder> {
        Builder() {
            super(new ServerNodeArgs());
        }

        /**
         * True on exactly one server: the first, which starts embedded etcd.
         * @param v true on the first server only
         * @return this builder
         */
        public Builder clusterInit(boolean v) { a.clusterInit = Output.of(v); return this; }
        /**
         * Extra names and addresses the API server's certificate is valid for, e.g. a VIP or DNS name.
         * @param v names or addresses, or {@code null} or empty for none
         * @return this builder
         */
        public Builder tlsSans(List<String> v) { a.tlsSans = v == null || v.isEmpty() ? null : Output.of(List.copyOf(v)); return this; }
        /**
         * The server address written into {@link ServerNode#kubeconfig()}; by default the connection's host.
         * @param v an address or DNS name, or {@code null}
         * @return this builder
         */
        public Builder kubeconfigServer(String v) { a.kubeconfigServer = v == null ? null : Output.of(v); return this; }
    }
}
