package io.codezero.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the program says against what runs: one finding per difference, with what changes it. The console changes
 * nothing; the program stays the source of truth, so each finding says what {@code pulumi up} would do and where to
 * change the declaration instead.
 *
 * @param app the app concerned
 * @param what the difference
 * @param fix the config line or code that changes it, and what {@code pulumi up} does
 */
public record Drift(String app, String what, String fix) {
    /**
     * Compares the declared stack with the cluster.
     *
     * @param declared what the plan's objects declare
     * @param live what the cluster runs
     * @return the differences, none when they agree
     */
    public static List<Drift> between(Declared declared, Snapshot live) {
        List<Drift> drift = new ArrayList<>();
        for (Declared.App app : declared.apps()) {
            Optional<AppState> running = live.app(app.name());
            if (running.isEmpty()) {
                drift.add(new Drift(app.name(), "declared, but no Deployment of it runs in namespace " + app.namespace(),
                        "`pulumi up` creates it again; to remove it for good, delete it at " + app.configLine()));
            } else if (running.get().desired() != app.replicas()) {
                drift.add(new Drift(app.name(), "replicas: declared " + app.replicas() + ", live " + running.get().desired(),
                        "`pulumi up` sets " + app.replicas() + " again; to keep " + running.get().desired() + ", set replicas: "
                                + running.get().desired() + " at " + app.configLine()));
            }
        }
        for (AppState app : live.apps()) {
            if (declared.apps().stream().noneMatch(d -> d.name().equals(app.name()))) {
                drift.add(new Drift(app.name(), "runs, but the stack does not declare it", "made outside the program (or by another stack);"
                        + " `pulumi up` leaves it alone"));
            }
        }
        for (Link link : declared.links()) {
            if (live.links().stream().noneMatch(l -> l.from().equals(link.from()) && l.to().equals(link.to()))) {
                drift.add(new Drift(link.from(), "link " + link.label() + " declared, but its policy is not in the cluster",
                        "`pulumi up` creates it again; the link is declared at " + declared.apps().stream()
                                .filter(a -> a.name().equals(link.from())).map(Declared.App::configLine).findFirst().orElse("the program")));
            }
        }
        return drift;
    }
}
