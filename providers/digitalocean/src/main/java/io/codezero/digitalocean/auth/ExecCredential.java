package io.codezero.digitalocean.auth;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a Kubernetes client expects on stdout from an exec credential plugin
 * (client.authentication.k8s.io ExecCredential), in the API version the client asked for through
 * KUBERNETES_EXEC_INFO.
 */
public final class ExecCredential {
    public static final String DEFAULT_API_VERSION = "client.authentication.k8s.io/v1beta1";

    private ExecCredential() {
    }

    /** The client is told the token expires at {@code renewAt}, so it asks again before the cluster would refuse it. */
    public static String json(String token, Instant renewAt, String execInfo) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("expirationTimestamp", DateTimeFormatter.ISO_INSTANT.format(renewAt));
        status.put("token", token);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("kind", "ExecCredential");
        credential.put("apiVersion", requestedApiVersion(execInfo));
        credential.put("spec", Map.of());
        credential.put("status", status);
        return new Gson().toJson(credential);
    }

    static String requestedApiVersion(String execInfo) {
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
