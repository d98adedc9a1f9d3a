package io.codezero.azure.preflight;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The Entra ID object id of whoever holds an access token: its {@code oid} claim (Microsoft identity
 * platform access tokens are JWTs; the claim names the user or service principal). Read without
 * verifying the signature: the token is our own, only used to compare ids.
 */
final class DeployerObjectId {
    private DeployerObjectId() {
    }

    /** The {@code oid} claim, or empty for a token that is not a JWT or has none. */
    static Optional<String> of(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            var claims = JsonParser.parseString(payload).getAsJsonObject();
            return claims.has("oid") && claims.get("oid").isJsonPrimitive() ? Optional.of(claims.get("oid").getAsString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
