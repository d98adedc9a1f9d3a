package io.codezero.azure.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server (JDK com.sun.net.httpserver, 127.0.0.1 only) that answers Azure REST calls
 * with the responses of Azure's published examples (Azure/azure-rest-api-specs, copied under
 * src/test/resources/azure-examples; see the README there). Routes match the request path; the
 * api-version is not checked, since the SDKs ask for newer versions than the examples'.
 *
 * <p>Replay rules, applied to every example: the body of the example's response for the status
 * served is sent as JSON; a list example whose body is the bare array of items is sent as the
 * operation's list result {@code {"value": [...]}}; a {@code nextLink} that is a documentation
 * placeholder (not a URL) is dropped, so the list is one page. A test may also substitute text in
 * an example (e.g. a location name) and must say so.
 */
public final class ReplayServer implements AutoCloseable {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private record Route(String method, Pattern path, int status, String body) {
    }

    /** What the server was asked. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private ReplayServer(HttpServer server) {
        this.server = server;
    }

    public static ReplayServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ReplayServer replay = new ReplayServer(server);
            server.createContext("/", replay::handle);
            server.start();
            return replay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Answers {@code method pathRegex} with the example's response for {@code status}. */
    public ReplayServer example(String method, String pathRegex, String example, int status) {
        return example(method, pathRegex, example, status, UnaryOperator.identity());
    }

    public ReplayServer example(String method, String pathRegex, String example, int status, UnaryOperator<String> substitution) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), status, substitution.apply(responseBody(example, status))));
        return this;
    }

    /** Answers with the ARM error shape (common-types ErrorResponse: {"error": {"code", "message"}}). */
    public ReplayServer armError(String method, String pathRegex, int status, String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", error);
        routes.add(0, new Route(method, Pattern.compile(pathRegex), status, GSON.toJson(body)));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The example's response body for a status, with the replay rules applied. */
    public static String responseBody(String example, int status) {
        String path = "/azure-examples/" + example;
        try (InputStream in = ReplayServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + path);
            }
            JsonObject root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            JsonElement body = root.getAsJsonObject("responses").getAsJsonObject(String.valueOf(status)).get("body");
            if (body == null) {
                return "";
            }
            if (body.isJsonArray()) {
                JsonObject list = new JsonObject();
                list.add("value", body.getAsJsonArray());
                body = list;
            }
            if (body.isJsonObject() && body.getAsJsonObject().has("nextLink")) {
                JsonElement next = body.getAsJsonObject().get("nextLink");
                if (next.isJsonNull() || !next.getAsString().startsWith("http")) {
                    body.getAsJsonObject().remove("nextLink");
                }
            }
            return GSON.toJson(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // the request target as sent: a leading "//" (as MSAL's IMDS client sends) would read as an authority in URI.getPath()
            String target = exchange.getRequestURI().toString();
            String path = target.split("\\?", 2)[0];
            String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : null;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), new ArrayList<>(v)));
            requests.add(new Request(exchange.getRequestMethod(), path, query, headers));
            exchange.getRequestBody().readAllBytes();
            for (Route route : routes) {
                if (route.method.equalsIgnoreCase(exchange.getRequestMethod()) && route.path.matcher(path).matches()) {
                    byte[] body = route.body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                    exchange.getResponseHeaders().add("x-ms-request-id", "00000000-0000-0000-0000-000000000000");
                    exchange.sendResponseHeaders(route.status, body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        exchange.getResponseBody().write(body);
                    }
                    return;
                }
            }
            byte[] body = ("{\"error\":{\"code\":\"NoReplay\",\"message\":\"no example for " + exchange.getRequestMethod() + " " + path + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
