package io.codezero.core.auth;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a Kubernetes client expects on stdout from an exec credential plugin
 * (client.authentication.k8s.io ExecCredential), answered in the API version the client asked
 * for through KUBERNETES_EXEC_INFO. Shared by every target's token command.
 */
public final class ExecCredential {
    public static final String DEFAULT_API_VERSION = "client.authentication.k8s.io/v1beta1";

    private ExecCredential() {
    }

    /** {@code expiration} is written to the second, rounded down, so the client never holds a token past it. */
    public static String json(String token, Instant expiration, String execInfo) {
        return json(token, expiration, ChronoUnit.SECONDS, execInfo);
    }

    /** {@code expiration} rounded down to {@code precision} ({@link ChronoUnit#NANOS} writes it exactly). */
    public static String json(String token, Instant expiration, TemporalUnit precision, String execInfo) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("expirationTimestamp", DateTimeFormatter.ISO_INSTANT.format(expiration.truncatedTo(precision)));
        status.put("token", token);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("kind", "ExecCredential");
        credential.put("apiVersion", requestedApiVersion(execInfo));
        credential.put("spec", Map.of());
        credential.put("status", status);
        return new Gson().toJson(credential);
    }

    /** The apiVersion of the client's KUBERNETES_EXEC_INFO, or v1beta1 when absent or unreadable. */
    public static String requestedApiVersion(String execInfo) {
        if (execInfo == null || execInfo.isBlank()) {
            return DEFAULT_API_VERSION;
        }
        try {
            JsonObject info = JsonParser.parseString(execInfo).getAsJsonObject();
            return info.has("apiVersion") ? info.get("apiVersion").getAsString() : DEFAULT_API_VERSION;
        } catch (RuntimeException e) {
            return DEFAULT_API_VERSION;
        }
    }
}
