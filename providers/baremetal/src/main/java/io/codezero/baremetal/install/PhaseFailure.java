package io.codezero.baremetal.install;

/**
 * A phase failed on a machine. The message names the machine and the phase, gives the cause, and
 * says whether the machine was changed before the failure (so nothing is half-installed unreported).
 */
public final class PhaseFailure extends RuntimeException {
    private final String host;
    private final String phase;
    private final boolean changedHost;

    public PhaseFailure(String host, String phase, Throwable cause, boolean changedHost) {
        this(host, phase, cause, changedHost, java.util.List.of());
    }

    /** @param changes what the run changed on the machine before the failure, in order (named in the message) */
    public PhaseFailure(String host, String phase, Throwable cause, boolean changedHost, java.util.List<String> changes) {
        this(host, phase, cause, changedHost, changes, java.util.List.of());
    }

    /** @param warnings what earlier phases warned about (shown here: a failed operation's warnings reach nobody else) */
    public PhaseFailure(String host, String phase, Throwable cause, boolean changedHost, java.util.List<String> changes,
            java.util.List<String> warnings) {
        super("host " + host + ", phase '" + phase + "': " + describe(cause)
                + (warnings.isEmpty() ? "" : " (earlier warning" + (warnings.size() > 1 ? "s" : "") + ": " + String.join("; ", warnings) + ")")
                + (changedHost
                        ? " [the machine was partly changed before this failure" + (changes.isEmpty() ? "" : " (" + String.join("; ", changes) + ")")
                        + "; run again after fixing the cause to converge, or remove the host to uninstall]"
                        : " [nothing was changed on the machine]"), cause);
        this.host = host;
        this.phase = phase;
        this.changedHost = changedHost;
    }

    public String host() {
        return host;
    }

    public String phase() {
        return phase;
    }

    public boolean changedHost() {
        return changedHost;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
