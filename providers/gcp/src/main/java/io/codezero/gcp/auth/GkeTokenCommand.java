package io.codezero.gcp.auth;

import io.codezero.core.auth.ExecCredential;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code codezero-gke-token}: the exec credential plugin of CodeZero's GKE kubeconfigs. Prints an
 * ExecCredential with an OAuth 2.0 access token from Application Default Credentials; needs no
 * gcloud and no gke-gcloud-auth-plugin. Errors go to stderr in one sentence, never the token.
 */
public final class GkeTokenCommand {
    static final String USAGE = "usage: codezero-gke-token (credentials from Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS, "
            + "the application-default login file, or the metadata server)";

    private GkeTokenCommand() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        for (String arg : argv) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            err.println("codezero-gke-token: unknown argument " + arg + "; " + USAGE);
            return 2;
        }
        try {
            GoogleAccessTokens.Token token = GoogleAccessTokens.fresh(GoogleAccessTokens.applicationDefault());
            out.println(ExecCredential.json(token.value(), token.expiration(), System.getenv("KUBERNETES_EXEC_INFO")));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("codezero-gke-token: could not get a Google access token from Application Default Credentials ("
                    + GoogleAccessTokens.describe(e) + "); set GOOGLE_APPLICATION_CREDENTIALS to a service-account key or workload identity federation file,"
                    + " or run `gcloud auth application-default login` once, or run on Google Cloud with a service account attached");
            return 1;
        }
    }

}
