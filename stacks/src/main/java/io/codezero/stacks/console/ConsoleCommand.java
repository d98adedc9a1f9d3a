package io.codezero.stacks.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.platform.layers.ConsoleIdentity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code codezero console [NAME]}: opens a stack's console on this machine through the Kubernetes API, for clusters
 * without browser sign-in and for break-glass. Without NAME it lists the consoles. Exit 0 when done, 2 for bad input
 * (an unknown console, a bad option), 1 when the cluster or the stack cannot be reached.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open a CodeZero console (Headlamp, Grafana, Kiali, an app) on localhost through the Kubernetes API.")
public final class ConsoleCommand implements Callable<Integer> {
    static final int INVALID_INPUT = 2;
    /** Consoles that sign in with a Kubernetes token, so the command hands one out. */
    static final Set<String> TOKEN_CONSOLES = Set.of("headlamp", "kiali");

    @Parameters(index = "0", arity = "0..1", description = "the console, one of the stack's consoleUrls names; without it, the list")
    String name;

    /** --project, --stack, --prefix, --kubeconfig, --port: shared with the CodeZero console's command. */
    @Mixin
    StackLocationOptions location = new StackLocationOptions();

    @Option(names = "--access", defaultValue = ConsoleIdentity.DEFAULT_ACCESS,
            description = "rights of the token for Headlamp and Kiali: view or edit (default: ${DEFAULT-VALUE})")
    String access;

    @Option(names = "--token-minutes", defaultValue = "60", description = "token lifetime, 10 to 1440 minutes (default: ${DEFAULT-VALUE})")
    int tokenMinutes;

    @Option(names = "--list", description = "list the stack's consoles as text (what no NAME does in this command; `./codezero console`"
            + " without NAME serves the CodeZero console instead)")
    boolean list;

    @Option(names = "--check", description = "look everything up, check the forward, print, and exit instead of serving")
    boolean check;

    /** The Pulumi CLI that reads the stack's outputs (tests give a stand-in that prints recorded outputs). */
    String pulumi = "pulumi";
    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Where the kubeconfig and console URLs come from; null: the options decide (tests set their own). */
    OutputsSource outputs;

    interface OutputsSource {
        StackOutputs read() throws IOException;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConsoleCommand()).execute(args));
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        if (!ConsoleIdentity.ACCESS_ROLES.containsKey(access)) {
            problems.add("--access " + access + ": must be one of " + ConsoleIdentity.ACCESS_ROLES.keySet()
                    + " (for more, use the stack's kubeconfig itself)");
        }
        if (tokenMinutes < 10 || tokenMinutes > 1440) {
            problems.add("--token-minutes " + tokenMinutes + ": must be between 10 and 1440 (the API server's minimum is 10 minutes)");
        }
        if (name != null && !name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            problems.add("console name \"" + name + "\": must be a name such as headlamp, grafana or an app's name (lower-case letters, digits, -)");
        }
        if (list && name != null) {
            problems.add("--list lists every console; give it without a NAME (" + name + ")");
        }
        problems.addAll(location.problems());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return INVALID_INPUT;
        }

        StackOutputs outputs;
        try {
            outputs = this.outputs != null ? this.outputs.read() : location.read(pulumi);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        // With the stack's outputs the name is checked before anything connects.
        if (name != null && outputs.consoleUrls().isPresent() && !outputs.consoleUrls().get().containsKey(name)) {
            err.println("error: no console named \"" + name + "\" in this stack; its consoles are " + outputs.consoleUrls().get().keySet());
            return INVALID_INPUT;
        }
        try {
            KubeApi api = new KubeApi(Kubeconfig.parse(outputs.kubeconfig(), outputs.baseDir()));
            return run(api, outputs);
        } catch (Kubeconfig.KubeconfigException e) {
            err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        } catch (KubeApi.ApiException e) {
            err.println("error: the API server answered " + e.status + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int run(KubeApi api, StackOutputs outputs) throws IOException {
        Consoles consoles = new Consoles(api);
        Map<String, Consoles.Backend> routes = consoles.routes();
        Map<String, String> names = Consoles.names(outputs.consoleUrls(), routes);
        if (name == null) {
            if (names.isEmpty()) {
                out.println("This stack has no consoles (no layer or app has a route).");
            } else {
                out.println("Consoles (open one with: ./codezero console NAME):");
                names.forEach((n, url) -> out.printf("  %-12s %s%n", n, url));
            }
            return 0;
        }
        if (!names.containsKey(name)) {
            err.println("error: no console named \"" + name + "\" in this cluster; its consoles are " + names.keySet());
            return INVALID_INPUT;
        }
        Optional<Consoles.Backend> backend = Consoles.backendFor(names.get(name), routes);
        if (backend.isEmpty()) {
            err.println("error: no route in the cluster serves " + names.get(name) + " (is the stack deployed?)");
            return 1;
        }
        Consoles.Backend b = backend.get();
        Consoles.Target target = consoles.readyPod(b);
        out.println(name + ": " + b.namespace() + "/" + b.service() + ":" + b.servicePort() + " -> pod " + target.pod() + " port " + target.port());
        try (PortForward forward = new PortForward(api, b.namespace(), target.pod(), target.port(), location.port())) {
            PortForward.Answer answer = forward.check();
            if (!answer.connected()) {
                err.println("error: the API server refused to forward to pod " + target.pod() + ": " + answer.status() + " " + answer.message().trim());
                return 1;
            }
            String path = java.net.URI.create(b.url()).getPath();
            out.println("Open http://127.0.0.1:" + forward.localPort() + (path.isEmpty() ? "/" : path));
            if (TOKEN_CONSOLES.contains(name)) {
                String account = ConsoleIdentity.serviceAccount(access);
                String token = consoles.token(b.namespace(), account, tokenMinutes * 60);
                out.println("Sign in with this token (" + access + " rights, valid " + tokenMinutes + " minutes):");
                out.println(token);
            }
            if (check) {
                return 0;
            }
            out.println("Forwarding; press Ctrl-C to stop.");
            forward.serve();
        }
        return 0;
    }

    /**
     * The stack's kubeconfig and console URLs, from the Pulumi CLI or a kubeconfig file.
     *
     * @param kubeconfig the kubeconfig's text
     * @param consoleUrls the stack's consoleUrls output, empty when read from a kubeconfig file
     * @param baseDir where the kubeconfig's relative paths are read from
     */
    public record StackOutputs(String kubeconfig, Optional<Map<String, String>> consoleUrls, Path baseDir) {
        private static final String KUBECONFIG_SUFFIX = "Kubeconfig";

        /**
         * A kubeconfig file, without stack outputs.
         *
         * @param file the kubeconfig
         * @return its text and directory
         * @throws IOException when it cannot be read
         */
        public static StackOutputs fromFile(Path file) throws IOException {
            if (!Files.isReadable(file)) {
                throw new IOException("--kubeconfig " + file + ": no such readable file");
            }
            return new StackOutputs(Files.readString(file), Optional.empty(), file.toAbsolutePath().getParent());
        }

        /**
         * The outputs {@code pulumi stack output --json --show-secrets} prints in the project.
         *
         * @param pulumi the Pulumi CLI
         * @param project the Pulumi project directory
         * @param stack the stack, or null for the selected one
         * @param prefix the exportTo prefix, or null
         * @return the kubeconfig and console URLs
         * @throws IOException when the CLI fails or the outputs have no kubeconfig
         */
        public static StackOutputs fromPulumi(String pulumi, Path project, String stack, String prefix) throws IOException {
            List<String> argv = new ArrayList<>(List.of(pulumi, "stack", "output", "--json", "--show-secrets", "--non-interactive"));
            if (stack != null) {
                argv.addAll(List.of("--stack", stack));
            }
            Process process;
            try {
                process = new ProcessBuilder(argv).directory(project.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            } catch (IOException e) {
                throw new IOException("the Pulumi CLI is needed to read the stack's kubeconfig (" + e.getMessage()
                        + "); or pass --kubeconfig FILE");
            }
            String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException("pulumi stack output failed in " + project + ": " + errors.trim());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            JsonObject all;
            try {
                all = JsonParser.parseString(json).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new IOException("pulumi stack output printed no JSON object");
            }
            return fromOutputs(all, prefix, project.toAbsolutePath());
        }

        /**
         * The kubeconfig and console URLs among a stack's outputs: {@code kubeconfig} and {@code consoleUrls}, or
         * {@code <prefix>Kubeconfig} and {@code <prefix>ConsoleUrls} as {@code exportTo(ctx, prefix)} exports them.
         * Without a prefix the unprefixed outputs are used, else the only prefix found; several are a choice to make.
         */
        static StackOutputs fromOutputs(JsonObject all, String prefix, Path baseDir) throws IOException {
            List<String> prefixes = all.keySet().stream()
                    .filter(key -> key.endsWith(KUBECONFIG_SUFFIX) && key.length() > KUBECONFIG_SUFFIX.length())
                    .map(key -> key.substring(0, key.length() - KUBECONFIG_SUFFIX.length())).sorted().toList();
            String kubeconfigKey;
            String urlsKey;
            if (prefix != null) {
                kubeconfigKey = prefix + KUBECONFIG_SUFFIX;
                urlsKey = prefix + "ConsoleUrls";
                if (!all.has(kubeconfigKey)) {
                    throw new IOException("--prefix " + prefix + ": the stack has no " + kubeconfigKey + " output; "
                            + (prefixes.isEmpty() ? "it has no prefixed kubeconfig output" : "its prefixes are " + prefixes)
                            + (all.has("kubeconfig") ? ", and an unprefixed kubeconfig (omit --prefix)" : ""));
                }
            } else if (all.has("kubeconfig")) {
                kubeconfigKey = "kubeconfig";
                urlsKey = "consoleUrls";
            } else if (prefixes.size() == 1) {
                kubeconfigKey = prefixes.get(0) + KUBECONFIG_SUFFIX;
                urlsKey = prefixes.get(0) + "ConsoleUrls";
            } else if (prefixes.isEmpty()) {
                throw new IOException("the stack has no kubeconfig output (nor a prefixed one such as gkeKubeconfig); has `pulumi up` run?"
                        + " (or pass --kubeconfig FILE)");
            } else {
                throw new IOException("the stack exports " + prefixes.size() + " CodeZero stacks, with prefixes " + prefixes
                        + "; pick one with --prefix, e.g. --prefix " + prefixes.get(0));
            }
            if (!all.get(kubeconfigKey).isJsonPrimitive()) {
                throw new IOException("the stack's " + kubeconfigKey + " output is not a kubeconfig text");
            }
            Map<String, String> urls = new LinkedHashMap<>();
            if (all.has(urlsKey) && all.get(urlsKey).isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : all.getAsJsonObject(urlsKey).entrySet()) {
                    urls.put(e.getKey(), e.getValue().getAsString());
                }
            }
            return new StackOutputs(all.get(kubeconfigKey).getAsString(), Optional.of(urls), baseDir);
        }
    }
}
