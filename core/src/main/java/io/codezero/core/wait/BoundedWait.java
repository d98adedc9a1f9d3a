package io.codezero.core.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A wait that always ends: what a target does while the cloud catches up with a call it already accepted (a role
 * assignment that takes minutes to take effect, an upgrade that returns before it finishes). Either one pause of at
 * most a bound ({@link #sleepUpTo}), or polling an attempt every interval until it succeeds, fails for good, or the
 * timeout passes ({@link #until}). Time passes through a {@link Sleeper}, so tests neither sleep nor race.
 */
public final class BoundedWait {
    /** Sleeps the calling thread. */
    public static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    private final Duration timeout;
    private final Duration interval;
    private final Sleeper sleeper;

    private BoundedWait(Duration timeout, Duration interval, Sleeper sleeper) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * A polling wait.
     *
     * @param timeout  how long to wait in all
     * @param interval the pause after each attempt
     * @param sleeper  how a pause is taken
     * @return the wait
     */
    public static BoundedWait polling(Duration timeout, Duration interval, Sleeper sleeper) {
        return new BoundedWait(timeout, interval, sleeper);
    }

    /**
     * Pauses for {@code wanted}, never longer than {@code bound}; nothing when {@code wanted} is zero or negative.
     * An interrupt ends the pause early and is kept on the thread (the caller's next blocking call sees it).
     *
     * @param wanted  how long the caller would wait
     * @param bound   the longest pause
     * @param sleeper how the pause is taken
     * @return how long was asked of the sleeper (zero when nothing)
     */
    public static Duration sleepUpTo(Duration wanted, Duration bound, Sleeper sleeper) {
        if (wanted.isNegative() || wanted.isZero()) {
            return Duration.ZERO;
        }
        Duration pause = wanted.compareTo(bound) > 0 ? bound : wanted;
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pause;
    }

    /**
     * Calls {@code attempt} until it gives a value: about {@code timeout / interval} attempts and one more, each followed
     * by a pause. An attempt that throws {@link Retry} is tried again (its cause is the last error); any other exception
     * ends the wait at once.
     *
     * @param waitingFor what is waited for, as messages name it, e.g. {@code DOKS cluster 1234}
     * @param attempt    one look; empty when not there yet
     * @param timedOut   the message when the timeout passes (the last error, if the last attempt failed, is appended)
     * @param <T>        the value waited for
     * @return the attempt's value
     * @throws IllegalStateException when the timeout passes ({@code timedOut}'s message, the last error as cause) or the
     *                               thread is interrupted ("interrupted while waiting for {@code waitingFor}", the
     *                               interrupt kept on the thread)
     */
    public <T> T until(String waitingFor, Attempt<T> attempt, Supplier<String> timedOut) {
        long rounds = Math.max(1, timeout.toMillis() / Math.max(1, interval.toMillis()));
        Retry lastError = null;
        for (long i = 0; i <= rounds; i++) {
            try {
                Optional<T> value = attempt.attempt();
                lastError = null;
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (Retry e) {
                lastError = e;
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + waitingFor, e);
            }
        }
        String message = timedOut.get();
        if (lastError == null) {
            throw new IllegalStateException(message);
        }
        throw new IllegalStateException(message + " (last error: " + lastError.getMessage() + ")", lastError.getCause());
    }

    /** How a wait passes time; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Pauses.
         *
         * @param duration how long
         * @throws InterruptedException when the thread is interrupted meanwhile
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * One look at what is waited for.
     *
     * @param <T> the value waited for
     */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Looks once.
         *
         * @return the value once it is there, else empty
         * @throws Retry when this look failed in a way worth another (a timeout, a 5xx, a 429)
         */
        Optional<T> attempt() throws Retry;
    }

    /** An attempt failed in a way worth another look; the wait keeps its cause as the last error. */
    public static final class Retry extends Exception {
        private static final long serialVersionUID = 1L;

        /**
         * A failed look.
         *
         * @param cause what failed
         */
        public Retry(Throwable cause) {
            super(String.valueOf(Objects.requireNonNull(cause, "cause").getMessage()), cause);
        }
    }
}
