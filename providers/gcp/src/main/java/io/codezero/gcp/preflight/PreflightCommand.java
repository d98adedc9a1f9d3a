package io.codezero.gcp.preflight;

import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightInput;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.GcpValidator;
import io.codezero.gcp.auth.GoogleAccessTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        CommandArguments arguments = CommandArguments.parse("codezero-gcp-preflight", usage(), argv,
                List.of("--config", "--project", "--region", "--endpoint-url"), List.of("--config"), out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        String config = arguments.value("--config");
        String project = arguments.value("--project");
        String region = arguments.value("--region");
        String endpoint = arguments.value("--endpoint-url");
        // the command line wins over the file
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("project", project);
        overrides.put("region", region);
        PreflightInput input;
        try {
            input = PreflightInput.read(Path.of(config), "codezero:gcp", overrides);
        } catch (IOException | RuntimeException e) {
            err.println("codezero-gcp-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        GcpTargetArgs parsed = GcpTargetArgs.fromConfig(input.target());
        ClusterSpec spec = input.spec();
        List<Problem> problems = input.problems(GcpValidator.validate(spec, parsed));
        if (!problems.isEmpty()) {
            return PreflightInput.refuse(err, "codezero-gcp-preflight", config, problems);
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
        return report.print(out, err);
    }

    private static String usage() {
        return "usage: codezero-gcp-preflight --config Pulumi.<stack>.yaml [--project PROJECT] [--region REGION] [--endpoint-url URL]";
    }
}
