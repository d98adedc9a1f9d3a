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
public final class KubeApi {
    private final Kubeconfig config;
    private final HttpClient http;

    /**
     * A client of the kubeconfig's API server with its credentials.
     *
     * @param config the kubeconfig's current context
     */
    public KubeApi(Kubeconfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().sslContext(config.ssl()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** An API error: the status code and the API server's own message. */
    public static final class ApiException extends IOException {
        final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** @return the HTTP status the API server answered */
        public int status() {
            return status;
        }
    }

    /**
     * GET of an API path.
     *
     * @param path the path and query, e.g. {@code /api/v1/nodes}
     * @return the JSON object answered
     * @throws ApiException when the API server answers an error
     * @throws IOException when it cannot be reached or answers no JSON object
     */
    public JsonObject get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    /**
     * GET of a list as metadata only ({@code PartialObjectMetadataList}): for Secrets, whose values must not even be
     * fetched when only their names and labels are wanted (Helm's release records).
     *
     * @param path a list path
     * @return the list, each item with its metadata only
     * @throws IOException as {@link #get(String)}
     */
    public JsonObject getMetadata(String path) throws IOException {
        return send(request(path).setHeader("Accept", "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1").GET().build());
    }

    /**
     * GET of a path that answers text, such as a pod's log or a service proxy's answer.
     *
     * @param path the path and query
     * @return the body
     * @throws ApiException with the API server's message when it answers an error
     * @throws IOException when it cannot be reached
     */
    public String getText(String path) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request(path).setHeader("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            String message;
            try {
                JsonElement body = JsonParser.parseString(response.body());
                message = body.isJsonObject() && body.getAsJsonObject().has("message")
                        ? body.getAsJsonObject().get("message").getAsString() : "HTTP " + response.statusCode();
            } catch (RuntimeException e) {
                message = "HTTP " + response.statusCode();
            }
            throw new ApiException(response.statusCode(), message);
        }
        return response.body();
    }

    /**
     * POST of a JSON object (create).
     *
     * @param path the collection's path
     * @param body the object
     * @return the API server's answer
     * @throws IOException as {@link #get(String)}
     */
    public JsonObject post(String path, JsonObject body) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /**
     * A query parameter's value, URL-encoded.
     *
     * @param value the raw value
     * @return the encoded value
     */
    public static String query(String value) {
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
