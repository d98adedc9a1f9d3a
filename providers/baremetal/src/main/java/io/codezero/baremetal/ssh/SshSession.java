package io.codezero.baremetal.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** Runs a command as the login user. */
    public CommandResult run(String command) {
        return execStreaming(command, null, endpoint.timeouts().command());
    }

    /** Runs a shell script as root. */
    public CommandResult sudo(String script) {
        return sudo(script, null, endpoint.timeouts().command());
    }

    /** Runs a shell script as root, streaming {@code stdin} to it (used for uploads and secret env files). */
    public CommandResult sudo(String script, byte[] stdin, Duration timeout) {
        return sudoStreaming(script, stdin == null ? null : out -> out.write(stdin), timeout);
    }

    /** Runs a shell script as root, its stdin written by {@code stdin} (may be null). */
    private CommandResult sudoStreaming(String script, StdinWriter stdin, Duration timeout) {
        if (endpoint.isRoot()) {
            return execStreaming("sh -c " + quote(script), stdin, timeout);
        }
        if (endpoint.sudoPassword() != null) {
            // sudo -S reads the password line from stdin byte by byte; the rest of stdin reaches the script.
            byte[] password = (endpoint.sudoPassword().reveal() + "\n").getBytes(StandardCharsets.UTF_8);
            return execStreaming("sudo -S -p '' sh -c " + quote(script), out -> {
                out.write(password);
                if (stdin != null) {
                    stdin.write(out);
                }
            }, timeout);
        }
        return execStreaming("sudo -n sh -c " + quote(script), stdin, timeout);
    }

    /** The script that writes its stdin to a file as root, atomically (temp file + rename), with the given octal mode. */
    private static String uploadScript(String remotePath, String mode) {
        String tmp = remotePath + ".codezero-upload";
        return "set -e; umask 077; mkdir -p \"$(dirname " + quote(remotePath) + ")\"; cat > " + quote(tmp)
                + "; chmod " + mode + " " + quote(tmp) + "; mv -f " + quote(tmp) + " " + quote(remotePath);
    }

    /** Writes bytes to a file as root, atomically (temp file + rename), with the given octal mode. */
    public void upload(byte[] content, String remotePath, String mode) {
        CommandResult result = sudo(uploadScript(remotePath, mode), content, endpoint.timeouts().command());
        if (!result.ok()) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "upload to " + remotePath
                    + " on " + endpoint.host() + " failed (exit " + result.exitCode() + "): " + result.tail(), null);
        }
    }

    /**
     * Streams a local file to a path as root (temp file + rename), never holding it in memory:
     * airgap image tarballs are hundreds of megabytes.
     */
    public void upload(java.nio.file.Path local, String remotePath, String mode) {
        CommandResult result = sudoStreaming(uploadScript(remotePath, mode), out -> java.nio.file.Files.copy(local, out),
                endpoint.timeouts().command());
        if (!result.ok()) {
            throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "upload of " + local.getFileName() + " to "
                    + remotePath + " on " + endpoint.host() + " failed (exit " + result.exitCode() + "): " + result.tail(), null);
        }
    }

    /** Writes a command's stdin. */
    @FunctionalInterface
    private interface StdinWriter {
        void write(OutputStream out) throws IOException;
    }

    private CommandResult execStreaming(String command, StdinWriter stdin, Duration timeout) {
        Session session = null;
        long started = System.nanoTime();
        try {
            session = client.startSession();
            Session.Command cmd = session.exec(command);
            CompletableFuture<byte[]> out = drain(cmd.getInputStream());
            CompletableFuture<byte[]> err = drain(cmd.getErrorStream());
            try (OutputStream in = cmd.getOutputStream()) {
                if (stdin != null) {
                    stdin.write(in);
                    in.flush();
                }
            }
            cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Integer exit = cmd.getExitStatus();
            if (exit == null && cmd.isOpen()) {
                throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "a command on " + endpoint.host()
                        + " did not finish within " + timeout.toSeconds() + "s", null);
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
                throw new SshFailure(SshFailure.Kind.COMMAND_FAILED, endpoint.describe(), "a command on " + endpoint.host()
                        + " did not finish within " + timeout.toSeconds() + "s", e);
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
                try {
                    session.close();
                } catch (IOException | RuntimeException ignored) {
                    // the session is gone either way
                }
            }
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
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
        }, "ssh-output");
        reader.setDaemon(true);
        reader.start();
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
