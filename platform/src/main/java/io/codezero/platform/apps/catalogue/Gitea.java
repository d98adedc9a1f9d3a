package io.codezero.platform.apps.catalogue;

import com.pulumi.core.Output;
import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.Link;
import io.codezero.platform.apps.MetricsEndpoint;
import io.codezero.platform.apps.Volume;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.apps.Probes;
import io.codezero.platform.apps.Probe;
import io.codezero.platform.mesh.Route;
import java.util.List;
import java.util.Map;

/** Gitea, a Git server, storing its metadata in a linked PostgreSQL. */
public final class Gitea extends CodeZeroApp {

    /** Gitea's port. */
    public static final int PORT = 3000;

    /**
     * Gitea under a plain domain.
     *
     * @param name        the app's name (and namespace)
     * @param storage     its volume's size, e.g. 20Gi
     * @param domain      the platform domain its URL is under
     * @param route       where the gateway serves it; null for none (reach it with {@code ./codezero console})
     * @param postgresApp the PostgreSQL app it keeps its metadata in
     */
    public Gitea(String name, String storage, String domain, Route route, String postgresApp) {
        this(name, storage, Output.of(domain), route, postgresApp);
    }

    /**
     * Gitea under a domain that may come from another resource ({@code PlatformSettings.domain()}).
     *
     * @param name        the app's name (and namespace)
     * @param storage     its volume's size, e.g. 20Gi
     * @param domain      the platform domain its URL is under
     * @param route       where the gateway serves it; null for none (reach it with {@code ./codezero console})
     * @param postgresApp the PostgreSQL app it keeps its metadata in
     */
    public Gitea(String name, String storage, Output<String> domain, Route route, String postgresApp) {
        super(AppSpec.builder(name, Workload.image(Versions.Platform.GITEA_IMAGE, PORT).withFsGroup(1000)
                        // without a route, the URL `kubectl port-forward` serves it at
                        .withEnv("GITEA__server__ROOT_URL", route != null ? route.url(domain) : Output.of("http://localhost:" + PORT + "/"))
                        .withEnv(Map.of(
                        "GITEA__database__DB_TYPE", "postgres",
                        "GITEA__server__HTTP_PORT", String.valueOf(PORT),
                        "GITEA__security__INSTALL_LOCK", "true",
                        "GITEA__metrics__ENABLED", "true",
                        // On the volume rather than /etc/gitea (read-only here), so the tokens Gitea generates into it
                        // on first start survive a restart.
                        "GITEA_APP_INI", "/var/lib/gitea/conf/app.ini")))
                .generatedSecret("secret-key", "GITEA__security__SECRET_KEY")
                .volume(new Volume("data", "/var/lib/gitea", storage, StorageTier.STANDARD))
                .route(route)
                .link(new Link(postgresApp, PostgreSql.INTERFACE, Map.of(
                        "GITEA__database__HOST", "address",
                        "GITEA__database__NAME", "database",
                        "GITEA__database__USER", "username",
                        "GITEA__database__PASSWD", "password")))
                .metrics(new MetricsEndpoint(PORT, "/metrics"))
                // The rootless image's git user.
                .runAs(1000, 1000)
                .probes(Probes.of(
                        // Database migrations run before Gitea listens: up to ten minutes after an upgrade.
                        Probe.tcp(PORT).every(5, 120),
                        // Gitea's health check: the database and cache answer.
                        Probe.http("/api/healthz", PORT).every(10, 3).timeout(5),
                        // A database outage is no reason to restart Gitea: liveness only checks it listens.
                        Probe.tcp(PORT).every(20, 3)))
                .requests("100m", "256Mi")
                .limits("2", "1Gi")
                .build());
    }
}
