package io.codezero.digitalocean.preflight;

import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.ClusterSpecValidator;
import io.codezero.core.validation.Problem;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.DigitalOceanValidator;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
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
 * {@code codezero-do-preflight --config Pulumi.dev.yaml [--region R] [--token-file F] [--api-url URL]}:
 * the checks the program runs with {@code digitalocean.preflight: true}, from a shell or CI,
 * reading the stack's config file. Exit 0 when nothing failed, 1 when a check failed, 2 on bad input.
 */
public final class PreflightCommand {
    private PreflightCommand() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err, Map.of()));
    }

    static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> extraHeaders) {
        String config = null;
        String region = null;
        String tokenFile = null;
        String apiUrl = System.getenv("DIGITALOCEAN_API_URL");
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--config" -> { config = next; i++; }
                case "--region" -> { region = next; i++; }
                case "--token-file" -> { tokenFile = next; i++; }
                case "--api-url" -> { apiUrl = next; i++; }
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("codezero-do-preflight: unknown argument " + argv[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (config == null) {
            err.println("codezero-do-preflight: --config is required\n" + usage());
            return 2;
        }
        Map<String, Object> values;
        try {
            values = readStackConfig(Path.of(config));
        } catch (IOException | RuntimeException e) {
            err.println("codezero-do-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        Map<String, Object> doValues = asMap(values.get("codezero:digitalocean"));
        if (region != null) {
            doValues.put("region", region); // the command line wins over the file
        }
        ConfigObject doConfig = ConfigObject.root("codezero:digitalocean", doValues);
        ConfigObject clusterConfig = ConfigObject.root("codezero:cluster", asMap(values.get("codezero:cluster")));
        DigitalOceanTargetArgs args = DigitalOceanTargetArgs.fromConfig(doConfig);
        ClusterSpec spec = ClusterSpecConfig.read(clusterConfig, "codezero");
        List<Problem> problems = new ArrayList<>(doConfig.problems());
        problems.addAll(clusterConfig.problems());
        problems.addAll(ClusterSpecValidator.validate(spec));
        problems.addAll(DigitalOceanValidator.validate(spec, args));
        if (!problems.isEmpty()) {
            err.println("codezero-do-preflight: " + problems.size() + " problem(s) in " + config + ":");
            problems.forEach(p -> err.println("  - " + p));
            return 2;
        }
        ApiToken token;
        try {
            token = ApiToken.resolve(tokenFile != null ? tokenFile : args.tokenFile().orElse(null));
        } catch (IllegalStateException e) {
            err.println("codezero-do-preflight: " + e.getMessage());
            return 2;
        }
        URI base = apiUrl == null || apiUrl.isBlank() ? DoApi.PRODUCTION : URI.create(apiUrl);
        PreflightReport report = new DigitalOceanPreflight(new DoApi(base, token, extraHeaders)).run(spec, args);
        out.println(report.render());
        if (!report.passed()) {
            err.println("DigitalOcean preflight failed: " + report.failures().size() + " check(s) failed");
            return 1;
        }
        return 0;
    }

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
        return "usage: codezero-do-preflight --config Pulumi.<stack>.yaml [--region REGION] [--token-file FILE] [--api-url URL]";
    }
}
