package io.codezero.baremetal.ssh;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded retries for operations that are safe to repeat (connecting, reading facts). Only transient
 * faults are retried; a wrong host key or refused credentials fail at once.
 */
public final class Retry {
    private final int attempts;
    private final Duration backoff;

    private Retry(int attempts, Duration backoff) {
        this.attempts = attempts;
        this.backoff = backoff;
    }

    public static Retry idempotent(int attempts, Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        return new Retry(attempts, backoff);
    }

    public <T> T call(Supplier<T> operation) {
        SshFailure last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return operation.get();
            } catch (SshFailure e) {
                last = e;
                if (!e.kind().isTransient() || attempt == attempts) {
                    throw e;
                }
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw last;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
