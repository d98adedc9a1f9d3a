package io.codezero.digitalocean.prism;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A thin layer in front of Prism for the few answers a test needs that DigitalOcean's examples do
 * not contain (a Kubernetes version CodeZero supports, a locked account). Paths in the recording
 * are answered from {@code src/test/resources/recorded/}, written in the shape of the
 * specification's own examples; every other request is passed to Prism unchanged, so Prism still
 * validates it and answers from the specification.
 */
public final class RecordedLayer implements AutoCloseable {
    private final HttpServer server;

    private RecordedLayer(HttpServer server) {
        this.server = server;
    }

    /** @param recorded path (without query) to the resource file answered for it */
    public static RecordedLayer over(PrismServer prism, Map<String, String> recorded) throws IOException {
        return over(prism, recorded, (path, body) -> body);
    }

    /**
     * Also edits Prism's own answers: {@code rewrite} gets each forwarded request's path and Prism's body and
     * returns the body to answer (a test that needs one field of the specification's example changed, such as a
     * cluster's state while it upgrades, changes only that field).
     */
    public static RecordedLayer over(PrismServer prism, Map<String, String> recorded,
                                     java.util.function.BinaryOperator<String> rewrite) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            try (exchange) {
                String file = recorded.get(exchange.getRequestURI().getPath());
                if (file != null) {
                    answer(exchange, 200, read(file));
                } else {
                    forward(exchange, prism.base(), http, rewrite);
                }
            }
        });
        server.start();
        return new RecordedLayer(server);
    }

    /**
     * Answers {@code status} with {@code body} for {@code paths} (without query), for a documented error Prism's
     * examples do not give for that path (the specification's shared forbidden or not-found example); everything else
     * goes to Prism.
     */
    public static RecordedLayer failing(PrismServer prism, java.util.Set<String> paths, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HttpClient http = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            try (exchange) {
                if (paths.contains(exchange.getRequestURI().getPath())) {
                    answer(exchange, status, body.getBytes(StandardCharsets.UTF_8));
                } else {
                    forward(exchange, prism.base(), http, (path, answered) -> answered);
                }
            }
        });
        server.start();
        return new RecordedLayer(server);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void forward(HttpExchange exchange, URI prism, HttpClient http, java.util.function.BinaryOperator<String> rewrite)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(prism.resolve(exchange.getRequestURI().toString())).GET();
        for (String header : new String[] {"Authorization", "Accept", "Prefer"}) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String body = rewrite.apply(exchange.getRequestURI().getPath(), utf8(response.body()));
            answer(exchange, response.statusCode(), body.getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, new byte[0]);
        }
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = RecordedLayer.class.getResourceAsStream("/recorded/" + file)) {
            if (in == null) {
                throw new IOException("no recorded answer " + file);
            }
            return in.readAllBytes();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
