package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.Retry;
import io.codezero.baremetal.ssh.SshConnector;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connections to a control-plane server shared by all the machines a process works on: every
 * joining node checks readiness, drains and removes nodes through the first server, and a wave of 19
 * joins would otherwise open 19 more connections to it (19 key exchanges on a busy machine, and
 * sshd's MaxStartups). Up to {@value #CHANNELS} users share a connection as channels (sshd's
 * MaxSessions defaults to 10). A connection closes when its last user lets go; one that died is
 * replaced for the next user.
 */
public final class SharedSessions {
    static final int CHANNELS = 8;
    private static final Retry CONNECT_RETRY = Retry.idempotent(3, Duration.ofSeconds(1));

    private final SshConnector ssh;
    private final Map<String, List<Shared>> open = new HashMap<>();

    public SharedSessions(SshConnector ssh) {
        this.ssh = ssh;
    }

    /** One connection and how many leases share it. */
    private static final class Shared {
        SshSession session;
        int users;
    }

    /** A share of a connection; close it when done. */
    public interface Lease extends AutoCloseable {
        SshSession session();

        @Override
        void close();
    }

    /**
     * A share of a connection to the endpoint: one with fewer than {@value #CHANNELS} users, else a new
     * one (so a wave of 19 joins uses 3 connections to the first server, not 19, and never more
     * channels on one than sshd allows).
     */
    public Lease acquire(SshEndpoint endpoint) {
        String key = identity(endpoint);
        Shared shared;
        synchronized (open) {
            List<Shared> connections = open.computeIfAbsent(key, k -> new ArrayList<>());
            connections.removeIf(c -> c.session != null && !c.session.isConnected() && c.users == 0);
            shared = connections.stream().filter(c -> c.users < CHANNELS && (c.session == null || c.session.isConnected()))
                    .min(java.util.Comparator.comparingInt(c -> c.users)).orElse(null);
            if (shared == null) {
                shared = new Shared();
                connections.add(shared);
            }
            shared.users++;
        }
        SshSession session;
        try {
            synchronized (shared) {
                if (shared.session == null || !shared.session.isConnected()) {
                    shared.session = CONNECT_RETRY.call(() -> ssh.connect(endpoint)).limitChannels(CHANNELS);
                }
                session = shared.session;
            }
        } catch (RuntimeException e) {
            release(key, shared);
            throw e;
        }
        Shared mine = shared;
        return new Lease() {
            private boolean closed;

            @Override
            public SshSession session() {
                return session;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    release(key, mine);
                }
            }
        };
    }

    /** A digest of everything that makes the connection (secrets included, so it is never kept in clear). */
    static String identity(SshEndpoint e) {
        StringBuilder b = new StringBuilder();
        for (SshEndpoint x = e; x != null; x = x.jumpHost()) {
            b.append(x.host()).append('\0').append(x.port()).append('\0').append(x.user()).append('\0').append(x.hostKey()).append('\0')
                    .append(x.trustOnFirstUse()).append('\0').append(x.timeouts());
            for (io.codezero.baremetal.ssh.Secret secret : new io.codezero.baremetal.ssh.Secret[] {x.privateKey(), x.privateKeyPassphrase(),
                    x.password(), x.sudoPassword()}) {
                b.append('\0').append(secret == null ? "" : secret.reveal());
            }
            b.append('\1');
        }
        return Phases.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void release(String key, Shared shared) {
        SshSession toClose = null;
        synchronized (open) {
            if (--shared.users == 0) {
                List<Shared> connections = open.get(key);
                if (connections != null) {
                    connections.remove(shared);
                    if (connections.isEmpty()) {
                        open.remove(key);
                    }
                }
                toClose = shared.session;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
