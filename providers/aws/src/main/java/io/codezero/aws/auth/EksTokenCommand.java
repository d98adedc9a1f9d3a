package io.codezero.aws.auth;

import io.codezero.core.auth.ExecCredential;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * {@code codezero-eks-token --cluster-name NAME --region REGION [--profile PROFILE]}: the exec
 * credential plugin of CodeZero kubeconfigs. Prints an ExecCredential with a fresh EKS token,
 * signed with the default AWS credential chain (environment, profile, SSO, web identity,
 * container and instance roles). Needs no aws CLI. Errors go to stderr, never the token.
 */
public final class EksTokenCommand {
    private EksTokenCommand() {
    }

    public static void main(String[] argv) {
        // the SDK's logging facade prints a "no binding" notice on System.err; a credential
        // plugin's stderr reaches the user's terminal, so only our own messages may go there
        PrintStream err = System.err;
        System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
        System.exit(run(argv, System.out, err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        String cluster = null;
        String region = System.getenv("AWS_REGION");
        String profile = null;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (arg) {
                case "--cluster-name", "-c" -> { cluster = next; i++; }
                case "--region", "-r" -> { region = next; i++; }
                case "--profile", "-p" -> { profile = next; i++; }
                case "--help", "-h" -> {
                    out.println("usage: codezero-eks-token --cluster-name NAME --region REGION [--profile PROFILE]");
                    return 0;
                }
                default -> unknown.add(arg);
            }
        }
        if (!unknown.isEmpty() || cluster == null || region == null) {
            err.println("codezero-eks-token: " + (unknown.isEmpty() ? "" : "unknown arguments " + unknown + "; ")
                    + "usage: codezero-eks-token --cluster-name NAME --region REGION [--profile PROFILE]");
            return 2;
        }
        try {
            AwsCredentialsProvider provider = profile == null
                    ? DefaultCredentialsProvider.builder().build()
                    : DefaultCredentialsProvider.builder().profileName(profile).build();
            AwsCredentials credentials = provider.resolveCredentials();
            EksToken token = new EksTokenGenerator().generate(cluster, region, credentials);
            out.println(ExecCredential.json(token.token(), token.expiration(), System.getenv("KUBERNETES_EXEC_INFO")));
            return 0;
        } catch (RuntimeException e) {
            err.println("codezero-eks-token: could not get AWS credentials to sign an EKS token for cluster " + cluster
                    + " in " + region + ": " + e.getMessage()
                    + " (set AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run where an instance/pod role is available)");
            return 1;
        }
    }
}
