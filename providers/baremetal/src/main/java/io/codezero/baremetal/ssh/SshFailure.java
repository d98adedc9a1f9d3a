package io.codezero.baremetal.ssh;

/**
 * An SSH problem, classified so callers know whether a retry can help and users get a message that
 * says what to check. Messages never contain credentials.
 */
public final class SshFailure extends RuntimeException {

    public enum Kind {
        /** Nothing answered: no route, timeout on connect. Transient, may be retried. */
        UNREACHABLE(true),
        /** The machine answered but nothing listens on the SSH port. */
        CONNECTION_REFUSED(true),
        /** The connection was reset (firewall reject, sshd restarted). Transient. */
        CONNECTION_RESET(true),
        /** An established connection died (link cut, keep-alives unanswered). */
        LINK_LOST(true),
        /** The machine presented a host key other than the pinned one. Never retried. */
        HOST_KEY_MISMATCH(false),
        /** No host key was pinned and trust-on-first-use was not asked for. */
        HOST_KEY_UNPINNED(false),
        /** The credentials were refused. Never retried. */
        AUTH_FAILED(false),
        /** The login shell runs no commands (e.g. /bin/false, nologin). */
        NO_SHELL(false),
        /** sudo did not run the command as root (wrong password, no sudo rights, a password needed but not given). */
        SUDO_REFUSED(false),
        /** A command ran and failed, or ran longer than allowed. */
        COMMAND_FAILED(false);

        private final boolean transientFault;

        Kind(boolean transientFault) {
            this.transientFault = transientFault;
        }

        public boolean isTransient() {
            return transientFault;
        }
    }

    private final Kind kind;
    private final String endpoint;

    public SshFailure(Kind kind, String endpoint, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.endpoint = endpoint;
    }

    public Kind kind() {
        return kind;
    }

    public String endpoint() {
        return endpoint;
    }
}
