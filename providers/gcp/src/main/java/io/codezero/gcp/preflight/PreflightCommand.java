package io.codezero.gcp.preflight;

import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.ClusterSpecValidator;
import io.codezero.core.validation.Problem;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.GcpValidator;
import io.codezero.gcp.auth.GoogleAccessTokens;
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
 * {@code codezero-gcp-preflight --config Pulumi.dev.yaml [--project P] [--region R] [--endpoint-url URL]}:
 * the checks the program runs with {@code gcp.preflight: true}, from a shell or CI, reading the
 * stack's config file. Exit 0 when nothing failed, 1 when a check failed, 2 on bad input.
 */
public final class PreflightCommand {
    private PreflightCommand() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        String config = null;
        String project = null;
        String region = null;
        String endpoint = null;
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--config" -> { config = next; i++; }
                case "--project" -> { project = next; i++; }
                case "--region" -> { region = next; i++; }
                case "--endpoint-url" -> { endpoint = next; i++; }
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("codezero-gcp-preflight: unknown argument " + argv[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (config == null) {
            err.println("codezero-gcp-preflight: --config is required\n" + usage());
            return 2;
        }
        Map<String, Object> values;
        try {
            values = readStackConfig(Path.of(config));
        } catch (IOException | RuntimeException e) {
            err.println("codezero-gcp-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        Map<String, Object> gcpValues = asMap(values.get("codezero:gcp"));
        if (project != null) {
            gcpValues.put("project", project); // the command line wins over the file
        }
        if (region != null) {
            gcpValues.put("region", region);
        }
        ConfigObject gcpConfig = ConfigObject.root("codezero:gcp", gcpValues);
        ConfigObject clusterConfig = ConfigObject.root("codezero:cluster", asMap(values.get("codezero:cluster")));
        GcpTargetArgs parsed = GcpTargetArgs.fromConfig(gcpConfig);
        ClusterSpec spec = ClusterSpecConfig.read(clusterConfig, "codezero");
        List<Problem> problems = new ArrayList<>(gcpConfig.problems());
        problems.addAll(clusterConfig.problems());
        problems.addAll(ClusterSpecValidator.validate(spec));
        problems.addAll(GcpValidator.validate(spec, parsed));
        if (!problems.isEmpty()) {
            err.println("codezero-gcp-preflight: " + problems.size() + " problem(s) in " + config + ":");
            problems.forEach(p -> err.println("  - " + p));
            return 2;
        }
        GcpPreflight preflight;
        if (endpoint == null) {
            preflight = GcpPreflight.forProject(parsed);
        } else {
            try {
                preflight = new GcpPreflight(GoogleRest.at(URI.create(endpoint), GoogleAccessTokens.applicationDefault()));
            } catch (IOException | RuntimeException e) {
                err.println("codezero-gcp-preflight: no Application Default Credentials (" + GcpPreflight.oneLine(e) + ")");
                return 1;
            }
        }
        PreflightReport report = preflight.run(spec, parsed);
        out.println(report.render());
        if (!report.passed()) {
            err.println("Google Cloud preflight failed: " + report.failures().size() + " check(s) failed");
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
        return "usage: codezero-gcp-preflight --config Pulumi.<stack>.yaml [--project PROJECT] [--region REGION] [--endpoint-url URL]";
    }
}
