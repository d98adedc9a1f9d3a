package io.codezero.digitalocean;

/**
 * Whether the Pulumi CLI (preview or up) drives this program rather than the offline plan or a
 * test: the CLI hands every language host the engine's address in PULUMI_MONITOR, the mock engine
 * never does. The preflight calls DigitalOcean only then; it is read-only, so it runs in preview too.
 */
final class RealEngine {
    private RealEngine() {
    }

    static boolean isDrivingThisProgram() {
        String monitor = System.getenv("PULUMI_MONITOR");
        return monitor != null && !monitor.isBlank();
    }
}
