package io.codezero.core.preflight;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code --flag value} arguments of a target's command-line tool. {@code --help}/{@code -h}
 * prints the usage (exit 0); an unknown argument or a missing required flag is refused with the
 * usage (exit 2). When {@link #exit()} is present the command returns it without doing anything.
 */
public final class CommandArguments {
    private final Map<String, String> values;
    private final OptionalInt exit;

    private CommandArguments(Map<String, String> values, OptionalInt exit) {
        this.values = values;
        this.exit = exit;
    }

    /**
     * Parses {@code argv}: prints the usage for {@code --help}, refuses an unknown argument or a missing required flag.
     *
     * @param command  the command's name, starting every message
     * @param usage    the usage line
     * @param argv     the command line
     * @param flags    the flags that take a value
     * @param required the flags that must be given
     * @param out      where the usage goes for {@code --help}
     * @param err      where refusals go
     * @return the arguments; {@link #exit()} is present when the command must return it at once
     */
    public static CommandArguments parse(String command, String usage, String[] argv, List<String> flags,
                                         List<String> required, PrintStream out, PrintStream err) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            if (flags.contains(argv[i])) {
                values.put(argv[i], next);
                i++;
            } else if (argv[i].equals("--help") || argv[i].equals("-h")) {
                out.println(usage);
                return new CommandArguments(values, OptionalInt.of(0));
            } else {
                err.println(command + ": unknown argument " + argv[i] + "\n" + usage);
                return new CommandArguments(values, OptionalInt.of(2));
            }
        }
        for (String flag : required) {
            if (values.get(flag) == null) {
                err.println(command + ": " + flag + " is required\n" + usage);
                return new CommandArguments(values, OptionalInt.of(2));
            }
        }
        return new CommandArguments(values, OptionalInt.empty());
    }

    /**
     * The exit code when the command must stop at once (0 after {@code --help}, 2 after a refusal).
     *
     * @return the exit code, or empty to go on
     */
    public OptionalInt exit() {
        return exit;
    }

    /**
     * The value given for {@code flag}, or null when it was not given.
     *
     * @param flag the flag, e.g. {@code --region}
     * @return its value, or null
     */
    public String value(String flag) {
        return values.get(flag);
    }

    /**
     * The value given for {@code flag} (even an empty one), else {@code fallback}.
     *
     * @param flag     the flag
     * @param fallback the value when the flag was not given
     * @return the value
     */
    public String value(String flag, String fallback) {
        return values.containsKey(flag) ? values.get(flag) : fallback;
    }
}
