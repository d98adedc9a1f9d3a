package io.codezero.gcp;

/**
 * Whether the Pulumi CLI (preview or up) drives this program rather than the offline plan or a
 * unit test: the CLI hands every language host the engine's address in PULUMI_MONITOR and the mock
 * engine never sets it. The preflight calls Google Cloud, so it runs only then (read-only, so in
 * preview too, where a user wants to hear about a missing quota).
 */
final class RealEngine {
    private RealEngine() {
    }

    static boolean isDrivingThisProgram() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
