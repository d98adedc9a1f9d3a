package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.stacks.console.ConsoleCommand;
import io.codezero.stacks.plan.PlanCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code ./codezero} script's help and usage errors: answered before anything is built, so they are instant. */
class CodezeroScriptTest {
    private static final Path SCRIPT = Path.of("..", "codezero").toAbsolutePath().normalize();

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(java.util.Map.of(), args);
    }

    static Result run(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(SCRIPT.getParent().toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the script answers at once").isTrue();
        return new Result(process.exitValue(), out, err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan --help", "plan -h", "plan examples/minikube --help", "plan examples/minikube --stack dev -h",
        "help plan"})
    void planHelpPrintsThePlanUsageAndExitsZero(String args) throws Exception {
        Result r = run(args.split(" "));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("  ./codezero plan <project-dir>").doesNotContain("./codezero console");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"console --help", "console -h", "console headlamp --help", "help console"})
    void consoleHelpPrintsTheConsoleUsageAndExitsZero(String args) throws Exception {
        Result r = run(args.split(" "));
        assertThat(r.exit()).as(r.err()).isZero();
        // both forms: the CodeZero console's server (no NAME) and a named console or the text list
        assertThat(r.out()).startsWith("  ./codezero console [--project DIR]").contains("Serves the CodeZero console on 127.0.0.1")
                .contains("  ./codezero console NAME|--list").doesNotContain("./codezero plan <project-dir>");
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", ""})
    void theScriptsHelpListsEveryCommand(String args) throws Exception {
        Result r = args.isEmpty() ? run() : run(args);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("./codezero plan").contains("./codezero bench").contains("./codezero console");
    }

    @Test
    void benchHelpExitsZero() throws Exception {
        Result r = run("bench", "-h");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("  ./codezero bench <project-dir> [RUNS]");
    }

    @Test
    void aMissingOrWrongProjectDirectoryIsOneLineNotAShellError() throws Exception {
        Result missing = run("plan");
        assertThat(missing.exit()).isEqualTo(64);
        assertThat(missing.err()).startsWith("error: plan needs a project directory first").contains("./codezero plan <project-dir>");
        Result wrong = run("plan", "no/such/dir");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("error: plan: no such directory: no/such/dir\n");
        Result unknown = run("plna");
        assertThat(unknown.exit()).isEqualTo(64);
        assertThat(unknown.err()).startsWith("unknown command: plna");
    }

    /** The script's usage is the only help a user sees, so it names every option the commands take. */
    @Test
    void theUsageNamesEveryOptionOfPlanAndConsole() throws Exception {
        String plan = run("plan", "--help").out();
        new CommandLine(new PlanCommand()).getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .forEach(o -> assertThat(plan).as("plan usage names " + o.longestName()).contains(o.longestName()));
        String console = run("console", "--help").out();
        new CommandLine(new ConsoleCommand()).getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .forEach(o -> assertThat(console).as("console usage names " + o.longestName()).contains(o.longestName()));
    }

    private static final List<String> LIBRARY = List.of("codezero-core", "codezero-platform", "codezero-stacks", "codezero-provider-local",
            "codezero-provider-aws", "codezero-provider-azure", "codezero-provider-gcp", "codezero-provider-digitalocean",
            "codezero-provider-baremetal");

    /**
     * README: `mvn -DskipTests install`, then `./codezero plan` of a project of your own. The plan must take that install
     * as current; before, only the script's own marker counted and the first plan installed the library again.
     */
    @Test
    void aLibraryInstalledByHandIsCurrentAndAnOlderJarIsStale(@org.junit.jupiter.api.io.TempDir Path repo) throws Exception {
        java.util.Map<String, String> env = java.util.Map.of("CODEZERO_LOCAL_REPOSITORY", repo.toString());
        Result empty = run(env, "library");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.out()).isEqualTo("stale: codezero-core is not in " + repo + "\n");

        // what `mvn -DskipTests install` leaves: each module's jar, timed when it was packaged (after its sources)
        for (String id : LIBRARY) {
            Path dir = java.nio.file.Files.createDirectories(repo.resolve("io/codezero/" + id + "/0.1.0-SNAPSHOT"));
            java.nio.file.Files.writeString(dir.resolve(id + "-0.1.0-SNAPSHOT.jar"), "jar");
        }
        Result installed = run(env, "library");
        assertThat(installed.exit()).as(installed.out()).isZero();
        assertThat(installed.out()).isEqualTo("up to date in " + repo + "\n");

        java.nio.file.Files.setLastModifiedTime(repo.resolve("io/codezero/codezero-platform/0.1.0-SNAPSHOT/codezero-platform-0.1.0-SNAPSHOT.jar"),
                java.nio.file.attribute.FileTime.fromMillis(946_684_800_000L));
        Result older = run(env, "library");
        assertThat(older.exit()).isEqualTo(1);
        assertThat(older.out()).isEqualTo("stale: platform changed since codezero-platform was installed\n");
    }
}
