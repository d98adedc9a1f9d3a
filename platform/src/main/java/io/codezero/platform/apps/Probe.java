package io.codezero.platform.apps;

import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One health check of an app's container: an HTTP GET, a TCP connect or a command, with its timing.
 * Build with {@link #http}, {@link #tcp} or {@link #exec}, then adjust the timing.
 *
 * @param path    HTTP path (http only)
 * @param port    container port (http and tcp)
 * @param command command and arguments (exec only), run in the container without a shell
 */
public record Probe(Kind kind, String path, int port, List<String> command, int initialDelaySeconds, int periodSeconds,
                    int timeoutSeconds, int failureThreshold) {

    /** How the kubelet checks the container. */
    public enum Kind {
        /** An HTTP GET; 2xx and 3xx pass. */
        HTTP,
        /** A TCP connect. */
        TCP,
        /** A command in the container; exit 0 passes. */
        EXEC
    }

    /** Refuses a missing kind; copies the command. */
    public Probe {
        Objects.requireNonNull(kind, "kind");
        command = command == null ? List.of() : List.copyOf(command);
    }

    /** An HTTP GET of {@code path} on {@code port}, every 10 s, 3 s timeout, 3 failures. */
    public static Probe http(String path, int port) {
        return new Probe(Kind.HTTP, path, port, List.of(), 0, 10, 3, 3);
    }

    /** A TCP connect to {@code port}, every 10 s, 3 s timeout, 3 failures. */
    public static Probe tcp(int port) {
        return new Probe(Kind.TCP, null, port, List.of(), 0, 10, 3, 3);
    }

    /** A command in the container (no shell), every 10 s, 5 s timeout, 3 failures. */
    public static Probe exec(String... command) {
        return new Probe(Kind.EXEC, null, 0, List.of(command), 0, 10, 5, 3);
    }

    /** How often it runs, and how many failures in a row count: {@code period * failures} is the grace it gives. */
    public Probe every(int newPeriodSeconds, int newFailureThreshold) {
        return new Probe(kind, path, port, command, initialDelaySeconds, newPeriodSeconds, timeoutSeconds, newFailureThreshold);
    }

    /** The same probe with another timeout, in seconds. */
    public Probe timeout(int newTimeoutSeconds) {
        return new Probe(kind, path, port, command, initialDelaySeconds, periodSeconds, newTimeoutSeconds, failureThreshold);
    }

    /** The same probe, first run this many seconds after the container starts. */
    public Probe initialDelay(int seconds) {
        return new Probe(kind, path, port, command, seconds, periodSeconds, timeoutSeconds, failureThreshold);
    }

    /** Problems with this probe, reported at {@code at} (e.g. {@code platform.apps[web].probes.readiness}). */
    List<Problem> problems(String at) {
        List<Problem> problems = new ArrayList<>();
        switch (kind) {
            case HTTP -> {
                if (path == null || !path.startsWith("/")) {
                    problems.add(Problem.of(at + ".http", path, "must be an HTTP path starting with /, e.g. /healthz"));
                }
                checkPort(at, problems);
            }
            case TCP -> checkPort(at, problems);
            case EXEC -> {
                if (command.isEmpty() || command.stream().anyMatch(c -> c == null || c.isBlank())) {
                    problems.add(Problem.of(at + ".exec", command, "must be a non-empty list: the command and its arguments"));
                }
            }
        }
        if (periodSeconds < 1 || periodSeconds > 300) {
            problems.add(Problem.of(at + ".periodSeconds", periodSeconds, "must be between 1 and 300"));
        }
        if (timeoutSeconds < 1 || timeoutSeconds > periodSeconds) {
            problems.add(Problem.of(at + ".timeoutSeconds", timeoutSeconds, "must be at least 1 and at most periodSeconds (" + periodSeconds + ")"));
        }
        if (failureThreshold < 1 || failureThreshold > 1000) {
            problems.add(Problem.of(at + ".failureThreshold", failureThreshold, "must be between 1 and 1000"));
        }
        if (initialDelaySeconds < 0 || initialDelaySeconds > 3600) {
            problems.add(Problem.of(at + ".initialDelaySeconds", initialDelaySeconds, "must be between 0 and 3600"));
        }
        return problems;
    }

    private void checkPort(String at, List<Problem> problems) {
        if (port < 1 || port > 65535) {
            problems.add(Problem.of(at + ".port", port, "must be a port between 1 and 65535"));
        }
    }
}
