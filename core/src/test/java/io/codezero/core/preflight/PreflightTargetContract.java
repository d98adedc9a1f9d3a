package io.codezero.core.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every target's preflight shows of the shared {@link PreflightCommand}: a target's test extends this with its
 * {@link PreflightTarget} and the usage its users know, and so shows its command runs through the shared one.
 */
public abstract class PreflightTargetContract {
    /**
     * The target under test.
     *
     * @return a new target
     */
    protected abstract PreflightTarget<?> target();

    /**
     * The usage line the target's users know (unchanged since each target had its own command).
     *
     * @return the usage
     */
    protected abstract String usage();

    @Test
    void helpPrintsTheSharedCommandsUsageWithTheTargetsFlags() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(target(), new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(usage() + "\n");
        assertThat(PreflightCommand.usage(target())).isEqualTo(usage());
    }

    @Test
    void anUnknownFlagOrNoStackFileExitsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(PreflightCommand.run(target(), new String[] {"--bogus", "x"}, out, errors)).isEqualTo(2);
        assertThat(PreflightCommand.run(target(), new String[] {}, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(target().definition().command() + ": unknown argument --bogus")
                .contains(target().definition().command() + ": --config is required").contains(usage());
    }
}
