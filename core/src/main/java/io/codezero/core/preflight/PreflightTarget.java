package io.codezero.core.preflight;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;

/**
 * One target's part of the shared {@link PreflightCommand}: its command name, the config section it reads, its own
 * flags, and how it parses, validates and checks. The command does the rest the same way for every target (arguments,
 * {@code --help}, reading the stack file, refusing bad input, printing the report, exit codes).
 *
 * @param <A> the target's parsed arguments (its {@code XTargetArgs})
 */
public interface PreflightTarget<A> {
    /**
     * The command's name as the user types it, e.g. {@code codezero-aws-preflight}; it starts every message.
     *
     * @return the command's name
     */
    String command();

    /**
     * The stack file's section the target reads, e.g. {@code codezero:aws}.
     *
     * @return the config key of the target's section
     */
    String configKey();

    /**
     * The target's own flags besides {@code --config}, in the order the usage lists them.
     *
     * @return the flags this target accepts
     */
    List<Flag> flags();

    /**
     * Keys of the target's section that the command line sets (the command line wins over the file); a null value
     * leaves the file's value.
     *
     * @param arguments the parsed command line
     * @return key within the target's section to the value given, or null
     */
    Map<String, String> overrides(CommandArguments arguments);

    /**
     * Parses the target's section (problems it finds stay on {@code section}).
     *
     * @param section the target's section, with the command line's overrides applied
     * @return the target's arguments
     */
    A parse(ConfigObject section);

    /**
     * The target validator's problems for this spec and these arguments (the same the program finds).
     *
     * @param spec the cluster spec from {@code codezero:cluster}
     * @param args the target's parsed arguments
     * @return the problems, empty when the input is valid
     */
    List<Problem> validate(ClusterSpec spec, A args);

    /**
     * Runs the target's checks against its cloud, only after the input was found valid.
     *
     * @param spec      the cluster spec
     * @param args      the target's parsed arguments
     * @param arguments the command line (for flags such as an endpoint or a credential file)
     * @return the report of every check
     * @throws Refusal when the checks cannot start (e.g. no credentials); the command prints it and exits with its code
     */
    PreflightReport check(ClusterSpec spec, A args, CommandArguments arguments) throws Refusal;

    /**
     * Whether the command keeps {@code System.err} for its own messages only: a cloud SDK's logging facade prints
     * notices there that the user's terminal (or a credential plugin's stderr) should not show.
     *
     * @return true to silence {@code System.err} while the command runs from {@code main}
     */
    default boolean silencesLibraryStderr() {
        return false;
    }

    /**
     * A flag of the target's command: {@code --region REGION} in the usage.
     *
     * @param name    the flag as typed, e.g. {@code --region}
     * @param metavar what the usage shows for its value, e.g. {@code REGION}
     */
    record Flag(String name, String metavar) {
    }

    /** The checks could not start; the command prints {@code command: message} and exits with {@link #exit()}. */
    final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exit;

        /**
         * A refusal to run the checks.
         *
         * @param exit    the command's exit code (1 when the environment failed, 2 when the input was bad)
         * @param message what went wrong, for the user
         */
        public Refusal(int exit, String message) {
            super(message);
            this.exit = exit;
        }

        /**
         * The command's exit code.
         *
         * @return 1 or 2
         */
        public int exit() {
            return exit;
        }
    }
}
