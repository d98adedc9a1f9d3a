package io.codezero.stacks.console;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The few Kubernetes API calls {@code codezero console} makes, over the JDK's HTTP client with the kubeconfig's
 * credentials: no kubectl, no client library.
 */
final class KubeApi {
    private final Kubeconfig config;
    private final HttpClient http;

    KubeApi(Kubeconfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().sslContext(config.ssl()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An API error: the status code and the API server's own message. */
    static final class ApiException extends IOException {
        final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    JsonObject get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    JsonObject post(String path, JsonObject body) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.server() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        config.token().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private JsonObject send(HttpRequest request) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        JsonElement body;
        try {
            body = JsonParser.parseString(response.body());
        } catch (RuntimeException e) {
            body = null;
        }
        if (response.statusCode() / 100 != 2) {
            String message = body != null && body.isJsonObject() && body.getAsJsonObject().has("message")
                    ? body.getAsJsonObject().get("message").getAsString() : "HTTP " + response.statusCode();
            throw new ApiException(response.statusCode(), message);
        }
        if (body == null || !body.isJsonObject()) {
            throw new IOException(request.uri().getPath() + " answered no JSON object");
        }
        return body.getAsJsonObject();
    }

    /** A WebSocket to an API path (wss), with the kubeconfig's credentials and the given subprotocol. */
    CompletableFuture<WebSocket> webSocket(String path, String subprotocol, WebSocket.Listener listener) {
        URI uri = URI.create("wss://" + config.server().getRawAuthority() + config.server().getRawPath() + path);
        WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols(subprotocol).connectTimeout(Duration.ofSeconds(10));
        config.token().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder.buildAsync(uri, listener);
    }
}
