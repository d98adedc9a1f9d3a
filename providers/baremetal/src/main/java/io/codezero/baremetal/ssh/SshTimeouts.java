package io.codezero.baremetal.ssh;

import java.time.Duration;

/**
 * How long SSH waits. Keep-alives matter most: without them a link cut in the middle of a command
 * leaves the client waiting forever; with them it fails after about interval x maxCount seconds.
 */
public record SshTimeouts(Duration connect, Duration keepAliveInterval, int keepAliveMaxCount, Duration command) {

    public static SshTimeouts defaults() {
        return new SshTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(3), 3, Duration.ofMinutes(10));
    }

    public SshTimeouts {
        if (connect.isNegative() || connect.isZero() || keepAliveInterval.isNegative() || keepAliveInterval.isZero()
                || keepAliveMaxCount < 1 || command.isNegative() || command.isZero()) {
            throw new IllegalArgumentException("SSH timeouts must be positive: " + connect + ", " + keepAliveInterval
                    + " x " + keepAliveMaxCount + ", " + command);
        }
    }

    /** Roughly how long a dead link goes unnoticed. */
    public Duration deadLinkDetection() {
        return keepAliveInterval.multipliedBy(keepAliveMaxCount + 1L);
    }
}
