package io.codezero.digitalocean.prism;

import io.codezero.core.testing.TestPrerequisites;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism in mock mode on a free loopback port, serving DigitalOcean's own OpenAPI
 * specification: it answers every documented endpoint with DigitalOcean's examples, rejects
 * requests that break the specification (missing bearer token: 401, a cluster id that is not a
 * UUID: 422), and answers another documented status or example when asked with
 * {@code Prefer: code=...} / {@code Prefer: example=...}. One server per test JVM (it needs ~25 s
 * to load the specification), stopped when the JVM exits.
 *
 * <p>Install with {@code providers/digitalocean/src/test/prism/install.sh} (CI runs it). The
 * specification is read from {@code -Dcodezero.do.apispec}, by default {@code ../shared/apispecs/...}
 * beside the repository.
 */
public final class PrismServer {
    public static final String VERSION = "5.16.0";
    private static PrismServer shared;
    private static String unavailable;

    private final Process process;
    private final URI base;
    private final Path log;

    private PrismServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static Path executable() {
        String configured = System.getProperty("codezero.prism");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = System.getenv("CODEZERO_PRISM_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".cache", "codezero-prism", VERSION);
        return dir.resolve("node_modules/.bin/prism");
    }

    /** The specification Prism serves ({@code -Dcodezero.do.apispec}). */
    public static Path specification() {
        return Path.of(System.getProperty("codezero.do.apispec", "../shared/apispecs/digitalocean/specification/DigitalOcean-public.v2.yaml"));
    }

    /** The running server; skips (locally) or fails (CI) the calling test when Prism or the specification is missing. */
    public static synchronized PrismServer require() {
        Path prism = executable();
        Path spec = specification();
        TestPrerequisites.require(Files.isExecutable(prism),
                "Prism " + VERSION + " not found at " + prism + ": run providers/digitalocean/src/test/prism/install.sh");
        TestPrerequisites.require(Files.isRegularFile(spec),
                "DigitalOcean's OpenAPI specification not found at " + spec.toAbsolutePath() + ": set -Dcodezero.do.apispec=<path to DigitalOcean-public.v2.yaml>");
        if (shared == null && unavailable == null) {
            try {
                shared = start(prism, spec);
                Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
            } catch (IOException e) {
                unavailable = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while starting Prism";
            }
        }
        TestPrerequisites.require(shared != null, "Prism did not start: " + unavailable);
        return shared;
    }

    private static PrismServer start(Path prism, Path spec) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("prism-digitalocean", ".log");
        Process process = new ProcessBuilder(prism.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port), spec.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrismServer server = new PrismServer(process, URI.create("http://127.0.0.1:" + port), log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("prism exited: " + tail(log));
            }
            try {
                // unauthenticated on purpose: Prism answers 401 once it serves the specification
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(server.base.resolve("/v2/account"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IOException("prism did not serve the specification within 180 s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    public URI base() {
        return base;
    }

    public Path log() {
        return log;
    }
}
