package io.codezero.digitalocean.preflight;

import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightInput;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.DigitalOceanValidator;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        CommandArguments arguments = CommandArguments.parse("codezero-do-preflight", usage(), argv,
                List.of("--config", "--region", "--token-file", "--api-url", "--stack", "--project"), List.of("--config"), out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        String config = arguments.value("--config");
        String region = arguments.value("--region");
        String tokenFile = arguments.value("--token-file");
        String apiUrl = arguments.value("--api-url", System.getenv("DIGITALOCEAN_API_URL"));
        // the command line wins over the file
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("region", region);
        PreflightInput input;
        try {
            input = PreflightInput.read(Path.of(config), "codezero:digitalocean", overrides);
        } catch (IOException | RuntimeException e) {
            err.println("codezero-do-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        DigitalOceanTargetArgs args = DigitalOceanTargetArgs.fromConfig(input.target());
        ClusterSpec spec = input.spec();
        List<Problem> problems = input.problems(DigitalOceanValidator.validate(spec, args));
        if (!problems.isEmpty()) {
            return PreflightInput.refuse(err, "codezero-do-preflight", config, problems);
        }
        ApiToken token;
        try {
            token = ApiToken.resolve(tokenFile != null ? tokenFile : args.tokenFile().orElse(null));
        } catch (IllegalStateException e) {
            err.println("codezero-do-preflight: " + e.getMessage());
            return 2;
        }
        URI base = apiUrl == null || apiUrl.isBlank() ? DoApi.PRODUCTION : URI.create(apiUrl);
        StackIdentity identity = identity(Path.of(config), arguments.value("--project"), arguments.value("--stack"));
        PreflightReport report = new DigitalOceanPreflight(new DoApi(base, token, extraHeaders)).run(spec, args, identity);
        return report.print(out, err);
    }

    /**
     * The stack the config file belongs to, as the program sees it: the stack from {@code Pulumi.<stack>.yaml},
     * the project from the {@code name:} of the {@code Pulumi.yaml} beside it; either given on the command line wins.
     */
    static StackIdentity identity(Path config, String project, String stack) {
        String file = config.getFileName().toString();
        String fromFile = file.startsWith("Pulumi.") && file.endsWith(".yaml") ? file.substring(7, file.length() - 5) : "dev";
        String projectName = project;
        if (projectName == null) {
            Path pulumiYaml = config.toAbsolutePath().resolveSibling("Pulumi.yaml");
            try {
                projectName = Files.readAllLines(pulumiYaml).stream().map(String::strip).filter(l -> l.startsWith("name:"))
                        .map(l -> l.substring(5).strip().replaceAll("^[\"']|[\"']$", "")).findFirst().orElse("codezero");
            } catch (IOException e) {
                projectName = "codezero";
            }
        }
        return new StackIdentity(projectName, stack != null ? stack : fromFile);
    }

    private static String usage() {
        return "usage: codezero-do-preflight --config Pulumi.<stack>.yaml [--region REGION] [--token-file FILE] [--api-url URL]"
                + " [--stack STACK] [--project PROJECT]";
    }
}
