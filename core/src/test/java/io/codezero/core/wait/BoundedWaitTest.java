package io.codezero.core.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedWaitTest {
    private final List<Duration> slept = new ArrayList<>();
    private final BoundedWait.Sleeper recording = slept::add;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aPauseNeverExceedsItsBoundAndNothingIsSleptWhenNothingIsLeft() {
        assertThat(BoundedWait.sleepUpTo(Duration.ofSeconds(30), Duration.ofMinutes(2), recording)).isEqualTo(Duration.ofSeconds(30));
        assertThat(BoundedWait.sleepUpTo(Duration.ofMinutes(5), Duration.ofMinutes(2), recording)).isEqualTo(Duration.ofMinutes(2));
        assertThat(BoundedWait.sleepUpTo(Duration.ZERO, Duration.ofMinutes(2), recording)).isZero();
        assertThat(BoundedWait.sleepUpTo(Duration.ofSeconds(-4), Duration.ofMinutes(2), recording)).isZero();
        assertThat(slept).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    @Test
    void anInterruptedPauseEndsAndKeepsTheInterruptOnTheThread() {
        Duration paused = BoundedWait.sleepUpTo(Duration.ofSeconds(5), Duration.ofSeconds(5), d -> {
            throw new InterruptedException();
        });
        assertThat(paused).isEqualTo(Duration.ofSeconds(5));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void pollingReturnsTheFirstValueAndPausesBetweenLooks() {
        AtomicInteger looks = new AtomicInteger();
        String value = BoundedWait.polling(Duration.ofMinutes(1), Duration.ofSeconds(15), recording)
                .until("the thing", () -> looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of("ready"), () -> "never");
        assertThat(value).isEqualTo("ready");
        assertThat(slept).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    @Test
    void theTimeoutEndsTheWaitWithTheCallersMessageAfterABoundedNumberOfLooks() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> BoundedWait.polling(Duration.ofMinutes(1), Duration.ofSeconds(15), recording)
                .until("the thing", () -> {
                    looks.incrementAndGet();
                    return Optional.empty();
                }, () -> "the thing was not ready after 1 minute"))
                .isInstanceOf(IllegalStateException.class).hasMessage("the thing was not ready after 1 minute").hasNoCause();
        assertThat(looks).hasValue(5);
        assertThat(slept).hasSize(5);
    }

    @Test
    void aTimeoutAfterAFailedLookNamesTheLastErrorAndKeepsItAsTheCause() {
        AtomicInteger looks = new AtomicInteger();
        IOException last = new IOException("503 Service Unavailable");
        assertThatThrownBy(() -> BoundedWait.polling(Duration.ofSeconds(30), Duration.ofSeconds(15), recording)
                .until("the thing", () -> {
                    if (looks.incrementAndGet() == 1) {
                        return Optional.empty();
                    }
                    throw new BoundedWait.Retry(looks.get() == 3 ? last : new IOException("429 Too Many Requests"));
                }, () -> "the thing was not ready"))
                .hasMessage("the thing was not ready (last error: 503 Service Unavailable)").hasCause(last);
    }

    @Test
    void aLookThatSucceedsAfterAFailureClearsTheLastError() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> BoundedWait.polling(Duration.ofSeconds(15), Duration.ofSeconds(15), recording)
                .until("the thing", () -> {
                    if (looks.incrementAndGet() == 1) {
                        throw new BoundedWait.Retry(new IOException("timeout"));
                    }
                    return Optional.empty();
                }, () -> "not ready")).hasMessage("not ready").hasNoCause();
    }

    @Test
    void anyOtherFailureEndsTheWaitAtOnce() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> BoundedWait.polling(Duration.ofMinutes(1), Duration.ofSeconds(15), recording)
                .until("the thing", () -> {
                    looks.incrementAndGet();
                    throw new IllegalStateException("reports state error");
                }, () -> "never")).hasMessage("reports state error");
        assertThat(looks).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    void anInterruptEndsThePollingNamingWhatWasAwaitedAndKeepsTheInterrupt() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> BoundedWait.polling(Duration.ofMinutes(1), Duration.ofSeconds(15), d -> {
            throw new InterruptedException();
        }).until("DOKS cluster c1", () -> {
            looks.incrementAndGet();
            return Optional.empty();
        }, () -> "never")).isInstanceOf(IllegalStateException.class).hasMessage("interrupted while waiting for DOKS cluster c1")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(looks).hasValue(1);
    }
}
