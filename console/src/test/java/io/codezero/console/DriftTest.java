package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The differences the drift page lists, and what it says changes each. */
class DriftTest {
    static final Declared DECLARED = new Declared("objects.yaml", List.of(new Declared.App("db", "db", 1, "Pulumi.e2e.yaml:42 (codezero:platform.apps[0])"),
            new Declared.App("git", "git", 2, "Pulumi.e2e.yaml:48 (codezero:platform.apps[2])")), List.of(new Link("git", "db", "postgres")),
            List.of(), Optional.empty());

    static Snapshot live(List<AppState> apps, List<Link> links) {
        return new Snapshot("https://x", "v1.34.0", 1, 1, List.of(), apps, List.of(), links, List.of());
    }

    @Test
    void aStackThatRunsAsDeclaredHasNoDrift() {
        assertThat(Drift.between(DECLARED, live(List.of(new AppState("db", "db", 1, 1, List.of()), new AppState("git", "git", 2, 2, List.of())),
                List.of(new Link("git", "db", "postgres"))))).isEmpty();
    }

    @Test
    void aMissingAppOtherReplicasAGoneLinkAndAnUndeclaredAppAreEachNamedWithTheirConfigLine() {
        List<Drift> drift = Drift.between(DECLARED, live(List.of(new AppState("git", "git", 1, 1, List.of()),
                new AppState("adminer", "adminer", 1, 1, List.of())), List.of()));
        assertThat(drift).extracting(Drift::app, Drift::what).containsExactly(
                org.assertj.core.groups.Tuple.tuple("db", "declared, but no Deployment of it runs in namespace db"),
                org.assertj.core.groups.Tuple.tuple("git", "replicas: declared 2, live 1"),
                org.assertj.core.groups.Tuple.tuple("adminer", "runs, but the stack does not declare it"),
                org.assertj.core.groups.Tuple.tuple("git", "link git → db (postgres) declared, but its policy is not in the cluster"));
        assertThat(drift.get(0).fix()).contains("Pulumi.e2e.yaml:42");
        assertThat(drift.get(1).fix()).isEqualTo("`pulumi up` sets 2 again; to keep 1, set replicas: 1 at Pulumi.e2e.yaml:48 (codezero:platform.apps[2])");
        assertThat(drift.get(3).fix()).contains("Pulumi.e2e.yaml:48");
    }
}
