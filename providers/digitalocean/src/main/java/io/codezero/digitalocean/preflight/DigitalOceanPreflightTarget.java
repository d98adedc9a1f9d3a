package io.codezero.digitalocean.preflight;

import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.DigitalOceanValidator;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code codezero-do-preflight --config Pulumi.dev.yaml [--region R] [--token-file F] [--api-url URL]}: DigitalOcean's
 * part of the shared {@link PreflightCommand} (the checks the program runs with {@code digitalocean.preflight: true}).
 */
public final class DigitalOceanPreflightTarget implements PreflightTarget<DigitalOceanTargetArgs> {
    private final Map<String, String> extraHeaders;

    /** The target as the command runs it. */
    public DigitalOceanPreflightTarget() {
        this(Map.of());
    }

    /**
     * The target sending {@code extraHeaders} with every API call (a test server picks its answers by header).
     *
     * @param extraHeaders header name to value
     */
    public DigitalOceanPreflightTarget(Map<String, String> extraHeaders) {
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    /**
     * The command's entry point.
     *
     * @param argv the command line
     */
    public static void main(String[] argv) {
        PreflightCommand.main(new DigitalOceanPreflightTarget(), argv);
    }

    @Override
    public Definition<DigitalOceanTargetArgs> definition() {
        return new Definition<>("codezero-do-preflight", "codezero:digitalocean", List.of(Flag.setting("--region", "REGION", "region"),
                Flag.of("--token-file", "FILE"), Flag.of("--api-url", "URL"), Flag.of("--stack", "STACK"), Flag.of("--project", "PROJECT")),
                DigitalOceanTargetArgs::fromConfig, DigitalOceanValidator::validate);
    }

    @Override
    public PreflightReport check(ClusterSpec spec, DigitalOceanTargetArgs args, CommandArguments arguments) throws Refusal {
        String tokenFile = arguments.value("--token-file");
        ApiToken token;
        try {
            token = ApiToken.resolve(tokenFile != null ? tokenFile : args.tokenFile().orElse(null));
        } catch (IllegalStateException e) {
            throw new Refusal(2, e.getMessage());
        }
        String apiUrl = arguments.value("--api-url", System.getenv("DIGITALOCEAN_API_URL"));
        URI base = apiUrl == null || apiUrl.isBlank() ? DoApi.PRODUCTION : URI.create(apiUrl);
        StackIdentity identity = identity(Path.of(arguments.value("--config")), arguments.value("--project"), arguments.value("--stack"));
        return new DigitalOceanPreflight(new DoApi(base, token, extraHeaders)).run(spec, args, identity);
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
}
