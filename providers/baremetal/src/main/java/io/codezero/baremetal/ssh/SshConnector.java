package io.codezero.baremetal.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordUtils;

/**
 * Opens authenticated SSH sessions with host key pinning, timeouts and keep-alives, through a jump
 * host when one is given. Every failure becomes an {@link SshFailure} that says what to check.
 */
public final class SshConnector {
    /**
     * One SSH configuration for every connection: building SSHJ's DefaultConfig sets up every algorithm factory,
     * work that a wave of 20 joins would otherwise repeat per connection. It is only read once built.
     */
    private static final DefaultConfig CONFIG = sharedConfig();

    /** Private keys parsed (and decrypted) once per process, by a digest of key and passphrase, not once per connection. */
    private final Map<String, KeyProvider> keys = new ConcurrentHashMap<>();

    static DefaultConfig sharedConfig() {
        DefaultConfig config = new DefaultConfig();
        // Must be set before connect(): SSHJ creates the keep-alive thread with the connection.
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        // AES-GCM first (every OpenSSH since 6.2 offers it; the JDK runs it with the CPU's AES instructions): SSHJ's
        // chacha20-poly1305, its default first choice, sets up a new JCE cipher for every packet. The others stay as fallbacks.
        List<Factory.Named<Cipher>> ciphers = new ArrayList<>(config.getCipherFactories());
        ciphers.sort(Comparator.comparingInt(f -> f.getName().startsWith("aes128-gcm") ? 0 : f.getName().startsWith("aes256-gcm") ? 1 : 2));
        config.setCipherFactories(ciphers);
        return config;
    }

    /** Connects once; callers decide about retries (see {@link Retry}). */
    public SshSession connect(SshEndpoint endpoint) {
        SSHClient jump = endpoint.jumpHost() == null ? null : open(endpoint.jumpHost(), null).client();
        try {
            Opened opened = open(endpoint, jump);
            return new SshSession(endpoint, opened.client(), jump, opened.hostKey());
        } catch (RuntimeException e) {
            closeQuietly(jump);
            throw e;
        }
    }

    /** A connected, authenticated client and the host key the server presented (OpenSSH form). */
    private record Opened(SSHClient client, String hostKey) {
    }

    private Opened open(SshEndpoint endpoint, SSHClient via) {
        SSHClient client = new SSHClient(CONFIG);
        PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(endpoint.hostKey(), endpoint.trustOnFirstUse());
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout((int) endpoint.timeouts().connect().toMillis());
        // Socket read timeout during key exchange and auth; long-running commands are bounded separately.
        client.setTimeout((int) endpoint.timeouts().connect().multipliedBy(3).toMillis());
        // How long SSHJ waits for the machine to open a channel, answer a request or make room in its window
        // for input: a stalled machine must not hold a command for SSHJ's default 30 s per wait.
        client.getConnection().setTimeoutMs((int) Math.max(10_000, endpoint.timeouts().deadLinkDetection().toMillis()));
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) endpoint.timeouts().keepAliveInterval().toSeconds());
        if (client.getConnection().getKeepAlive() instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount(endpoint.timeouts().keepAliveMaxCount());
        }
        String where = endpoint.describe();
        if (endpoint.hostKey() == null && !endpoint.trustOnFirstUse()) {
            throw new SshFailure(SshFailure.Kind.HOST_KEY_UNPINNED, where, "no host key is pinned for " + endpoint.host()
                    + " and trust-on-first-use was not asked for: give hostKey (ssh-keyscan -t ed25519 " + endpoint.host()
                    + ") or set trustOnFirstUse: true", null);
        }
        try {
            if (via != null) {
                client.connectVia(via.newDirectConnection(endpoint.host(), endpoint.port()));
            } else {
                client.connect(endpoint.host(), endpoint.port());
            }
        } catch (TransportException e) {
            closeQuietly(client);
            if (verifier.presented() != null && isHostKeyRejection(e)) {
                throw new SshFailure(SshFailure.Kind.HOST_KEY_MISMATCH, where, "host key of " + endpoint.host()
                        + " does not match the pinned key: it presented " + HostKeys.openSsh(verifier.presented()) + " ("
                        + HostKeys.fingerprint(verifier.presented()) + "). If the machine was reinstalled, check that key out of band, pin it"
                        + " (hostKey) and run `pulumi up`; otherwise something is intercepting the connection", e);
            }
            throw classify(e, where, "connect");
        } catch (IOException e) {
            closeQuietly(client);
            throw classify(e, where, "connect");
        }
        try {
            client.authPublickey(endpoint.user(), keyProviders(client, endpoint));
        } catch (UserAuthException e) {
            if (endpoint.password() == null) {
                closeQuietly(client);
                throw authFailed(endpoint, where, e);
            }
        } catch (IOException e) {
            closeQuietly(client);
            throw classify(e, where, "authenticate");
        }
        if (!client.isAuthenticated() && endpoint.password() != null) {
            try {
                client.authPassword(endpoint.user(), endpoint.password().reveal().toCharArray());
            } catch (UserAuthException e) {
                closeQuietly(client);
                throw authFailed(endpoint, where, e);
            } catch (IOException e) {
                closeQuietly(client);
                throw classify(e, where, "authenticate");
            }
        }
        return new Opened(client, verifier.presented() == null ? null : HostKeys.openSsh(verifier.presented()));
    }

    private List<KeyProvider> keyProviders(SSHClient client, SshEndpoint endpoint) throws IOException {
        List<KeyProvider> providers = new ArrayList<>();
        if (endpoint.privateKey() != null) {
            try {
                String id = keyId(endpoint);
                KeyProvider key = keys.get(id);
                if (key == null) {
                    key = endpoint.privateKeyPassphrase() == null
                            ? client.loadKeys(endpoint.privateKey().reveal(), null, null)
                            : client.loadKeys(endpoint.privateKey().reveal(), null,
                                    PasswordUtils.createOneOff(endpoint.privateKeyPassphrase().reveal().toCharArray()));
                    // SSHJ decrypts lazily, during authentication, where a missing or wrong passphrase reads as a
                    // refused login: decrypt now, so the message names the passphrase (and the cache holds a usable key).
                    key.getPrivate();
                    keys.put(id, key);
                }
                providers.add(key);
            } catch (IOException | RuntimeException e) {
                if (PrivateKeys.isEncrypted(endpoint.privateKey().reveal())) {
                    throw new SshFailure(SshFailure.Kind.AUTH_FAILED, endpoint.describe(), "the private key for " + endpoint.user() + "@"
                            + endpoint.host() + (endpoint.privateKeyPassphrase() == null
                                    ? " is encrypted and no passphrase was given: give it as privateKeyPassphrase (a secret), or use a key without one"
                                    : ": the passphrase given (privateKeyPassphrase) does not decrypt it; check privateKeyPassphrase"), null);
                }
                // The message of a key parser can quote key material: never pass it on.
                throw new SshFailure(SshFailure.Kind.AUTH_FAILED, endpoint.describe(), "the private key for "
                        + endpoint.user() + "@" + endpoint.host() + " could not be read (expected an OpenSSH or PEM private key"
                        + (endpoint.privateKeyPassphrase() == null ? "; if it is encrypted, give its passphrase" : "; check the passphrase")
                        + ")", null);
            }
        }
        return providers;
    }

    /** A digest of the key and its passphrase: the cache never holds their text as a key. */
    private static String keyId(SshEndpoint endpoint) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(endpoint.privateKey().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (endpoint.privateKeyPassphrase() != null) {
                digest.update(endpoint.privateKeyPassphrase().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SshFailure authFailed(SshEndpoint endpoint, String where, Exception e) {
        String methods = (endpoint.privateKey() != null ? "private key" : "")
                + (endpoint.privateKey() != null && endpoint.password() != null ? " and " : "")
                + (endpoint.password() != null ? "password" : "");
        return new SshFailure(SshFailure.Kind.AUTH_FAILED, where, "authentication as " + endpoint.user() + " on "
                + endpoint.host() + " was refused (tried " + (methods.isEmpty() ? "no credentials" : methods)
                + "): check the user and the credentials", e);
    }

    /** Maps transport exceptions to a kind; the message names the host, the step and what to check. */
    static SshFailure classify(Throwable e, String where, String step) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof SocketTimeoutException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                break;
            }
        }
        String text = String.valueOf(root.getMessage()).toLowerCase();
        if (root instanceof UnknownHostException) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, where, "cannot " + step + " to " + where
                    + ": unknown host name", e);
        }
        if (root instanceof SocketTimeoutException || text.contains("timed out")) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, where, "cannot " + step + " to " + where
                    + ": timed out (the machine is down, the address is wrong or a firewall drops the traffic)", e);
        }
        if (root instanceof NoRouteToHostException || text.contains("no route") || text.contains("unreachable")) {
            return new SshFailure(SshFailure.Kind.UNREACHABLE, where, "cannot " + step + " to " + where
                    + ": no route to host (the machine is down or the address is wrong)", e);
        }
        if (root instanceof ConnectException || text.contains("refused")) {
            return new SshFailure(SshFailure.Kind.CONNECTION_REFUSED, where, "cannot " + step + " to " + where
                    + ": connection refused (nothing listens on this port, or a firewall rejects SSH with a reset)", e);
        }
        if (text.contains("reset") || text.contains("broken pipe")) {
            return new SshFailure(SshFailure.Kind.CONNECTION_RESET, where, "connection to " + where
                    + " was reset during " + step + " (a firewall rejects SSH, or sshd restarted)", e);
        }
        if (text.contains("keep-alive")) {
            // Unanswered keep-alives: the link is gone, or answers take longer than the keep-alive settings allow.
            return new SshFailure(SshFailure.Kind.LINK_LOST, where, "connection to " + where + " was lost during " + step
                    + ": no answer to its keep-alives (" + root.getMessage() + "); the network link or the machine went away, or the link is slower than"
                    + " connection.timeouts.keepAliveIntervalSeconds x keepAliveMaxCount allow; on a slow link raise them", e);
        }
        if (root instanceof SocketException || root instanceof TransportException || text.contains("broken transport")
                || text.contains("keep-alive") || text.contains("eof") || text.contains("timeout expired")) {
            return new SshFailure(SshFailure.Kind.LINK_LOST, where, "connection to " + where + " was lost during " + step
                    + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + "); the network link or the machine went away", e);
        }
        return new SshFailure(SshFailure.Kind.LINK_LOST, where, "SSH to " + where + " failed during " + step + ": "
                + root.getClass().getSimpleName() + ": " + root.getMessage(), e);
    }

    private static boolean isHostKeyRejection(TransportException e) {
        return e.getDisconnectReason() == net.schmizz.sshj.common.DisconnectReason.HOST_KEY_NOT_VERIFIABLE
                || String.valueOf(e.getMessage()).contains("HOST_KEY_NOT_VERIFIABLE")
                || String.valueOf(e.getMessage()).toLowerCase().contains("could not verify");
    }

    static void closeQuietly(SSHClient client) {
        if (client == null) {
            return;
        }
        try {
            client.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // closing a dead connection: nothing to report
        }
    }
}
