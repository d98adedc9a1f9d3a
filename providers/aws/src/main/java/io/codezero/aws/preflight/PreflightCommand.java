package io.codezero.aws.preflight;

import io.codezero.aws.AwsValidator;
import io.codezero.aws.AwsTargetArgs;
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
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code codezero-aws-preflight --config Pulumi.dev.yaml [--region R] [--profile P] [--endpoint-url URL]}:
 * the same checks the program runs with {@code aws.preflight: true}, from a shell or CI, reading
 * the stack's config file. Exit 0 when nothing failed, 1 when a check failed, 2 on bad input.
 */
public final class PreflightCommand {
    private PreflightCommand() {
    }

    public static void main(String[] argv) {
        // the SDK's logging facade prints a "no binding" notice on System.err; a credential
        // plugin's stderr reaches the user's terminal, so only our own messages may go there
        PrintStream err = System.err;
        System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
        System.exit(run(argv, System.out, err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        String config = null;
        String region = null;
        String profile = null;
        String endpoint = null;
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--config" -> { config = next; i++; }
                case "--region" -> { region = next; i++; }
                case "--profile" -> { profile = next; i++; }
                case "--endpoint-url" -> { endpoint = next; i++; }
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("codezero-aws-preflight: unknown argument " + argv[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (config == null) {
            err.println("codezero-aws-preflight: --config is required\n" + usage());
            return 2;
        }
        Map<String, Object> values;
        try {
            values = readStackConfig(Path.of(config));
        } catch (IOException | RuntimeException e) {
            err.println("codezero-aws-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        Map<String, Object> awsValues = asMap(values.get("codezero:aws"));
        if (region != null) {
            awsValues.put("region", region); // the command line wins over the file
        }
        ConfigObject awsConfig = ConfigObject.root("codezero:aws", awsValues);
        ConfigObject clusterConfig = ConfigObject.root("codezero:cluster", asMap(values.get("codezero:cluster")));
        AwsTargetArgs parsed = AwsTargetArgs.fromConfig(awsConfig);
        ClusterSpec spec = ClusterSpecConfig.read(clusterConfig, "codezero");
        List<Problem> problems = new ArrayList<>(awsConfig.problems());
        problems.addAll(clusterConfig.problems());
        if (profile == null) {
            profile = parsed.awsProfile().orElse(null);
        }
        problems.addAll(ClusterSpecValidator.validate(spec));
        problems.addAll(AwsValidator.validate(spec, parsed));
        if (!problems.isEmpty()) {
            err.println("codezero-aws-preflight: " + problems.size() + " problem(s) in " + config + ":");
            problems.forEach(p -> err.println("  - " + p));
            return 2;
        }
        AwsClients clients = endpoint == null
                ? AwsClients.forRegion(parsed.region(), Optional.ofNullable(profile))
                : AwsClients.forEndpoint(parsed.region(), AwsClients.defaultCredentials(Optional.ofNullable(profile)), URI.create(endpoint));
        PreflightReport report = new AwsPreflight(clients).run(spec, parsed);
        out.println(report.render());
        if (!report.passed()) {
            err.println("AWS preflight failed: " + report.failures().size() + " check(s) failed");
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
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return new LinkedHashMap<>();
    }

    private static String usage() {
        return "usage: codezero-aws-preflight --config Pulumi.<stack>.yaml [--region REGION] [--profile PROFILE] [--endpoint-url URL]";
    }
}
