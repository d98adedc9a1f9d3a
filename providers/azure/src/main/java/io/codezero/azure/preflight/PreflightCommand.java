package io.codezero.azure.preflight;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.azure.AzureValidator;
import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.ClusterSpecValidator;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code codezero-azure-preflight --config Pulumi.dev.yaml [--location L] [--subscription S] [--endpoint-url URL]}:
 * the same checks the program runs with {@code azure.preflight: true}, from a shell or CI, reading
 * the stack's config file. Exit 0 when nothing failed, 1 when a check failed, 2 on bad input.
 * {@code --endpoint-url} sends every Resource Manager call to one plain-http endpoint without a
 * bearer token (a local test server); the credential chain is still asked for a token.
 */
public final class PreflightCommand {
    private PreflightCommand() {
    }

    public static void main(String[] argv) {
        // the SDK's logging facade prints a "no providers" notice on System.err: keep stderr for our own messages
        PrintStream err = System.err;
        System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
        System.exit(run(argv, System.out, err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        String config = null;
        String location = null;
        String subscription = null;
        String endpoint = null;
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--config" -> { config = next; i++; }
                case "--location" -> { location = next; i++; }
                case "--subscription" -> { subscription = next; i++; }
                case "--endpoint-url" -> { endpoint = next; i++; }
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("codezero-azure-preflight: unknown argument " + argv[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (config == null) {
            err.println("codezero-azure-preflight: --config is required\n" + usage());
            return 2;
        }
        Map<String, Object> values;
        try {
            values = readStackConfig(Path.of(config));
        } catch (IOException | RuntimeException e) {
            err.println("codezero-azure-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        Map<String, Object> azureValues = asMap(values.get("codezero:azure"));
        // the command line wins over the file
        if (location != null) {
            azureValues.put("location", location);
        }
        if (subscription != null) {
            azureValues.put("subscriptionId", subscription);
        }
        ConfigObject azureConfig = ConfigObject.root("codezero:azure", azureValues);
        ConfigObject clusterConfig = ConfigObject.root("codezero:cluster", asMap(values.get("codezero:cluster")));
        AzureTargetArgs args = AzureTargetArgs.fromConfig(azureConfig);
        ClusterSpec spec = ClusterSpecConfig.read(clusterConfig, "codezero");
        List<Problem> problems = new ArrayList<>(azureConfig.problems());
        problems.addAll(clusterConfig.problems());
        problems.addAll(ClusterSpecValidator.validate(spec));
        problems.addAll(AzureValidator.validate(spec, args));
        if (!problems.isEmpty()) {
            err.println("codezero-azure-preflight: " + problems.size() + " problem(s) in " + config + ":");
            problems.forEach(p -> err.println("  - " + p));
            return 2;
        }
        AzureClients clients = endpoint == null
                ? AzureClients.forDefaultCredential(args.tenantId().orElse(null))
                : AzureClients.forLoopback(URI.create(endpoint),
                        new com.azure.identity.DefaultAzureCredentialBuilder().build());
        PreflightReport report = new AzurePreflight(clients).run(spec, args);
        out.println(report.render());
        if (!report.passed()) {
            err.println("Azure preflight failed: " + report.failures().size() + " check(s) failed");
            return 1;
        }
        return 0;
    }

    /** The {@code config:} map of a Pulumi.&lt;stack&gt;.yaml file. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readStackConfig(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(root instanceof Map<?, ?> map) || !(map.get("config") instanceof Map<?, ?> config)) {
                throw new IOException("it has no config: section");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) config).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    private static String usage() {
        return "usage: codezero-azure-preflight --config Pulumi.<stack>.yaml [--location LOCATION] [--subscription ID] [--endpoint-url URL]";
    }
}
