package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One lock per cluster, so two {@code pulumi up} runs against the same machines cannot interleave:
 * a file on the first server ({@value #LOCK_FILE}) holding the run that owns it, when it started and
 * when it last renewed. This process takes it when its first operation on the cluster starts,
 * renews it while operations run and removes it when the last one ends. Another run finds it held
 * and stops with who holds it; a lock whose owner stopped renewing it (an interrupted run on another
 * machine) is reported as stale with the command that clears it. Only a lock left by a process of
 * this machine that no longer exists (a plugin stopped while the first server was unreachable) is
 * taken over, since that run cannot be working on the cluster any more.
 */
public final class ClusterLocks {
    public static final String LOCK_FILE = Phases.WORK_DIR + "/cluster.lock";

    private final SharedSessions sessions;
    private final String owner;
    private final Duration lease;
    private final Map<String, Held> held = new HashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "codezero-lock-renewer");
        t.setDaemon(true);
        return t;
    });

    /** @param lease how long a lock counts as held without renewal; renewed every quarter of it */
    public ClusterLocks(SharedSessions sessions, Duration lease) {
        this.sessions = sessions;
        this.lease = lease;
        byte[] id = new byte[4];
        new java.security.SecureRandom().nextBytes(id);
        String machine;
        try {
            machine = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            machine = "unknown";
        }
        // No spaces: the file is "<started> <renewed> <owner>".
        this.owner = ("run-" + HexFormat.of().formatHex(id) + "@" + machine + ":pid" + ProcessHandle.current().pid()).replaceAll("\\s", "_");
    }

    public String owner() {
        return owner;
    }

    private static final class Held {
        final SshEndpoint endpoint;
        final SharedSessions.Lease connection;
        final SshSession session;
        final ScheduledFuture<?> renewal;
        int users;

        Held(SshEndpoint endpoint, SharedSessions.Lease connection, ScheduledFuture<?> renewal) {
            this.endpoint = endpoint;
            this.connection = connection;
            this.session = connection.session();
            this.renewal = renewal;
        }
    }

    /** What {@link #acquire} hands out; closing it lets go of this run's share of the lock. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the lock of the cluster whose first server is {@code firstServer}, or joins this process's hold of it. */
    public Lease acquire(SshEndpoint firstServer) {
        String key = firstServer.host() + ":" + firstServer.port();
        synchronized (held) {
            Held h = held.get(key);
            if (h == null) {
                SharedSessions.Lease connection = sessions.acquire(firstServer);
                SshSession session = connection.session();
                try {
                    take(session);
                } catch (RuntimeException e) {
                    connection.close();
                    throw e;
                }
                long every = Math.max(1, lease.toSeconds() / 4);
                h = new Held(firstServer, connection, renewer.scheduleAtFixedRate(() -> renew(session), every, every, TimeUnit.SECONDS));
                held.put(key, h);
            }
            h.users++;
        }
        return () -> release(key);
    }

    private void release(String key) {
        synchronized (held) {
            Held h = held.get(key);
            if (h == null || --h.users > 0) {
                return;
            }
            held.remove(key);
            h.renewal.cancel(false);
            String remove = "f=" + LOCK_FILE + "; if grep -qs ' " + owner + "$' \"$f\"; then rm -f \"$f\"; fi; true";
            try {
                h.session.sudo(remove);
            } catch (RuntimeException first) {
                // The connection died under the run (a link cut, sshd restarted, a session killed mid-upload):
                // a new one still removes the lock, so the next run is not blocked by a lock nobody holds.
                try (SharedSessions.Lease again = sessions.acquire(h.endpoint)) {
                    again.session().sudo(remove);
                } catch (RuntimeException ignored) {
                    // the machine is unreachable: a later run reports a stale lock (or takes over its own dead run's)
                }
            } finally {
                h.connection.close();
            }
        }
    }

    private void take(SshSession session) {
        // Written whole to a temp file, then linked into place: a link either appears with its content or
        // not at all, so a full disk can never leave an empty lock that blocks every later run. An empty
        // lock left by an older version's write on a full disk (older than a minute) is removed.
        CommandResult r = session.sudo("f=" + LOCK_FILE + "; t=$f.$$; mkdir -p " + Phases.WORK_DIR + " || exit 1; now=$(date -u +%s);"
                + " if [ -f \"$f\" ] && [ ! -s \"$f\" ] && [ -n \"$(find \"$f\" -mmin +1 2>/dev/null)\" ]; then rm -f \"$f\"; fi;"
                + " if ! printf '%s %s %s\\n' \"$now\" \"$now\" '" + owner + "' > \"$t\"; then rm -f \"$t\"; echo nospace; exit 1; fi;"
                + " if ln \"$t\" \"$f\" 2>/dev/null; then rm -f \"$t\"; echo acquired;"
                + " else rm -f \"$t\"; echo \"held $now $(cat \"$f\" 2>/dev/null)\"; fi");
        String out = r.stdout().trim();
        if (out.equals("acquired")) {
            return;
        }
        if (out.equals("nospace")) {
            throw new IllegalStateException("could not write the cluster lock " + LOCK_FILE + " on " + session.endpoint().host() + " ("
                    + r.stderr().strip() + "): the file system holding " + Phases.WORK_DIR + " is full or read-only; free space (check with:"
                    + " df -h " + Phases.WORK_DIR + ") and run again; no lock was left behind");
        }
        String[] f = out.split("\\s+");
        if (!r.ok() || f.length < 5 || !f[0].equals("held") || !f[1].matches("\\d+") || !f[2].matches("\\d+") || !f[3].matches("\\d+")) {
            throw new IllegalStateException("could not take the cluster lock " + LOCK_FILE + " on " + session.endpoint().host()
                    + " (exit " + r.exitCode() + "): " + (out.isEmpty() ? r.tail() : "it holds '" + out.replaceFirst("^held \\d+ ?", "")
                    + "'") + "; if no other `pulumi up` is working on these machines, remove it: " + clearCommand(session));
        }
        long now = Long.parseLong(f[1]);
        long started = Long.parseLong(f[2]);
        long renewed = Long.parseLong(f[3]);
        String holder = f[4];
        if (holder.equals(owner)) {
            return;
        }
        if (deadOnThisMachine(holder)) {
            // A run from this machine whose process is gone (a plugin the engine stopped, a killed
            // `pulumi up`) cannot be working on the cluster any more: take its lock over.
            CommandResult over = session.sudo("f=" + LOCK_FILE + "; now=$(date -u +%s); if grep -qs ' " + holder + "$' \"$f\"; then"
                    + " printf '%s %s %s\\n' \"$now\" \"$now\" '" + owner + "' > \"$f\" && echo acquired; fi");
            if (over.stdout().trim().equals("acquired")) {
                return;
            }
            take(session);
            return;
        }
        long idle = now - renewed;
        if (idle <= lease.toSeconds()) {
            throw new IllegalStateException("the cluster is locked by another run (" + holder + ", started " + Instant.ofEpochSecond(started)
                    + ", active " + idle + "s ago): two `pulumi up` must not work on the same machines at once; wait for it to finish,"
                    + " then run again");
        }
        throw new IllegalStateException("the cluster lock " + LOCK_FILE + " on " + session.endpoint().host() + " is stale: it was left by "
                + holder + " (started " + Instant.ofEpochSecond(started) + ", last renewed " + idle + "s ago; a run renews it every "
                + Math.max(1, lease.toSeconds() / 4) + "s), which was probably interrupted. If no other `pulumi up` is working on these"
                + " machines, remove it: " + clearCommand(session) + ", then run again");
    }

    /** Whether the holder ran on this machine ("...@&lt;machine&gt;:pid&lt;n&gt;") in a process that no longer exists. */
    private boolean deadOnThisMachine(String holder) {
        int at = holder.lastIndexOf('@');
        int pid = holder.lastIndexOf(":pid");
        String mine = owner.substring(owner.lastIndexOf('@'), owner.lastIndexOf(":pid"));
        if (at < 0 || pid < at || !holder.substring(at, pid).equals(mine) || !holder.substring(pid + 4).matches("\\d{1,10}")) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(holder.substring(pid + 4))).map(p -> !p.isAlive()).orElse(true);
    }

    private void renew(SshSession session) {
        try {
            session.sudo("f=" + LOCK_FILE + "; if read s r o < \"$f\" && [ \"$o\" = '" + owner + "' ]; then"
                    + " printf '%s %s %s\\n' \"$s\" \"$(date -u +%s)\" \"$o\" > \"$f.tmp\" && mv -f \"$f.tmp\" \"$f\"; fi");
        } catch (RuntimeException ignored) {
            // a missed renewal only matters if it keeps failing; then another run sees the lock go stale
        }
    }

    private static String clearCommand(SshSession session) {
        SshEndpoint e = session.endpoint();
        return "ssh " + (e.port() == 22 ? "" : "-p " + e.port() + " ") + e.user() + "@" + e.host() + " "
                + (e.isRoot() ? "" : "sudo ") + "rm -f " + LOCK_FILE;
    }
}
