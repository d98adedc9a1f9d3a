package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.AwsValidator;
import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightInput;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        CommandArguments arguments = CommandArguments.parse("codezero-aws-preflight", usage(), argv,
                List.of("--config", "--region", "--profile", "--endpoint-url"), List.of("--config"), out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        String config = arguments.value("--config");
        String region = arguments.value("--region");
        String profile = arguments.value("--profile");
        String endpoint = arguments.value("--endpoint-url");
        // the command line wins over the file
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("region", region);
        PreflightInput input;
        try {
            input = PreflightInput.read(Path.of(config), "codezero:aws", overrides);
        } catch (IOException | RuntimeException e) {
            err.println("codezero-aws-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        AwsTargetArgs parsed = AwsTargetArgs.fromConfig(input.target());
        ClusterSpec spec = input.spec();
        if (profile == null) {
            profile = parsed.awsProfile().orElse(null);
        }
        List<Problem> problems = input.problems(AwsValidator.validate(spec, parsed));
        if (!problems.isEmpty()) {
            return PreflightInput.refuse(err, "codezero-aws-preflight", config, problems);
        }
        AwsClients clients = endpoint == null
                ? AwsClients.forRegion(parsed.region(), Optional.ofNullable(profile))
                : AwsClients.forEndpoint(parsed.region(), AwsClients.defaultCredentials(Optional.ofNullable(profile)), URI.create(endpoint));
        PreflightReport report = new AwsPreflight(clients).run(spec, parsed);
        return report.print(out, err);
    }

    private static String usage() {
        return "usage: codezero-aws-preflight --config Pulumi.<stack>.yaml [--region REGION] [--profile PROFILE] [--endpoint-url URL]";
    }
}
