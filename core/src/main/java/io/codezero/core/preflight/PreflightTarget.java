package io.codezero.core.preflight;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One target's part of the shared {@link PreflightCommand}: what it is called and reads ({@link #definition()}) and
 * the checks it runs against its cloud ({@link #check}). The command does the rest the same way for every target
 * (arguments, {@code --help}, reading the stack file, refusing bad input, printing the report, exit codes).
 *
 * @param <A> the target's parsed arguments (its {@code XTargetArgs})
 */
public interface PreflightTarget<A> {
    /**
     * The command's name, the stack file's section it reads, its flags, and how the section is parsed and validated.
     *
     * @return the definition
     */
    Definition<A> definition();

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
     * What a target's command is called and reads.
     *
     * @param command   the command's name as the user types it, e.g. {@code codezero-aws-preflight}; it starts every message
     * @param configKey the stack file's section the target reads, e.g. {@code codezero:aws}
     * @param flags     the target's own flags besides {@code --config}, in the order the usage lists them
     * @param parse     parses the section (with the command line's settings applied); problems stay on the section
     * @param validate  the target validator's problems for a spec and the parsed arguments (the same the program finds)
     * @param <A>       the target's parsed arguments
     */
    record Definition<A>(String command, String configKey, List<Flag> flags, Function<ConfigObject, A> parse,
                         BiFunction<ClusterSpec, A, List<Problem>> validate) {
        /**
         * Checks every part and copies the flags.
         *
         * @param command   the command's name
         * @param configKey the section it reads
         * @param flags     its own flags
         * @param parse     the section's parser
         * @param validate  the target's validator
         */
        public Definition {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(configKey, "configKey");
            flags = List.copyOf(flags);
            Objects.requireNonNull(parse, "parse");
            Objects.requireNonNull(validate, "validate");
        }
    }

    /**
     * A flag of the target's command: {@code --region REGION} in the usage.
     *
     * @param name    the flag as typed, e.g. {@code --region}
     * @param metavar what the usage shows for its value, e.g. {@code REGION}
     * @param setting the key in the target's section the flag sets (the command line wins over the file); null: none
     */
    record Flag(String name, String metavar, String setting) {
        /**
         * A flag the target reads itself.
         *
         * @param name    the flag as typed
         * @param metavar what the usage shows for its value
         * @return the flag
         */
        public static Flag of(String name, String metavar) {
            return new Flag(name, metavar, null);
        }

        /**
         * A flag that sets a key of the target's section, over the stack file's value.
         *
         * @param name    the flag as typed, e.g. {@code --location}
         * @param metavar what the usage shows for its value
         * @param setting the key it sets, e.g. {@code location}
         * @return the flag
         */
        public static Flag setting(String name, String metavar, String setting) {
            return new Flag(name, metavar, Objects.requireNonNull(setting, "setting"));
        }
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
