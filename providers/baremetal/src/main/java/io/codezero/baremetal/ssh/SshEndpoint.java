package io.codezero.baremetal.ssh;

import java.util.Objects;

/**
 * Everything needed to open an SSH session to one machine. Host key: either pinned ({@code hostKey},
 * OpenSSH public key text or a {@code SHA256:} fingerprint) or, only when asked for, trusted on first
 * use. Credentials: a private key, a password, or both (key tried first).
 */
public record SshEndpoint(
        String host,
        int port,
        String user,
        String hostKey,
        boolean trustOnFirstUse,
        Secret privateKey,
        Secret privateKeyPassphrase,
        Secret password,
        Secret sudoPassword,
        SshEndpoint jumpHost,
        SshTimeouts timeouts) {

    public SshEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        timeouts = Objects.requireNonNullElse(timeouts, SshTimeouts.defaults());
        hostKey = hostKey == null || hostKey.isBlank() ? null : hostKey.trim();
    }

    public static Builder builder(String host) {
        return new Builder().host(host);
    }

    public boolean isRoot() {
        return "root".equals(user);
    }

    /** host:port, plus the jump host when there is one; never any credential. */
    public String describe() {
        String self = host + ":" + port;
        return jumpHost == null ? self : self + " via " + jumpHost.describe();
    }

    @Override
    public String toString() {
        return "SshEndpoint[" + user + "@" + describe() + (hostKey != null ? ", pinned" : trustOnFirstUse ? ", tofu" : "") + "]";
    }

    public static final class Builder {
        private String host;
        private int port = 22;
        private String user = "root";
        private String hostKey;
        private boolean trustOnFirstUse;
        private Secret privateKey;
        private Secret privateKeyPassphrase;
        private Secret password;
        private Secret sudoPassword;
        private SshEndpoint jumpHost;
        private SshTimeouts timeouts = SshTimeouts.defaults();

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder hostKey(String v) { hostKey = v; return this; }
        public Builder trustOnFirstUse(boolean v) { trustOnFirstUse = v; return this; }
        public Builder privateKey(Secret v) { privateKey = v; return this; }
        public Builder privateKeyPassphrase(Secret v) { privateKeyPassphrase = v; return this; }
        public Builder password(Secret v) { password = v; return this; }
        public Builder sudoPassword(Secret v) { sudoPassword = v; return this; }
        public Builder jumpHost(SshEndpoint v) { jumpHost = v; return this; }
        public Builder timeouts(SshTimeouts v) { timeouts = v; return this; }

        public SshEndpoint build() {
            return new SshEndpoint(host, port, user, hostKey, trustOnFirstUse, privateKey, privateKeyPassphrase, password,
                    sudoPassword, jumpHost, timeouts);
        }
    }
}
