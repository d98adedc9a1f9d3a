package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import javax.annotation.Nullable;

/**
 * How the provider reaches a machine over SSH. Pin the host key ({@code hostKey}, as printed by
 * {@code ssh-keyscan}); {@code trustOnFirstUse} accepts the first key seen and records it. Give a
 * private key or a password; both are secrets.
 */
public final class ConnectionArgs extends ResourceArgs {
    @Import(name = "host", required = true) private Output<String> host;
    @Import(name = "port") @Nullable private Output<Integer> port;
    @Import(name = "user") @Nullable private Output<String> user;
    @Import(name = "hostKey") @Nullable private Output<String> hostKey;
    @Import(name = "trustOnFirstUse") @Nullable private Output<Boolean> trustOnFirstUse;
    @Import(name = "privateKey") @Nullable private Output<String> privateKey;
    @Import(name = "privateKeyPassphrase") @Nullable private Output<String> privateKeyPassphrase;
    @Import(name = "password") @Nullable private Output<String> password;
    @Import(name = "sudoPassword") @Nullable private Output<String> sudoPassword;
    @Import(name = "jumpHost") @Nullable private Output<ConnectionArgs> jumpHost;

    private ConnectionArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> host() { return host; }
    public Output<Integer> port() { return port; }
    public Output<String> user() { return user; }
    public Output<String> hostKey() { return hostKey; }
    public Output<Boolean> trustOnFirstUse() { return trustOnFirstUse; }
    public Output<String> privateKey() { return privateKey; }
    public Output<String> password() { return password; }
    public Output<String> sudoPassword() { return sudoPassword; }
    public Output<ConnectionArgs> jumpHost() { return jumpHost; }

    public static final class Builder {
        private final ConnectionArgs a = new ConnectionArgs();

        public Builder host(String v) { a.host = Output.of(v); return this; }
        public Builder port(int v) { a.port = Output.of(v); return this; }
        public Builder user(String v) { a.user = Output.of(v); return this; }
        public Builder hostKey(String v) { a.hostKey = v == null ? null : Output.of(v); return this; }
        public Builder trustOnFirstUse(boolean v) { a.trustOnFirstUse = Output.of(v); return this; }
        /** Marked secret here, whatever the caller passed. */
        public Builder privateKey(Output<String> v) { a.privateKey = v == null ? null : v.asSecret(); return this; }
        public Builder privateKeyPassphrase(Output<String> v) { a.privateKeyPassphrase = v == null ? null : v.asSecret(); return this; }
        public Builder password(Output<String> v) { a.password = v == null ? null : v.asSecret(); return this; }
        public Builder sudoPassword(Output<String> v) { a.sudoPassword = v == null ? null : v.asSecret(); return this; }
        public Builder jumpHost(ConnectionArgs v) { a.jumpHost = v == null ? null : Output.of(v); return this; }

        public ConnectionArgs build() {
            if (a.host == null) {
                throw new IllegalStateException("ConnectionArgs.host is required");
            }
            return a;
        }
    }
}
