package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.AwsValidator;
import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.spec.ClusterSpec;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * {@code codezero-aws-preflight --config Pulumi.dev.yaml [--region R] [--profile P] [--endpoint-url URL]}: AWS's part
 * of the shared {@link PreflightCommand} (the checks the program runs with {@code aws.preflight: true}).
 */
public final class AwsPreflightTarget implements PreflightTarget<AwsTargetArgs> {
    /**
     * The command's entry point.
     *
     * @param argv the command line
     */
    public static void main(String[] argv) {
        PreflightCommand.main(new AwsPreflightTarget(), argv);
    }

    @Override
    public Definition<AwsTargetArgs> definition() {
        return new Definition<>("codezero-aws-preflight", "codezero:aws", List.of(Flag.setting("--region", "REGION", "region"),
                Flag.of("--profile", "PROFILE"), Flag.of("--endpoint-url", "URL")), AwsTargetArgs::fromConfig, AwsValidator::validate);
    }

    @Override
    public PreflightReport check(ClusterSpec spec, AwsTargetArgs args, CommandArguments arguments) {
        String profile = arguments.value("--profile");
        if (profile == null) {
            profile = args.awsProfile().orElse(null);
        }
        String endpoint = arguments.value("--endpoint-url");
        AwsClients clients = endpoint == null
                ? AwsClients.forRegion(args.region(), Optional.ofNullable(profile))
                : AwsClients.forEndpoint(args.region(), AwsClients.defaultCredentials(Optional.ofNullable(profile)), URI.create(endpoint));
        return new AwsPreflight(clients).run(spec, args);
    }

    /** The SDK's logging facade prints a "no binding" notice; a credential plugin's stderr reaches the user's terminal. */
    @Override
    public boolean silencesLibraryStderr() {
        return true;
    }
}
