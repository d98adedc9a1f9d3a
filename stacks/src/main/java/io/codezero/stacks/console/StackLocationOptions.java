package io.codezero.stacks.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a {@code codezero console} command finds the stack and which local port it serves on: the options that
 * {@code console NAME} (port-forwarding a platform console) and {@code console} without a name (the CodeZero console, in the
 * {@code codezero-console} module) share, as one picocli mixin, so both read the stack's outputs alike and describe the
 * options alike in {@code --help}.
 */
public final class StackLocationOptions {
    @Option(names = "--project", defaultValue = ".", description = "Pulumi project directory whose stack outputs to read (default: .)")
    Path project;

    @Option(names = "--stack", description = "the Pulumi stack (default: the project's selected stack)")
    String stack;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "the prefix the program exported the stack with (exportTo(ctx, \"gke\") exports gkeKubeconfig, gkeConsoleUrls);"
                    + " without it, the unprefixed outputs or the only prefix found")
    String prefix;

    @Option(names = "--kubeconfig", description = "a kubeconfig file instead of the stack's kubeconfig output (no Pulumi CLI needed)")
    Path kubeconfig;

    @Option(names = "--port", defaultValue = "0", description = "local port (default: any free port)")
    int port;

    /** @return the Pulumi project directory ({@code --project}, default {@code .}) */
    public Path project() {
        return project;
    }

    /** @return the stack ({@code --stack}), or null for the project's selected stack */
    public String stack() {
        return stack;
    }

    /** @return the local port ({@code --port}); 0 for any free port */
    public int port() {
        return port;
    }

    /** @return the kubeconfig file ({@code --kubeconfig}), or null to read the stack's output */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /**
     * What is wrong with these options, one line each, naming the option and the value and what would be valid: checked
     * before anything is read or connects.
     *
     * @return the problems; empty when the options are usable
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) {
            problems.add("--port " + port + ": must be between 0 (any free port) and 65535");
        }
        if (prefix != null && kubeconfig != null) {
            problems.add("--prefix " + prefix + ": names stack outputs, and --kubeconfig reads no outputs; give one of them");
        }
        if (prefix != null && !prefix.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add("--prefix \"" + prefix + "\": must be the prefix given to exportTo(ctx, prefix), letters, digits and _");
        }
        return problems;
    }

    /**
     * The stack's kubeconfig (and console URLs): from {@code --kubeconfig}, or from {@code pulumi stack output} in the
     * project for the stack and prefix given.
     *
     * @param pulumi the Pulumi CLI to run
     * @return the outputs
     * @throws IOException when the file cannot be read, the CLI fails, or the outputs have no kubeconfig
     */
    public ConsoleCommand.StackOutputs read(String pulumi) throws IOException {
        return kubeconfig != null ? ConsoleCommand.StackOutputs.fromFile(kubeconfig)
                : ConsoleCommand.StackOutputs.fromPulumi(pulumi, project, stack, prefix);
    }
}
