package io.codezero.baremetal.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One authenticated connection to a machine. Commands run through {@code sh -c}; {@link #sudo} runs
 * them as root (directly when logged in as root, with {@code sudo -n} or a sudo password sent on
 * stdin otherwise). Command text is never logged: it may carry tokens.
 */
public final class SshSession implements AutoCloseable {
    private final SshEndpoint endpoint;
    private final SSHClient client;
    private final SSHClient jump;
    private final String presentedHostKey;
    private volatile java.util.concurrent.Semaphore channels;

    SshSession(SshEndpoint endpoint, SSHClient client, SSHClient jump, String presentedHostKey) {
        this.endpoint = endpoint;
        this.client = client;
        this.jump = jump;
        this.presentedHostKey = presentedHostKey;
    }

    public SshEndpoint endpoint() {
        return endpoint;
    }

    /** The host key the machine presented, in OpenSSH form: the pin to record after trust-on-first-use. */
    public String presentedHostKey() {
        return presentedHostKey;
    }

    /** Shared by several users: at most {@code channels} commands at once (sshd's MaxSessions). */
    public SshSession limitChannels(int channels) {
        this.channels = new java.util.concurrent.Semaphore(channels, true);
        return this;
    }

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** Runs a command as the login user. */
    public CommandResult run(String command) {
        return exec(command, Launcher.LOGIN_USER, null, endpoint.timeouts().command());
    }

    /** Runs a shell script as root. */
    public CommandResult sudo(String script) {
        return sudo(script, null, endpoint.timeouts().command());
    }

    /** Runs a shell script as root, streaming {@code stdin} to it (used for uploads and secret env files). */
    public CommandResult sudo(String script, byte[] stdin, Duration timeout) {
        return exec(script, asRoot(), stdin == null ? null : out -> out.write(stdin), timeout);
    }

    private Launcher asRoot() {
        if (endpoint.isRoot()) {
            return Launcher.LOGIN_USER;
        }
        return endpoint.sudoPassword() != null ? Launcher.SUDO_PASSWORD : Launcher.SUDO_NOPASSWD;
    }

    /** How a script is started: by the login shell directly, or through sudo. */
    private enum Launcher {
        LOGIN_USER("sh -c "),
        // sudo -S reads the password line from stdin byte by byte; the rest of stdin reaches the script.
        SUDO_PASSWORD("sudo -S -p '' sh -c "),
        SUDO_NOPASSWD("sudo -n sh -c ");

        final String prefix;

        Launcher(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * The script that writes its stdin to a file as root, atomically (temp file + rename), with the
     * given octal mode, moving it into place only when it holds exactly the bytes sent (size and
     * SHA-256): a connection cut mid-transfer ends the input early, which must not pass for the whole
     * file. On any failure (a full disk, a read-only file system, a short transfer) it removes the
     * partial file and reads the rest of stdin, so the sender finishes and gets the exit status and
     * the error rather than waiting for a window the machine never opens.
     */
    static String uploadScript(String remotePath, String mode, long size, String sha256) {
        String tmp = quote(remotePath + ".codezero-upload");
        String dest = quote(remotePath);
        return "umask 077; t=" + tmp + "; if ! { mkdir -p \"$(dirname " + dest + ")\" && cat > \"$t\"; }; then rm -f \"$t\"; cat > /dev/null; exit 1; fi;"
                + " n=$(wc -c < \"$t\" | tr -d ' '); if [ \"$n\" != " + size + " ]; then rm -f \"$t\"; echo \"received $n of " + size
                + " bytes: the transfer was cut short; " + remotePath + " was not changed\" >&2; exit 1; fi;"
                + " if command -v sha256sum >/dev/null 2>&1 && [ \"$(sha256sum \"$t\" | cut -d' ' -f1)\" != " + sha256 + " ]; then rm -f \"$t\";"
                + " echo \"the received file's SHA-256 differs from the file sent; " + remotePath + " was not changed\" >&2; exit 1; fi;"
                + " chmod " + mode + " \"$t\" && mv -f \"$t\" " + dest + " && exit 0; rm -f \"$t\"; exit 1";
    }

    /** Writes bytes to a file as root, atomically (temp file + rename, after checking size and hash), with the given octal mode. */
    public void upload(byte[] content, String remotePath, String mode) {
        checkUpload(exec(uploadScript(remotePath, mode, content.length, sha256(content)), asRoot(), out -> out.write(content),
                endpoint.timeouts().command()), remotePath, content.length + " bytes");
    }

    /**
     * Streams a local file to a path as root (temp file + rename, after checking size and hash), never
     * holding it in memory: airgap image tarballs are hundreds of megabytes.
     */
    public void upload(java.nio.file.Path local, String remotePath, String mode) {
        long size;
        String sum;
        try {
            size = java.nio.file.Files.size(local);
            sum = sha256(local);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + local + " to upload it", e);
        }
        checkUpload(exec(uploadScript(remotePath, mode, size, sum), asRoot(), out -> java.nio.file.Files.copy(local, out),
                endpoint.timeouts().command()), remotePath, local.getFileName() + " (" + size + " bytes)");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's SHA-256, once per file version per process (see {@link FileDigests}). */
    public static String sha256(java.nio.file.Path file) throws IOException {
        return FileDigests.sha256(file);
    }

    private void checkUpload(CommandResult result, String remotePath, String what) {
        if (result.ok()) {
            return;
        }
        if (result.stderr().contains("No space left on device")) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "upload of " + what + " to " + remotePath
                    + " on " + endpoint.host() + " failed: No space left on device (the partial file was removed; free space on the"
                    + " file system holding " + remotePath + ", check with: df -h " + parentOf(remotePath) + ")", null);
        }
        throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "upload of " + what + " to " + remotePath
                + " on " + endpoint.host() + " failed (exit " + result.exitCode() + "; the partial file was removed): " + result.tail(), null);
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** Writes a command's stdin. */
    @FunctionalInterface
    private interface StdinWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Runs a script, framing its output so nothing else can pass for it: the login shell prints a
     * start marker, the script's own shell a begin marker before and an end marker after the script.
     * What a login prints (a banner from the shell's startup files, sudo's chatter) lands outside the
     * frame and is dropped; a missing marker says which step refused to run (the login shell, sudo).
     * Markers carry a random nonce, so a script's output cannot fake them.
     */
    private CommandResult exec(String script, Launcher launcher, StdinWriter stdin, Duration timeout) {
        String nonce = "codezero-" + HexFormat.of().formatHex(randomBytes());
        String started = nonce + ":start";
        String begin = nonce + ":begin";
        String end = nonce + ":end";
        String framed = "printf '\\n%s\\n' " + begin + "; (\n" + script + "\n); rc=$?; printf '\\n%s\\n' " + end + "; exit $rc";
        String command = "printf '%s\\n' " + started + "; " + launcher.prefix + quote(framed);
        StdinWriter input = stdin;
        if (launcher == Launcher.SUDO_PASSWORD) {
            byte[] password = (endpoint.sudoPassword().reveal() + "\n").getBytes(StandardCharsets.UTF_8);
            input = out -> {
                out.write(password);
                if (stdin != null) {
                    stdin.write(out);
                }
            };
        }
        CommandResult raw = execRaw(command, input, timeout);
        String out = raw.stdout();
        if (!out.contains(started + "\n")) {
            throw new SshFailure(SshFailure.Kind.NO_SHELL, endpoint.describe(), "the login shell of " + endpoint.user() + " on "
                    + endpoint.host() + " did not run the command (exit " + raw.exitCode() + (raw.tail().isEmpty() ? ", no output"
                    : ": " + raw.tail()) + "): the user's shell in /etc/passwd runs no commands (e.g. /bin/false or nologin); give "
                    + endpoint.user() + " a shell such as /bin/sh (chsh -s /bin/sh " + endpoint.user() + ") or use another user", null);
        }
        int b = out.indexOf("\n" + begin + "\n");
        if (b < 0) {
            throw launcherRefused(launcher, raw);
        }
        String body = out.substring(b + begin.length() + 2);
        int e = body.lastIndexOf("\n" + end + "\n");
        if (e >= 0) {
            body = body.substring(0, e);
        }
        return new CommandResult(raw.exitCode(), body, raw.stderr());
    }

    private SshFailure launcherRefused(Launcher launcher, CommandResult raw) {
        String err = raw.stderr();
        String who = endpoint.user() + " on " + endpoint.host();
        String message;
        if (launcher == Launcher.LOGIN_USER) {
            message = "the shell of " + who + " could not start sh (exit " + raw.exitCode() + "): " + raw.tail();
        } else if (err.contains("incorrect password") || err.contains("Sorry, try again")) {
            message = "sudo on " + endpoint.host() + " refused the sudoPassword given for " + endpoint.user()
                    + " (wrong password): check sudoPassword (sudoPasswordCredentials)";
        } else if (err.contains("not in the sudoers") || err.contains("not allowed to") || err.contains("may not run sudo")) {
            message = endpoint.user() + " may not use sudo on " + endpoint.host() + ": add it to sudoers (e.g. a file in /etc/sudoers.d)"
                    + " or connect as root";
        } else if (err.contains("password is required") || err.contains("no password was provided")
                || err.contains("a terminal is required")) {
            message = "sudo on " + endpoint.host() + " asks " + endpoint.user() + " for a password: give sudoPassword"
                    + " (sudoPasswordCredentials), or allow passwordless sudo (NOPASSWD)";
        } else if (err.contains("sudo: not found") || err.contains("sudo: command not found")) {
            message = "sudo is not installed on " + endpoint.host() + ": install it or connect as root";
        } else {
            message = "sudo on " + endpoint.host() + " did not run the command as root for " + endpoint.user() + " (exit "
                    + raw.exitCode() + "): " + raw.tail();
        }
        return new SshFailure(SshFailure.Kind.SUDO_REFUSED, endpoint.describe(), message, null);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private CommandResult execRaw(String command, StdinWriter stdin, Duration timeout) {
        java.util.concurrent.Semaphore limit = channels;
        if (limit == null) {
            return execChannel(command, stdin, timeout);
        }
        try {
            limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "interrupted", e);
        }
        try {
            return execChannel(command, stdin, timeout);
        } finally {
            limit.release();
        }
    }

    /** Commands (channels) this process has run on all machines: the benchmark reports them per added host. */
    public static long commandsRun() {
        return COMMANDS.get();
    }

    private static final java.util.concurrent.atomic.AtomicLong COMMANDS = new java.util.concurrent.atomic.AtomicLong();

    private CommandResult execChannel(String command, StdinWriter stdin, Duration timeout) {
        COMMANDS.incrementAndGet();
        Session session = null;
        boolean abandoned = false;
        long started = System.nanoTime();
        try {
            session = client.startSession();
            Session.Command cmd = session.exec(command);
            CompletableFuture<byte[]> out = drain(cmd.getInputStream());
            CompletableFuture<byte[]> err = drain(cmd.getErrorStream());
            long[] sent = {0};
            IOException stdinFailed = null;
            try (OutputStream in = counting(cmd.getOutputStream(), sent)) {
                if (stdin != null) {
                    stdin.write(in);
                    in.flush();
                }
            } catch (IOException e) {
                // A command may end before it has read its input (a login shell such as /bin/false exits at once,
                // closing the channel under the sudo password we write): its exit status and output say what
                // happened. Only a transport that is gone is a failure here.
                if (!client.isConnected()) {
                    throw e;
                }
                stdinFailed = e;
            }
            // After the input stopped being read, the command either ends at once (it never wanted it) or is stuck
            // (a stalled disk under the file it writes): waiting out the whole command timeout would hang for minutes.
            Duration wait = stdinFailed == null ? timeout : min(timeout, endpoint.timeouts().deadLinkDetection().plusSeconds(2));
            try {
                cmd.join(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ConnectionException e) {
                if (stdinFailed == null) {
                    throw e;
                }
            }
            Integer exit = cmd.getExitStatus();
            if (exit == null && cmd.isOpen() && stdinFailed != null) {
                abandoned = true;
                throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "a command on " + endpoint.host()
                        + " stopped reading its input after " + sent[0] + " bytes and did not finish within " + wait.toSeconds()
                        + "s after that: the disk or file system it writes to is stalled or very slow (check dmesg and iostat on the machine);"
                        + " nothing more was sent", null);
            }
            if (exit == null && cmd.isOpen()) {
                abandoned = true;
                throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "a command on " + endpoint.host()
                        + " did not finish within " + timeout.toSeconds() + "s" + timeoutHint(timeout), null);
            }
            String stdout = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            String stderr = new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (exit == null) {
                // The channel closed without an exit status: the connection went away under the command.
                throw new SshFailure(SshFailure.Kind.LINK_LOST, endpoint.describe(), "connection to " + endpoint.describe()
                        + " was lost while a command was running (no exit status)", null);
            }
            return new CommandResult(exit, stdout, stderr);
        } catch (SshFailure e) {
            throw e;
        } catch (ConnectionException e) {
            // join() reports both its own timeout and a transport that died under it (keep-alives
            // unanswered) as ConnectionException: only the clock tells them apart.
            if (System.nanoTime() - started >= timeout.toNanos()) {
                abandoned = true;
                throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "a command on " + endpoint.host()
                        + " did not finish within " + timeout.toSeconds() + "s" + timeoutHint(timeout), e);
            }
            throw SshConnector.classify(e, endpoint.describe(), "a remote command");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SshFailure(SshFailure.Kind.LINK_LOST, endpoint.describe(), "output of a command on " + endpoint.host()
                    + " stopped arriving; the connection is stuck", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw SshConnector.classify(e.getCause(), endpoint.describe(), "a remote command");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "interrupted", e);
        } catch (IOException | RuntimeException e) {
            throw SshConnector.classify(e, endpoint.describe(), "a remote command");
        } finally {
            if (session != null) {
                Session toClose = session;
                Runnable close = () -> {
                    try {
                        toClose.close();
                    } catch (IOException | RuntimeException ignored) {
                        // the session is gone either way
                    }
                };
                if (abandoned) {
                    // A command past its time: closing waits for the machine to confirm, which a stalled one does
                    // not; close in the background, so the timeout is the time the user waits.
                    Thread closer = new Thread(close, "ssh-close");
                    closer.setDaemon(true);
                    closer.start();
                } else {
                    close.run();
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Counts the bytes written through, so a stalled command's message can say how far the input got. */
    private static OutputStream counting(OutputStream out, long[] sent) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int at = off; at < off + len; at += 1 << 16) {
                    int n = Math.min(1 << 16, off + len - at);
                    out.write(b, at, n);
                    sent[0] += n;
                }
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                sent[0]++;
            }
        };
    }

    /** Which setting gives a command its time, so a slow disk or machine gets the right fix. */
    private String timeoutHint(Duration timeout) {
        return timeout.equals(endpoint.timeouts().command())
                ? " (connection.timeouts.commandSeconds = " + timeout.toSeconds() + "; a slow disk or machine needs more: raise it)"
                : " (this step's own limit; a slow disk or machine needs more time than it allows)";
    }

    /**
     * The threads that read commands' output: two per command, reused (a join wave runs some 130 commands, and a new thread
     * for each stream was measurable CPU). Idle ones end after a minute; daemon, so a stalled stream never holds the JVM.
     */
    private static final java.util.concurrent.ExecutorService READERS = new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE,
            60, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "ssh-output");
                t.setDaemon(true);
                return t;
            });

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        READERS.execute(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = stream.read(chunk)) >= 0; ) {
                    buffer.write(chunk, 0, n);
                }
                result.complete(buffer.toByteArray());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Single-quotes a string for sh. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public void close() {
        SshConnector.closeQuietly(client);
        SshConnector.closeQuietly(jump);
    }
}
