package io.codezero.azure.cluster;

import com.pulumi.azurenative.authorization.RoleAssignment;
import com.pulumi.core.Output;
import io.codezero.core.wait.BoundedWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A bounded wait for new Azure role assignments to take effect. ARM accepts an assignment at once,
 * but the services that check it see it later: AKS validates the KMS key with the control plane's
 * Key Vault Crypto User grant at create time ({@code AzureKeyVaultKmsValidateIdentityPermissionCustomerError}
 * until it propagates, MicrosoftDocs/azure-docs#98954, #110117), and the API server refuses the
 * deployer (403) until its AKS RBAC Cluster Admin grant reaches the cluster, while the Kubernetes
 * provider does not retry a 403.
 *
 * <p>A value passes through only once every assignment is at least {@code window} old, by the
 * assignment's own {@code createdOn}: a fresh grant waits out the rest of the window, an old one
 * (every later {@code up}) not at all, and a preview (no {@code createdOn} yet) never waits.
 */
public final class RolePropagation {
    /** Key Vault data-plane RBAC: Microsoft documents changes taking effect within minutes. */
    public static final Duration KEY_VAULT = Duration.ofMinutes(2);
    /** Azure RBAC for Kubernetes authorization: assignments reach the API server within minutes. */
    public static final Duration KUBERNETES = Duration.ofMinutes(3);

    private final Clock clock;
    private final Consumer<Duration> sleeper;

    RolePropagation(Clock clock, Consumer<Duration> sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits on the real clock. */
    public static RolePropagation real() {
        return new RolePropagation(Clock.systemUTC(), d -> BoundedWait.sleepUpTo(d, d, BoundedWait.THREAD_SLEEP));
    }

    /** {@code value}, once every grant in {@code grants} is at least {@code window} old. */
    public <T> Output<T> after(List<RoleAssignment> grants, Duration window, Output<T> value) {
        if (grants.isEmpty()) {
            return value;
        }
        Output<List<String>> created = Output.all(grants.stream().map(RoleAssignment::createdOn).toList());
        return Output.tuple(created, value).applyValue(t -> {
            waitFor(t.t1, window);
            return t.t2;
        });
    }

    /** Sleeps until the newest of {@code createdOn} is {@code window} old; never longer than {@code window}. */
    Duration waitFor(List<String> createdOn, Duration window) {
        Instant newest = null;
        for (String created : createdOn) {
            Instant at = parse(created);
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
        }
        if (newest == null) {
            return Duration.ZERO;
        }
        return BoundedWait.sleepUpTo(Duration.between(clock.instant(), newest.plus(window)), window, sleeper::accept);
    }

    private static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
