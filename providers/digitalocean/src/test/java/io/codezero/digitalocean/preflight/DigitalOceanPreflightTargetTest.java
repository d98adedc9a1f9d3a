package io.codezero.digitalocean.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.preflight.PreflightCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The target's preflight runs through the shared {@link PreflightCommand}: its usage, flags and exit codes are the command's. */
class DigitalOceanPreflightTargetTest {
    private static final String USAGE = "usage: codezero-do-preflight --config Pulumi.<stack>.yaml [--region REGION] [--token-file FILE] [--api-url URL] [--stack STACK] [--project PROJECT]";

    @Test
    void helpPrintsTheSharedCommandsUsageWithTheTargetsFlags() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(new DigitalOceanPreflightTarget(), new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(USAGE + "\n");
        assertThat(PreflightCommand.usage(new DigitalOceanPreflightTarget())).isEqualTo(USAGE);
    }

    @Test
    void anUnknownFlagOrNoStackFileExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(PreflightCommand.run(new DigitalOceanPreflightTarget(), new String[] {"--bogus", "x"}, out, errors)).isEqualTo(2);
        assertThat(PreflightCommand.run(new DigitalOceanPreflightTarget(), new String[] {}, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(new DigitalOceanPreflightTarget().command() + ": unknown argument --bogus")
                .contains(new DigitalOceanPreflightTarget().command() + ": --config is required").contains(USAGE);
    }
}
