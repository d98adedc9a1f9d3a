package io.codezero.azure.preflight;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.azure.AzureValidator;
import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.spec.ClusterSpec;
import java.net.URI;
import java.util.List;

/**
 * {@code codezero-azure-preflight --config Pulumi.dev.yaml [--location L] [--subscription S] [--endpoint-url URL]}:
 * Azure's part of the shared {@link PreflightCommand} (the checks the program runs with {@code azure.preflight: true}).
 * {@code --endpoint-url} sends every Resource Manager call to one plain-http endpoint without a bearer token (a local
 * test server); the credential chain is still asked for a token.
 */
public final class AzurePreflightTarget implements PreflightTarget<AzureTargetArgs> {
    /**
     * The command's entry point.
     *
     * @param argv the command line
     */
    public static void main(String[] argv) {
        PreflightCommand.main(new AzurePreflightTarget(), argv);
    }

    @Override
    public Definition<AzureTargetArgs> definition() {
        return new Definition<>("codezero-azure-preflight", "codezero:azure", List.of(Flag.setting("--location", "LOCATION", "location"),
                Flag.setting("--subscription", "ID", "subscriptionId"), Flag.of("--endpoint-url", "URL")),
                AzureTargetArgs::fromConfig, AzureValidator::validate);
    }

    @Override
    public PreflightReport check(ClusterSpec spec, AzureTargetArgs args, CommandArguments arguments) {
        String endpoint = arguments.value("--endpoint-url");
        AzureClients clients = endpoint == null
                ? AzureClients.forDefaultCredential(args.tenantId().orElse(null))
                : AzureClients.forLoopback(URI.create(endpoint), new com.azure.identity.DefaultAzureCredentialBuilder().build());
        return new AzurePreflight(clients).run(spec, args);
    }

    /** The SDK's logging facade prints a "no providers" notice: stderr is kept for the command's own messages. */
    @Override
    public boolean silencesLibraryStderr() {
        return true;
    }
}
