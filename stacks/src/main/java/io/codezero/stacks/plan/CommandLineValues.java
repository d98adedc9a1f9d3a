package io.codezero.stacks.plan;

import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Problems about values given on the plan's command line, told as such. The config readers know only the
 * stack's config, so a credential given in plain text with {@code --config} is reported as written in the
 * stack file; here it is said where it came from and how to give it ({@code --secret}).
 */
final class CommandLineValues {
    private static final String PLAIN_TEXT = "<plain text>";

    private CommandLineValues() {
    }

    /** The exception's message, with each plain-text-credential problem of a {@code --config} key told as such. */
    static String explain(SpecValidationException invalid, Set<String> configKeys) {
        String message = invalid.getMessage();
        String heading = message.lines().findFirst().orElse("");
        return heading + "\n" + invalid.problems().stream()
                .map(p -> "  - " + (fromCommandLine(p, configKeys) ? new Problem(p.field(), p.value(), "was given in plain text with --config;"
                        + " give a credential with --secret " + p.field() + "=VALUE, which the program reads as a secret"
                        + " (in the stack: pulumi config set --secret" + (p.field().contains(".") ? " --path '" + p.field() + "'" : " " + p.field())
                        + " VALUE)") : p))
                .collect(Collectors.joining("\n"));
    }

    private static boolean fromCommandLine(Problem problem, Set<String> configKeys) {
        return PLAIN_TEXT.equals(problem.value()) && configKeys.contains(problem.field());
    }
}
