package io.codezero.gcp.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.preflight.PreflightCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The target's preflight runs through the shared {@link PreflightCommand}: its usage, flags and exit codes are the command's. */
class GcpPreflightTargetTest {
    private static final String USAGE = "usage: codezero-gcp-preflight --config Pulumi.<stack>.yaml [--project PROJECT] [--region REGION] [--endpoint-url URL]";

    @Test
    void helpPrintsTheSharedCommandsUsageWithTheTargetsFlags() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(new GcpPreflightTarget(), new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(USAGE + "\n");
        assertThat(PreflightCommand.usage(new GcpPreflightTarget())).isEqualTo(USAGE);
    }

    @Test
    void anUnknownFlagOrNoStackFileExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(PreflightCommand.run(new GcpPreflightTarget(), new String[] {"--bogus", "x"}, out, errors)).isEqualTo(2);
        assertThat(PreflightCommand.run(new GcpPreflightTarget(), new String[] {}, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(new GcpPreflightTarget().command() + ": unknown argument --bogus")
                .contains(new GcpPreflightTarget().command() + ": --config is required").contains(USAGE);
    }
}
