package io.codezero.console;

import io.codezero.stacks.console.KubeApi;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The CodeZero console's web server (Javalin 7 on Jetty 12), on 127.0.0.1 only. Safe by default:
 * <ul>
 *   <li>a one-time token in the printed URL: its first use sets a session cookie (HttpOnly, SameSite=Strict) and the
 *       token is spent, so the URL left in a history or a log opens nothing;</li>
 *   <li>the Host header must be 127.0.0.1:PORT or localhost:PORT, so a page of another site that rebinds its DNS name to
 *       127.0.0.1 is refused (DNS rebinding);</li>
 *   <li>no Referer leaves the page, it cannot be framed, scripts come only from the console itself;</li>
 *   <li>read-only: only GET routes; the cluster is only read (ClusterReader), Secrets only as metadata.</li>
 * </ul>
 */
public final class ConsoleServer implements AutoCloseable {
    static final String COOKIE = "codezero-console";
    private final ClusterReader reader;
    private final Declared declared;
    private final String server;
    private final String token = random();
    private final String session = random();
    private final AtomicBoolean tokenSpent = new AtomicBoolean();
    private final Javalin app;

    /**
     * Starts the console.
     *
     * @param api the Kubernetes API with the stack's kubeconfig
     * @param server the API server's URL, as the overview names the target
     * @param declared what the stack declares, or {@link Declared#none()}
     * @param port the local port, 0 for any free one
     */
    public ConsoleServer(KubeApi api, String server, Declared declared, int port) {
        this.reader = new ClusterReader(api);
        this.declared = declared;
        this.server = server;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.enableWebjars();
            config.routes.before(this::guard);
            config.routes.get("/", ctx -> {
                Snapshot s = snapshot();
                ctx.html(Pages.layout("Overview", Pages.overview(s, missing(s))));
            });
            config.routes.get("/apps/{name}", this::appPage);
            config.routes.get("/apps/{name}/logs", this::logs);
            config.routes.get("/map", ctx -> ctx.html(Pages.layout("Link map", Pages.map(snapshot()))));
            config.routes.get("/drift", ctx -> {
                Snapshot s = snapshot();
                ctx.html(Pages.layout("Program vs cluster", Pages.drift(declared, s, Drift.between(declared, s))));
            });
            config.routes.exception(IOException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_GATEWAY)
                    .html(Pages.layout("Error", "<h1>The API server could not be read</h1><p class=\"warn\">" + Html.esc(e.getMessage()) + "</p>")));
        }).start("127.0.0.1", port);
    }

    /** @return the local port */
    public int port() {
        return app.port();
    }

    /** @return the URL to open, with the one-time token */
    public String url() {
        return "http://127.0.0.1:" + port() + "/?token=" + token;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean same(String a, String b) {
        return a != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void guard(Context ctx) {
        String host = ctx.header("Host");
        if (!("127.0.0.1:" + port()).equals(host) && !("localhost:" + port()).equals(host)) {
            throw new ForbiddenResponse("Host " + host + " is not this console's (DNS rebinding is refused)");
        }
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
        if (same(ctx.cookie(COOKIE), session)) {
            return;
        }
        String given = ctx.queryParam("token");
        if (same(given, token) && tokenSpent.compareAndSet(false, true)) {
            ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        throw new ForbiddenResponse("open the console with the URL `./codezero console` printed (its token works once)");
    }

    private Snapshot snapshot() throws IOException {
        return reader.read(server);
    }

    /** Declared apps that do not run: the overview lists them as missing. */
    private List<Declared.App> missing(Snapshot s) {
        return declared.apps().stream().filter(a -> s.app(a.name()).isEmpty()).toList();
    }

    private AppState app(Snapshot s, String name) {
        return s.app(name).orElseThrow(() -> new NotFoundResponse("no app named " + name + " runs"));
    }

    private void appPage(Context ctx) throws IOException {
        Snapshot s = snapshot();
        String name = ctx.pathParam("name");
        Optional<Declared.App> dec = declared.apps().stream().filter(a -> a.name().equals(name)).findFirst();
        if (s.app(name).isEmpty() && dec.isPresent()) {
            ctx.html(Pages.layout(name, "<h1 id=\"app-name\">" + Html.esc(name) + " " + Html.badge(Health.MISSING) + "</h1><p class=\"warn\">"
                    + "Declared at " + Html.esc(dec.get().configLine()) + ", but no Deployment of it runs in namespace "
                    + Html.esc(dec.get().namespace()) + ". `pulumi up` creates it again.</p>"));
            return;
        }
        AppState app = app(s, name);
        AppDetails details = AppDetails.read(reader.api(), app);
        Optional<Prometheus> prometheus = Prometheus.find(reader.api(), s);
        ctx.html(Pages.layout(name, Pages.app(s, app, details, prometheus, prometheus.map(p -> p.figures(app.namespace(), java.time.Instant.now())), dec)));
    }

    private void logs(Context ctx) throws IOException {
        Snapshot s = snapshot();
        AppState app = app(s, ctx.pathParam("name"));
        ctx.html(Pages.logs(AppDetails.logs(reader.api(), app, AppDetails.read(reader.api(), app).pods())));
    }

    @Override
    public void close() {
        app.stop();
    }
}
