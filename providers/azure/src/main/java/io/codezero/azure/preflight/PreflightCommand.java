package io.codezero.azure.preflight;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.azure.AzureValidator;
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
        CommandArguments arguments = CommandArguments.parse("codezero-azure-preflight", usage(), argv,
                List.of("--config", "--location", "--subscription", "--endpoint-url"), List.of("--config"), out, err);
        if (arguments.exit().isPresent()) {
            return arguments.exit().getAsInt();
        }
        String config = arguments.value("--config");
        String location = arguments.value("--location");
        String subscription = arguments.value("--subscription");
        String endpoint = arguments.value("--endpoint-url");
        // the command line wins over the file
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("location", location);
        overrides.put("subscriptionId", subscription);
        PreflightInput input;
        try {
            input = PreflightInput.read(Path.of(config), "codezero:azure", overrides);
        } catch (IOException | RuntimeException e) {
            err.println("codezero-azure-preflight: cannot read " + config + ": " + e.getMessage());
            return 2;
        }
        AzureTargetArgs args = AzureTargetArgs.fromConfig(input.target());
        ClusterSpec spec = input.spec();
        List<Problem> problems = input.problems(AzureValidator.validate(spec, args));
        if (!problems.isEmpty()) {
            return PreflightInput.refuse(err, "codezero-azure-preflight", config, problems);
        }
        AzureClients clients = endpoint == null
                ? AzureClients.forDefaultCredential(args.tenantId().orElse(null))
                : AzureClients.forLoopback(URI.create(endpoint),
                        new com.azure.identity.DefaultAzureCredentialBuilder().build());
        PreflightReport report = new AzurePreflight(clients).run(spec, args);
        return report.print(out, err);
    }

    private static String usage() {
        return "usage: codezero-azure-preflight --config Pulumi.<stack>.yaml [--location LOCATION] [--subscription ID] [--endpoint-url URL]";
    }
}
