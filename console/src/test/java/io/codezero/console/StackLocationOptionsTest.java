package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.stacks.console.ConsoleCommand;
import io.codezero.stacks.console.StackLocationOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code console NAME} and {@code console} without a name find the stack with the same options: one mixin,
 * {@link StackLocationOptions}, declares them for both.
 */
class StackLocationOptionsTest {
    static final List<String> SHARED = List.of("--project", "--stack", "--prefix", "--kubeconfig", "--port");

    @Test
    void bothConsoleCommandsExposeTheStackLocationOptionsFromTheOneMixin() {
        CommandSpec named = new CommandLine(new ConsoleCommand()).getCommandSpec();
        CommandSpec serve = new CommandLine(new ServeCommand()).getCommandSpec();
        for (CommandSpec spec : List.of(named, serve)) {
            CommandSpec mixin = spec.mixins().values().stream()
                    .filter(m -> m.userObject() instanceof StackLocationOptions).findFirst()
                    .orElseThrow(() -> new AssertionError(spec.userObject().getClass().getSimpleName() + " has no StackLocationOptions mixin"));
            assertThat(mixin.options()).extracting(OptionSpec::longestName).containsExactlyInAnyOrderElementsOf(SHARED);
        }
        for (String name : SHARED) {
            OptionSpec a = named.findOption(name);
            OptionSpec b = serve.findOption(name);
            assertThat(String.join(" ", b.description())).as(name).isEqualTo(String.join(" ", a.description()));
            assertThat(b.defaultValue()).as(name).isEqualTo(a.defaultValue());
            assertThat(b.paramLabel()).as(name).isEqualTo(a.paramLabel());
            assertThat(b.type()).as(name).isEqualTo(a.type());
        }
    }

    @Test
    void theServeCommandRefusesWhatTheNamedCommandRefusesBeforeAnythingConnects() {
        ServeCommand command = new ServeCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(command).execute("--prefix", "gke", "--kubeconfig", "no-such-kubeconfig", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port 70000: must be between 0 (any free port) and 65535")
                .contains("--prefix gke: names stack outputs, and --kubeconfig reads no outputs");
    }
}
