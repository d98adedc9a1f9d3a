package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import io.codezero.core.wait.BoundedWait;
import java.time.Duration;
import java.util.Objects;

/**
 * A bounded wait between an IAM grant and the first use of it. IAM changes take effect after the call that makes
 * them returns (Google documents typically within 2 minutes, at most 7), and GKE refuses to create a cluster whose
 * secrets key its service agent cannot use yet; the provider does not retry that error. The target waits only when
 * this deploy creates the cluster ({@code GcpTarget}), never in preview, plans or an {@code up} of an existing cluster.
 *
 * @param delay   how long to wait after the grant; zero: no wait
 * @param sleeper how to wait (tests record instead of sleeping)
 */
public record IamPropagation(Duration delay, Sleeper sleeper) {
    /** What the target waits when it creates a cluster: most grants are in effect by then. */
    public static final Duration CLUSTER_CREATION = Duration.ofSeconds(90);
    /** No wait. */
    public static final IamPropagation NONE = new IamPropagation(Duration.ZERO, d -> { });

    public IamPropagation {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits by sleeping the thread that resolves the output. */
    public static IamPropagation sleeping(Duration delay) {
        return new IamPropagation(delay, d -> BoundedWait.sleepUpTo(d, d, BoundedWait.THREAD_SLEEP));
    }

    /** {@code value}, known only once {@code grant} is known (the grant exists) and the wait has passed. */
    public <T> Output<T> after(Output<T> value, Output<?> grant) {
        if (delay.isZero()) {
            return Output.tuple(value, grant).applyValue(t -> t.t1);
        }
        return Output.tuple(value, grant).applyValue(t -> {
            sleeper.sleep(delay);
            return t.t1;
        });
    }

    /** Waits for a while. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration);
    }
}
