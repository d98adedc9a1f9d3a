package io.codezero.azure;

/**
 * Whether the program runs under the Pulumi CLI (preview or up) rather than the offline plan or a
 * unit test. The CLI hands every language host the engine's address in PULUMI_MONITOR; the mock
 * engine never sets it. The preflight calls Azure only then; it is read-only, so it runs in
 * preview too, where a user wants to hear about a missing quota.
 */
final class RealEngine {
    private RealEngine() {
    }

    static boolean isDrivingThisProgram() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
