package io.codezero.gcp.preflight;

import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.GcpValidator;
import io.codezero.gcp.auth.GoogleAccessTokens;
import java.io.IOException;
import java.net.URI;
import java.util.List;

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
    public Definition<GcpTargetArgs> definition() {
        return new Definition<>("codezero-gcp-preflight", "codezero:gcp", List.of(Flag.setting("--project", "PROJECT", "project"),
                Flag.setting("--region", "REGION", "region"), Flag.of("--endpoint-url", "URL")), GcpTargetArgs::fromConfig, GcpValidator::validate);
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
