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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends NodeArgs.Builder<ServerNodeArgs, Builder> {
        Builder() {
            super(new ServerNodeArgs());
        }

        /** True on exactly one server: the first, which starts embedded etcd. */
        public Builder clusterInit(boolean v) { a.clusterInit = Output.of(v); return this; }
        public Builder tlsSans(List<String> v) { a.tlsSans = v == null || v.isEmpty() ? null : Output.of(List.copyOf(v)); return this; }
        public Builder kubeconfigServer(String v) { a.kubeconfigServer = v == null ? null : Output.of(v); return this; }
    }
}
