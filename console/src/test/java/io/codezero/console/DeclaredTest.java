package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the stack declares, read from the e2e plan's objects and Pulumi.e2e.yaml. */
class DeclaredTest {
    @Test
    void readsTheAppsLinksAndRoutesOfThePlanAndTheLineThatDeclaresEachApp() throws Exception {
        Path file = TestCluster.writeObjects(TestCluster.planned("e2e"), Path.of("target/declared-test/objects.yaml"));
        Path stackFile = TestCluster.EXAMPLE.resolve("Pulumi.e2e.yaml");
        Declared declared = Declared.read(file, Optional.of(stackFile));
        assertThat(declared.apps()).extracting(Declared.App::name).containsExactly("cache", "db", "git");
        assertThat(declared.links()).containsExactly(new Link("git", "db", "postgres"));
        assertThat(declared.routeUrls()).contains("https://git.e2e.codezero.localhost/");
        List<String> lines = Files.readAllLines(stackFile);
        for (Declared.App app : declared.apps()) {
            int line = Integer.parseInt(app.configLine().replaceAll("^Pulumi\\.e2e\\.yaml:(\\d+) .*", "$1"));
            assertThat(lines.get(line - 1).strip()).isEqualTo("- name: " + app.name());
        }
        assertThat(declared.apps().get(2).configLine()).endsWith("(codezero:platform.apps[2])");
    }

    @Test
    void anAppNotInTheStacksConfigIsSaidToBeDeclaredInCode() {
        assertThat(Declared.configLine(List.of("config:", "  codezero:platform:", "    apps:", "      - name: db"), Optional.of(Path.of("Pulumi.dev.yaml")), "web"))
                .isEqualTo("the program's code (not in Pulumi.dev.yaml)");
    }

    @Test
    void aNameOrListOrCheckGoesToTheNamedConsoleCommandAndNothingElseServes() {
        assertThat(ConsoleMain.named(List.of("headlamp", "--project", "x"))).isTrue();
        assertThat(ConsoleMain.named(List.of("--list"))).isTrue();
        assertThat(ConsoleMain.named(List.of("--project", "examples/minikube", "--stack", "e2e"))).isFalse();
        assertThat(ConsoleMain.named(List.of("--kubeconfig", "k", "--objects", "o.yaml", "--port", "0"))).isFalse();
    }
}
