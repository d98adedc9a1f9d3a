package io.codezero.gcp.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Google's published API descriptions (discovery documents) of the methods the preflight calls, as
 * {@code src/test/resources/google-discovery/extract.py} took them from google-api-python-client's copies: which
 * method a request path is, and whether a response body is one that method's schema allows (no property the
 * schema does not name, every value of the schema's type; int64 values as strings, as Google sends them).
 */
public final class GoogleDiscovery {
    private static final GoogleDiscovery INSTANCE = load();
    private final JsonObject apis;

    private GoogleDiscovery(JsonObject apis) {
        this.apis = apis;
    }

    public static GoogleDiscovery get() {
        return INSTANCE;
    }

    private static GoogleDiscovery load() {
        try (InputStream in = GoogleDiscovery.class.getResourceAsStream("/google-discovery/discovery.json")) {
            if (in == null) {
                throw new IllegalStateException("google-discovery/discovery.json missing from the test resources");
            }
            JsonObject json = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return new GoogleDiscovery(json.getAsJsonObject("apis"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id of the method (e.g. compute.regions.get) whose HTTP method and path template match, if any. */
    public Optional<String> methodFor(String httpMethod, String path) {
        for (Map.Entry<String, JsonElement> api : apis.entrySet()) {
            String servicePath = api.getValue().getAsJsonObject().get("servicePath").getAsString();
            for (Map.Entry<String, JsonElement> m : api.getValue().getAsJsonObject().getAsJsonObject("methods").entrySet()) {
                JsonObject method = m.getValue().getAsJsonObject();
                String template = "/" + servicePath + method.get("path").getAsString();
                String regex = Pattern.quote(template).replaceAll("\\{\\+?[A-Za-z0-9]+\\}", "\\\\E[^/]+\\\\Q");
                if (method.get("httpMethod").getAsString().equals(httpMethod) && path.matches(regex)) {
                    return Optional.of(m.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** Where {@code body} breaks the response schema of {@code methodId}; empty when it is a valid response. */
    public List<String> violations(String methodId, JsonElement body) {
        for (Map.Entry<String, JsonElement> api : apis.entrySet()) {
            JsonObject methods = api.getValue().getAsJsonObject().getAsJsonObject("methods");
            if (methods.has(methodId)) {
                JsonObject schemas = api.getValue().getAsJsonObject().getAsJsonObject("schemas");
                String response = methods.getAsJsonObject(methodId).get("response").getAsString();
                List<String> out = new ArrayList<>();
                check(schemas, schemas.getAsJsonObject(response), body, methodId + " " + response, out);
                return out;
            }
        }
        return List.of("no method " + methodId + " in the discovery documents");
    }

    /** Where a request {@code body} breaks the request schema of {@code methodId} (a POST's); empty when it is valid. */
    public List<String> requestViolations(String methodId, JsonElement body) {
        for (Map.Entry<String, JsonElement> api : apis.entrySet()) {
            JsonObject methods = api.getValue().getAsJsonObject().getAsJsonObject("methods");
            if (methods.has(methodId)) {
                JsonObject method = methods.getAsJsonObject(methodId);
                if (!method.has("request")) {
                    return List.of(methodId + " takes no request body");
                }
                JsonObject schemas = api.getValue().getAsJsonObject().getAsJsonObject("schemas");
                List<String> out = new ArrayList<>();
                check(schemas, schemas.getAsJsonObject(method.get("request").getAsString()), body, methodId + " request", out);
                return out;
            }
        }
        return List.of("no method " + methodId + " in the discovery documents");
    }

    private static void check(JsonObject schemas, JsonObject schema, JsonElement value, String at, List<String> out) {
        if (schema.has("$ref")) {
            check(schemas, schemas.getAsJsonObject(schema.get("$ref").getAsString()), value, at, out);
            return;
        }
        String type = schema.has("type") ? schema.get("type").getAsString() : "object";
        String format = schema.has("format") ? schema.get("format").getAsString() : "";
        switch (type) {
            case "string" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                    out.add(at + ": expected a string" + (format.isEmpty() ? "" : " (" + format + ")") + ", got " + value);
                }
            }
            case "integer", "number" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                    out.add(at + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                    out.add(at + ": expected a boolean, got " + value);
                }
            }
            case "array" -> {
                if (!value.isJsonArray()) {
                    out.add(at + ": expected an array, got " + value);
                    return;
                }
                int i = 0;
                for (JsonElement item : value.getAsJsonArray()) {
                    check(schemas, schema.getAsJsonObject("items"), item, at + "[" + i++ + "]", out);
                }
            }
            default -> {
                if (!value.isJsonObject()) {
                    out.add(at + ": expected an object, got " + value);
                    return;
                }
                JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
                for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                    if (properties.has(e.getKey())) {
                        check(schemas, properties.getAsJsonObject(e.getKey()), e.getValue(), at + "." + e.getKey(), out);
                    } else if (schema.has("additionalProperties")) {
                        check(schemas, schema.getAsJsonObject("additionalProperties"), e.getValue(), at + "[" + e.getKey() + "]", out);
                    } else {
                        out.add(at + ": no property " + e.getKey() + " in the schema");
                    }
                }
            }
        }
    }
}
