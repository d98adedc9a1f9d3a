package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.AwsValidator;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.preflight.CommandArguments;
import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.preflight.PreflightTarget;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public String command() {
        return "codezero-aws-preflight";
    }

    @Override
    public String configKey() {
        return "codezero:aws";
    }

    @Override
    public List<Flag> flags() {
        return List.of(new Flag("--region", "REGION"), new Flag("--profile", "PROFILE"), new Flag("--endpoint-url", "URL"));
    }

    @Override
    public Map<String, String> overrides(CommandArguments arguments) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("region", arguments.value("--region"));
        return overrides;
    }

    @Override
    public AwsTargetArgs parse(ConfigObject section) {
        return AwsTargetArgs.fromConfig(section);
    }

    @Override
    public List<Problem> validate(ClusterSpec spec, AwsTargetArgs args) {
        return AwsValidator.validate(spec, args);
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
