package io.codezero.gcp.preflight;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.GcpValidator;
import io.codezero.gcp.auth.GoogleAccessTokens;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code codezero-gcp-preflight --config Pulumi.dev.yaml [--project P] [--region R] [--endpoint-url URL]}: GCP's part
 * of the shared {@link PreflightCommand} (the checks the program runs with {@code gcp.preflight: true}).
 */
public final class GcpPreflightTarget implements PreflightTarget<GcpTargetArgs> {
    /**
     * The command's entry point.
     *
     * @param argv the command line
     */
    public static void main(String[] argv) {
        PreflightCommand.main(new GcpPreflightTarget(), argv);
    }

    @Override
    public String command() {
        return "codezero-gcp-preflight";
    }

    @Override
    public String configKey() {
        return "codezero:gcp";
    }

    @Override
    public List<Flag> flags() {
        return List.of(new Flag("--project", "PROJECT"), new Flag("--region", "REGION"), new Flag("--endpoint-url", "URL"));
    }

    @Override
    public Map<String, String> overrides(CommandArguments arguments) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("project", arguments.value("--project"));
        overrides.put("region", arguments.value("--region"));
        return overrides;
    }

    @Override
    public GcpTargetArgs parse(ConfigObject section) {
        return GcpTargetArgs.fromConfig(section);
    }

    @Override
    public List<Problem> validate(ClusterSpec spec, GcpTargetArgs args) {
        return GcpValidator.validate(spec, args);
    }

    @Override
    public PreflightReport check(ClusterSpec spec, GcpTargetArgs args, CommandArguments arguments) throws Refusal {
        String endpoint = arguments.value("--endpoint-url");
        if (endpoint == null) {
            return GcpPreflight.forProject(args).run(spec, args);
        }
        GcpPreflight preflight;
        try {
            preflight = new GcpPreflight(GoogleRest.at(URI.create(endpoint), GoogleAccessTokens.applicationDefault()));
        } catch (IOException | RuntimeException e) {
            throw new Refusal(1, "no Application Default Credentials (" + GcpPreflight.oneLine(e) + ")");
        }
        return preflight.run(spec, args);
    }
}
