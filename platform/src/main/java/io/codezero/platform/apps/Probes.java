package io.codezero.platform.apps;

import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a container counts as started, ready and alive.
 *
 * @param startup   gates the other two until the software has started (migrations, initdb, recovery), so a
 *                  slow start is not mistaken for a hang; empty when start is quick
 * @param readiness whether to send it traffic; a Deployment is rolled out, and a linked app started, only once it passes
 * @param liveness  whether to restart it; checks less than readiness (a dependency being down is no reason to restart)
 */
public record Probes(Optional<Probe> startup, Probe readiness, Probe liveness) {

    /**
     * Refuses missing probes.
     *
     * @deprecated a startup probe is given or not, never an {@code Optional}: {@link #of(Probe, Probe)} without one,
     *             {@link #of(Probe, Probe, Probe)} with one
     */
    @Deprecated
    public Probes {
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(liveness, "liveness");
    }

    /**
     * Probes for software that starts quickly: no startup probe.
     *
     * @param readiness whether to send it traffic
     * @param liveness  whether to restart it
     * @return the probes
     */
    public static Probes of(Probe readiness, Probe liveness) {
        return new Probes(Optional.empty(), readiness, liveness);
    }

    /**
     * Probes for software whose start takes a while (migrations, initdb, recovery): the startup probe holds the other
     * two back until it passes.
     *
     * @param startup   whether it has started
     * @param readiness whether to send it traffic
     * @param liveness  whether to restart it
     * @return the probes
     */
    public static Probes of(Probe startup, Probe readiness, Probe liveness) {
        return new Probes(Optional.of(Objects.requireNonNull(startup, "startup")), readiness, liveness);
    }

    /**
     * For software CodeZero knows nothing about: the port accepts connections. Readiness checks often and gives up
     * soon; liveness waits a minute of failures before a restart; a startup probe gives five minutes to start.
     */
    public static Probes tcpDefaults(int port) {
        return of(Probe.tcp(port).every(5, 60), Probe.tcp(port).every(5, 3), Probe.tcp(port).every(20, 3));
    }

    List<Problem> problems(String at) {
        List<Problem> problems = new ArrayList<>();
        startup.ifPresent(p -> problems.addAll(p.problems(at + ".startup")));
        problems.addAll(readiness.problems(at + ".readiness"));
        problems.addAll(liveness.problems(at + ".liveness"));
        return problems;
    }
}
