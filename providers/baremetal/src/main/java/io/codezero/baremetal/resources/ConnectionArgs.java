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

    /** {@return a new builder; the host is required} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the machine's IP address or DNS name} */
    public Output<String> host() { return host; }
    /** {@return the SSH port, or {@code null} for 22} */
    public Output<Integer> port() { return port; }
    /** {@return the login user, or {@code null} for root} */
    public Output<String> user() { return user; }
    /** {@return the pinned host key, or {@code null}} */
    public Output<String> hostKey() { return hostKey; }
    /** {@return whether the first host key seen is accepted, or {@code null} for false} */
    public Output<Boolean> trustOnFirstUse() { return trustOnFirstUse; }
    /** {@return the private key (a secret), or {@code null}} */
    public Output<String> privateKey() { return privateKey; }
    /** {@return the login password (a secret), or {@code null}} */
    public Output<String> password() { return password; }
    /** {@return the sudo password (a secret), or {@code null}} */
    public Output<String> sudoPassword() { return sudoPassword; }
    /** {@return the machine the connection goes through, or {@code null} for a direct connection} */
    public Output<ConnectionArgs> jumpHost() { return jumpHost; }

    /** Sets the connection inputs; {@link #build()} needs at least the host. */
    public static final class Builder {
        private final ConnectionArgs a = new ConnectionArgs();

        /**
         * @param v the machine's IP address or DNS name (no port)
         * @return this builder
         */
        public Builder host(String v) { a.host = Output.of(v); return this; }
        /**
         * @param v the SSH port, 1 to 65535 (default 22)
         * @return this builder
         */
        public Builder port(int v) { a.port = Output.of(v); return this; }
        /**
         * @param v the login user: root (default) or a user with sudo
         * @return this builder
         */
        public Builder user(String v) { a.user = Output.of(v); return this; }
        /**
         * @param v a line of {@code ssh-keyscan} output, a known_hosts line or a {@code SHA256:} fingerprint; {@code
         *     null} for none
         * @return this builder
         */
        public Builder hostKey(String v) { a.hostKey = v == null ? null : Output.of(v); return this; }
        /**
         * @param v true to accept the first key seen (recorded as {@code observedHostKey}); default false
         * @return this builder
         */
        public Builder trustOnFirstUse(boolean v) { a.trustOnFirstUse = Output.of(v); return this; }
        /**
         * Marked secret here, whatever the caller passed.
         * @param v the private key's text (OpenSSH or PEM), or {@code null}
         * @return this builder
         */
        public Builder privateKey(Output<String> v) { a.privateKey = v == null ? null : v.asSecret(); return this; }
        /**
         * The passphrase of an encrypted private key; marked secret.
         * @param v the passphrase, or {@code null}
         * @return this builder
         */
        public Builder privateKeyPassphrase(Output<String> v) { a.privateKeyPassphrase = v == null ? null : v.asSecret(); return this; }
        /**
         * A login password instead of (or besides) a key; marked secret.
         * @param v the password, or {@code null}
         * @return this builder
         */
        public Builder password(Output<String> v) { a.password = v == null ? null : v.asSecret(); return this; }
        /**
         * The sudo password of a non-root user, sent on stdin; marked secret.
         * @param v the password, or {@code null}
         * @return this builder
         */
        public Builder sudoPassword(Output<String> v) { a.sudoPassword = v == null ? null : v.asSecret(); return this; }
        /**
         * A machine every SSH connection to this one goes through (its host key must be pinned).
         * @param v the jump host's connection, or {@code null}
         * @return this builder
         */
        public Builder jumpHost(ConnectionArgs v) { a.jumpHost = v == null ? null : Output.of(v); return this; }

        /**
         * @return the connection inputs
         * @throws IllegalStateException if no host was set
         */
        public ConnectionArgs build() {
            if (a.host == null) {
                throw new IllegalStateException("ConnectionArgs.host is required");
            }
            return a;
        }
    }
}
