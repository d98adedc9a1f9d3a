package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.Link;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.apps.Probes;
import io.codezero.platform.apps.Probe;
import io.codezero.platform.mesh.Route;
import java.util.List;
import java.util.Map;

/** Adminer, a small web app that links to PostgreSQL: a database console, so private by default. */
public final class Adminer extends CodeZeroApp {
    /** Adminer's port. */
    public static final int PORT = 8080;
    /**
     * The image's command with the address changed: its own CMD serves on {@code [::]:8080}, an IPv6 socket, which
     * cannot be opened where the node boots with IPv6 disabled. Every CodeZero target gives pods an IPv4 address
     * (IPv4-only or dual-stack), so the IPv4 wildcard serves everywhere CodeZero installs it.
     */
    static final List<String> LISTEN = List.of("php", "-S", "0.0.0.0:" + PORT, "-t", "/var/www/html");

    /** Adminer named {@code name} at {@code route} (null: none), connected to the PostgreSQL app {@code postgresApp}. */
    public Adminer(String name, Route route, String postgresApp) {
        super(AppSpec.builder(name,
                        // No ADMINER_DESIGN: the image's entrypoint would link the theme into /var/www/html, which is read-only here.
                        Workload.image(Versions.Platform.ADMINER_IMAGE, PORT).withArgs(LISTEN))
                .route(route)
                .link(new Link(postgresApp, PostgreSql.INTERFACE, Map.of("ADMINER_DEFAULT_SERVER", "address")))
                // The image's adminer user has no fixed id; any works (the files are world-readable, sessions go to /tmp).
                .runAs(10001, 10001)
                .probes(Probes.of(
                        Probe.http("/", PORT).every(10, 3),
                        Probe.tcp(PORT).every(20, 3)))
                .requests("20m", "64Mi")
                .limits("500m", "512Mi")
                .build());
    }
}
