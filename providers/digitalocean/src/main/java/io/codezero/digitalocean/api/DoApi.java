package io.codezero.digitalocean.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few read-only calls of DigitalOcean's API v2 this project makes, over the JDK's HTTP client.
 * (No Java client covers them: Apache jclouds was retired to the Attic in 2025, and its
 * DigitalOcean API has no Kubernetes, VPC or account endpoints.) Errors become
 * {@link DoApiException}s carrying DigitalOcean's own id and message; the token never appears in one.
 */
public final class DoApi {
    public static final URI PRODUCTION = URI.create("https://api.digitalocean.com");
    private static final int PER_PAGE = 200;
    private static final int MAX_PAGES = 50;

    private final URI base;
    private final ApiToken token;
    private final Map<String, String> extraHeaders;
    private final HttpClient http;
    private final AtomicInteger requests = new AtomicInteger();
    /** Paths answered 403: with a custom-scoped token, a scope the token lacks ({@link TokenScopes}). */
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

    public DoApi(URI base, ApiToken token, Map<String, String> extraHeaders) {
        this.base = base;
        this.token = token;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static DoApi production(ApiToken token) {
        return new DoApi(PRODUCTION, token, Map.of());
    }

    /** The same API with one more header on every request (tests use Prism's {@code Prefer}). */
    public DoApi withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(name, value);
        return new DoApi(base, token, headers);
    }

    public URI base() {
        return base;
    }

    /** Where the token came from (an environment variable, a file, the stack's config), for messages; never the token. */
    public String tokenSource() {
        return token.source();
    }

    /**
     * The paths (without query) DigitalOcean answered 403 forbidden, in no order: with a custom-scoped token, each
     * is a scope the token lacks.
     * @return a copy of the paths
     */
    public Set<String> forbiddenPaths() {
        return Set.copyOf(forbidden);
    }

    /** How many HTTP requests this client has sent. */
    public int requestCount() {
        return requests.get();
    }

    /** GET a path such as {@code /v2/account} and return the JSON object answered. */
    public JsonObject get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token.value())
                .header("Accept", "application/json")
                .GET();
        extraHeaders.forEach(request::header);
        HttpResponse<String> response;
        try {
            requests.incrementAndGet();
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DoApiException(0, null, "cannot reach " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoApiException(0, null, "interrupted while calling " + base);
        }
        JsonObject body = parse(response.body());
        if (response.statusCode() == 403) {
            forbidden.add(pathOnly(pathAndQuery));
        }
        if (response.statusCode() / 100 != 2) {
            String id = body != null && body.has("id") ? body.get("id").getAsString() : null;
            String message = body != null && body.has("message") ? body.get("message").getAsString() : "no message";
            throw new DoApiException(response.statusCode(), id, "GET " + pathOnly(pathAndQuery) + " answered " + response.statusCode()
                    + (id == null ? "" : " " + id) + ": " + message);
        }
        if (body == null) {
            throw new DoApiException(response.statusCode(), null, "GET " + pathOnly(pathAndQuery) + " answered something that is not a JSON object");
        }
        return body;
    }

    /** Every item of a paged list ({@code /v2/vpcs}, key {@code vpcs}), following page numbers until meta.total is reached. */
    public List<JsonObject> list(String path, String key) {
        List<JsonObject> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonObject body = get(path + "?per_page=" + PER_PAGE + "&page=" + page);
            List<JsonObject> items = new ArrayList<>();
            if (body.has(key) && body.get(key).isJsonArray()) {
                body.getAsJsonArray(key).forEach(e -> items.add(e.getAsJsonObject()));
            }
            all.addAll(items);
            long total = total(body);
            if (items.isEmpty() || total < 0 || all.size() >= total || items.size() < PER_PAGE) {
                break;
            }
        }
        return all;
    }

    /** {@code meta.total} of a list answer, or -1. */
    public static long total(JsonObject body) {
        JsonElement meta = body.get("meta");
        if (meta != null && meta.isJsonObject() && meta.getAsJsonObject().has("total")) {
            return meta.getAsJsonObject().get("total").getAsLong();
        }
        return -1;
    }

    private static JsonObject parse(String text) {
        try {
            JsonElement element = JsonParser.parseString(text == null ? "" : text);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
