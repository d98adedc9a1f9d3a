package io.codezero.core.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandArgumentsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandArguments parse(String... argv) {
        return CommandArguments.parse("tool", "usage: tool --config F", argv, List.of("--config", "--region"), List.of("--config"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void flagsGiveTheirValuesAndAbsentOnesFallBack() {
        CommandArguments args = parse("--region", "eu", "--config", "Pulumi.dev.yaml");
        assertThat(args.exit()).isEmpty();
        assertThat(args.value("--config")).isEqualTo("Pulumi.dev.yaml");
        assertThat(args.value("--region", "us")).isEqualTo("eu");
        assertThat(parse("--config", "f").value("--region", "us")).isEqualTo("us");
    }

    @Test
    void helpPrintsTheUsageAndEndsWithZero() {
        assertThat(parse("--help").exit()).hasValue(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: tool");
    }

    @Test
    void anUnknownArgumentOrAMissingRequiredFlagEndsWithTwo() {
        assertThat(parse("--config", "f", "--zone", "a").exit()).hasValue(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tool: unknown argument --zone");
        assertThat(parse("--region", "eu").exit()).hasValue(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tool: --config is required");
    }
}
