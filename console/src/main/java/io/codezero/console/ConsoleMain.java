package io.codezero.console;

import io.codezero.stacks.console.ConsoleCommand;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * What {@code ./codezero console} runs: with a NAME, {@code --list} or {@code --check} the named-console command of
 * codezero-stacks (port-forward to Headlamp, Grafana, ...); without, the CodeZero console's server.
 */
public final class ConsoleMain {
    /** Options of either command that take a value (their value is not a NAME). */
    static final Set<String> WITH_VALUE = Set.of("--project", "--stack", "--prefix", "--kubeconfig", "--port", "--access",
            "--token-minutes", "--objects");

    private ConsoleMain() {
    }

    /**
     * Runs the right command and exits with its code.
     *
     * @param args the command line after {@code console}
     */
    public static void main(String[] args) {
        System.exit(named(List.of(args)) ? new CommandLine(new ConsoleCommand()).execute(args)
                : new CommandLine(new ServeCommand()).execute(args));
    }

    /** Whether the arguments ask for a named console or the text list. */
    static boolean named(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--list") || arg.equals("--check")) {
                return true;
            }
            if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return true;
            }
        }
        return false;
    }
}
