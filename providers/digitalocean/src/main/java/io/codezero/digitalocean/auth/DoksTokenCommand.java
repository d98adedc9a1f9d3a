package io.codezero.digitalocean.auth;

import io.codezero.core.auth.ExecCredential;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code codezero-doks-token --cluster-id ID [--expiry-seconds N] [--token-file F] [--api-url URL]}:
 * the exec credential plugin of CodeZero DOKS kubeconfigs. Prints an ExecCredential with a
 * short-lived cluster token, cached until shortly before it expires. The DigitalOcean API token
 * comes from the environment or a token file ({@link ApiToken}), never from the kubeconfig. Needs
 * no doctl. Errors go to stderr and never contain a token.
 */
public final class DoksTokenCommand {
    static final int DEFAULT_EXPIRY_SECONDS = 3600;
    private static final String USAGE = "usage: codezero-doks-token --cluster-id ID [--expiry-seconds N] [--token-file FILE] [--api-url URL]";

    private DoksTokenCommand() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err, Map.of(), CredentialCache.defaultDirectory(), Clock.systemUTC()));
    }

    static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> extraHeaders, Path cacheDirectory, Clock clock) {
        String clusterId = null;
        String tokenFile = null;
        String apiUrl = System.getenv("DIGITALOCEAN_API_URL");
        int expirySeconds = DEFAULT_EXPIRY_SECONDS;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String next = i + 1 < argv.length ? argv[i + 1] : null;
            switch (argv[i]) {
                case "--cluster-id" -> { clusterId = next; i++; }
                case "--token-file" -> { tokenFile = next; i++; }
                case "--api-url" -> { apiUrl = next; i++; }
                case "--expiry-seconds" -> {
                    try {
                        expirySeconds = Integer.parseInt(next == null ? "" : next);
                    } catch (NumberFormatException e) {
                        unknown.add("--expiry-seconds " + next);
                    }
                    i++;
                }
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> unknown.add(argv[i]);
            }
        }
        if (!unknown.isEmpty() || clusterId == null || expirySeconds < 60) {
            err.println("codezero-doks-token: " + (unknown.isEmpty() ? "" : "unknown or bad arguments " + unknown + "; ")
                    + (expirySeconds < 60 ? "--expiry-seconds must be at least 60; " : "") + USAGE);
            return 2;
        }
        try {
            ApiToken token = ApiToken.resolve(tokenFile);
            URI base = apiUrl == null || apiUrl.isBlank() ? DoApi.PRODUCTION : URI.create(apiUrl);
            DoApi api = new DoApi(base, token, extraHeaders);
            ClusterCredentials credentials = new CredentialCache(api, cacheDirectory, clock).get(clusterId, expirySeconds);
            out.println(ExecCredential.json(credentials.token(), CredentialCache.renewAt(credentials), java.time.temporal.ChronoUnit.NANOS,
                    System.getenv("KUBERNETES_EXEC_INFO")));
            return 0;
        } catch (DoApiException e) {
            err.println("codezero-doks-token: could not get credentials for DOKS cluster " + clusterId + ": " + e.getMessage()
                    + (e.status() == 401 ? " (the DigitalOcean API token was refused: check DIGITALOCEAN_TOKEN or the token file)" : ""));
            return 1;
        } catch (RuntimeException e) {
            err.println("codezero-doks-token: " + e.getMessage());
            return 1;
        }
    }
}
