package io.codezero.azure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded wait for fresh role assignments (issue 21 items 4 and 15), on a fixed clock. */
class RolePropagationTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final List<Duration> slept = new ArrayList<>();
    private final RolePropagation propagation = new RolePropagation(Clock.fixed(NOW, ZoneOffset.UTC), slept::add);

    @Test
    void aGrantCreatedMomentsAgoIsGivenTheRestOfTheWindow() {
        // createdOn as ARM writes it for a role assignment
        assertThat(propagation.waitFor(List.of("2026-12-07T09:59:30.1234567+00:00"), RolePropagation.KEY_VAULT))
                .isEqualTo(Duration.ofSeconds(90).plusNanos(123456700));
        assertThat(slept).hasSize(1);
    }

    @Test
    void theNewestOfSeveralGrantsCounts() {
        assertThat(propagation.waitFor(List.of("2026-12-07T09:50:00Z", "2026-12-07T09:59:00Z"), RolePropagation.KUBERNETES))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anOldGrantEveryLaterUpAndAPreviewNeverWait() {
        assertThat(propagation.waitFor(List.of("2026-12-06T10:00:00Z"), RolePropagation.KUBERNETES)).isZero();
        assertThat(propagation.waitFor(List.of(), RolePropagation.KUBERNETES)).isZero();
        assertThat(propagation.waitFor(java.util.Arrays.asList((String) null), RolePropagation.KUBERNETES)).isZero();
        assertThat(slept).isEmpty();
    }

    @Test
    void theWaitIsBoundedByTheWindowEvenForAClockSkewedIntoTheFuture() {
        assertThat(propagation.waitFor(List.of("2026-12-07T11:00:00Z"), RolePropagation.KEY_VAULT)).isEqualTo(RolePropagation.KEY_VAULT);
    }
}
