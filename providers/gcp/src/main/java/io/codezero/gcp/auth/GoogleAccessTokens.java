package io.codezero.gcp.auth;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * OAuth 2.0 access tokens from Application Default Credentials, as gke-gcloud-auth-plugin gets
 * them: GOOGLE_APPLICATION_CREDENTIALS (a service-account key, workload identity federation or
 * an authorized-user file), the file {@code gcloud auth application-default login} writes, then
 * the metadata server on Google Cloud (GKE Workload Identity, Compute Engine, Cloud Run). GKE
 * accepts such a token as a bearer token and maps it to the Google identity behind it.
 */
public final class GoogleAccessTokens {
    /** The scopes gke-gcloud-auth-plugin asks for: the API, and the identity's email for RBAC. */
    public static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/cloud-platform",
            "https://www.googleapis.com/auth/userinfo.email");
    /** When a token carries no expiry, the lifetime Google documents for access tokens. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private GoogleAccessTokens() {
    }

    /** Credentials from the ADC chain, scoped for GKE. */
    public static GoogleCredentials applicationDefault() throws IOException {
        return GoogleCredentials.getApplicationDefault().createScoped(SCOPES);
    }

    /** A fresh token (refreshed now); never logged by this class. */
    public static Token fresh(GoogleCredentials credentials) throws IOException {
        credentials.refresh();
        AccessToken token = credentials.getAccessToken();
        if (token == null || token.getTokenValue() == null) {
            throw new IOException("the credentials returned no access token");
        }
        Instant expiry = token.getExpirationTime() == null ? Instant.now().plus(DEFAULT_LIFETIME) : token.getExpirationTime().toInstant();
        return new Token(token.getTokenValue(), expiry);
    }

    private static final java.util.regex.Pattern OAUTH_ERROR = java.util.regex.Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]+)\"");
    private static final java.util.regex.Pattern OAUTH_DESCRIPTION = java.util.regex.Pattern.compile("\"error_description\"\\s*:\\s*\"([^\"]{0,200})\"");

    /**
     * Why getting a token failed, on one line: the library's first line plus the OAuth error code
     * and description the token endpoint returned (RFC 6749 section 5.2), never the rest of a
     * response body.
     */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse(message).trim();
        if (first.length() > 300) {
            first = first.substring(0, 300) + "...";
        }
        java.util.regex.Matcher error = OAUTH_ERROR.matcher(message);
        if (error.find()) {
            java.util.regex.Matcher description = OAUTH_DESCRIPTION.matcher(message);
            first += ": " + error.group(1) + (description.find() ? " " + description.group(1) : "");
        }
        return first;
    }

    /** A bearer token and its expiry; {@link #toString()} never shows the token. */
    public record Token(String value, Instant expiration) {
        @Override
        public String toString() {
            return "Token[expires " + expiration + "]";
        }
    }
}
