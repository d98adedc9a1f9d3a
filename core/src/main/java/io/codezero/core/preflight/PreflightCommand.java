package io.codezero.core.preflight;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preflight command every cloud target shares: {@code codezero-<target>-preflight --config Pulumi.<stack>.yaml
 * [target flags]} runs the checks the program runs with {@code <target>.preflight: true}, from a shell or CI, reading
 * the stack's config file. A target plugs in through {@link PreflightTarget}. Exit 0 when nothing failed, 1 when a
 * check failed (or the checks could not reach the cloud), 2 on bad input ({@code --help} prints the usage, exit 0).
 */
public final class PreflightCommand {
    private static final String CONFIG = "--config";

    private PreflightCommand() {
    }

    /**
     * Runs the command for {@code target} and exits the JVM with its code.
     *
     * @param target the target whose preflight runs
     * @param argv   the command line
     */
    public static void main(PreflightTarget<?> target, String[] argv) {
        PrintStream err = System.err;
        if (target.silencesLibraryStderr()) {
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        }
        System.exit(run(target, argv, System.out, err));
    }

    /**
     * Runs the command for {@code target}: parses the arguments, reads and validates the stack file, runs the checks
     * and prints the report.
     *
     * @param target the target whose preflight runs
     * @param argv   the command line
     * @param out    where the usage and the report go
     * @param err    where problems and failures go
     * @param <A>    the target's arguments
     * @return the exit code: 0 passed, 1 a check failed, 2 bad input
     */
    public static <A> int run(PreflightTarget<A> target, String[] argv, PrintStream out, PrintStream err) {
        PreflightTarget.Definition<A> definition = target.definition();
        String command = definition.command();
        List<String> flags = new ArrayList<>(List.of(CONFIG));
        definition.flags().forEach(flag -> flags.add(flag.name()));
        CommandArguments arguments = CommandArguments.parse(command, usage(target), argv, flags, List.of(CONFIG), out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        String config = arguments.value(CONFIG);
        // the command line wins over the file
        Map<String, String> settings = new LinkedHashMap<>();
        definition.flags().stream().filter(flag -> flag.setting() != null)
                .forEach(flag -> settings.put(flag.setting(), arguments.value(flag.name())));
        PreflightInput input;
        try {
            input = PreflightInput.read(Path.of(config), definition.configKey(), settings);
        } catch (IOException | RuntimeException e) {
            err.println(command + ": cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        A args = definition.parse().apply(input.target());
        ClusterSpec spec = input.spec();
        List<Problem> problems = input.problems(definition.validate().apply(spec, args));
        if (!problems.isEmpty()) {
            return PreflightInput.refuse(err, command, config, problems);
        }
        PreflightReport report;
        try {
            report = target.check(spec, args, arguments);
        } catch (PreflightTarget.Refusal e) {
            err.println(command + ": " + e.getMessage());
            return e.exit();
        }
        return report.print(out, err);
    }

    /**
     * The usage line: {@code usage: <command> --config Pulumi.<stack>.yaml [--flag VALUE]...}.
     *
     * @param target the target
     * @return the one-line usage {@code --help} prints
     */
    public static String usage(PreflightTarget<?> target) {
        PreflightTarget.Definition<?> definition = target.definition();
        StringBuilder usage = new StringBuilder("usage: ").append(definition.command()).append(" --config Pulumi.<stack>.yaml");
        definition.flags().forEach(flag -> usage.append(" [").append(flag.name()).append(' ').append(flag.metavar()).append(']'));
        return usage.toString();
    }
}
