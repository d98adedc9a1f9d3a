package io.codezero.baremetal.install;

/** Where phase progress goes (engine log, stderr, a test). Messages never contain secrets. */
@FunctionalInterface
public interface Progress {
    void report(String host, String message);

    static Progress silent() {
        return (host, message) -> { };
    }

    static Progress stderr() {
        return (host, message) -> System.err.println("[codezero] " + host + ": " + message);
    }
}
