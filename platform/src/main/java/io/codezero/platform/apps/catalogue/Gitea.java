package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.Link;
import io.codezero.platform.apps.MetricsEndpoint;
import io.codezero.platform.apps.Volume;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.mesh.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gitea, a Git server, storing its metadata in a linked PostgreSQL. */
public final class Gitea extends CodeZeroApp {
    public static final int PORT = 3000;

    /** @param route where the gateway serves it; null for none (reach it with port-forward) */
    public Gitea(String name, String storage, String domain, Route route, String postgresApp) {
        super(AppSpec.builder(name, new Workload.Image(Versions.Platform.GITEA_IMAGE, PORT, List.of(), Map.of(
                        "GITEA__database__DB_TYPE", "postgres",
                        // without a route, the URL `kubectl port-forward` serves it at
                        "GITEA__server__ROOT_URL", route != null ? route.url(domain) : "http://localhost:" + PORT + "/",
                        "GITEA__server__HTTP_PORT", String.valueOf(PORT),
                        "GITEA__security__INSTALL_LOCK", "true",
                        "GITEA__metrics__ENABLED", "true"), Optional.of(1000)))
                .generatedSecret("secret-key", "GITEA__security__SECRET_KEY")
                .volume(new Volume("data", "/var/lib/gitea", storage, StorageTier.STANDARD))
                .route(route)
                .link(new Link(postgresApp, PostgreSql.INTERFACE, Map.of(
                        "GITEA__database__HOST", "address",
                        "GITEA__database__NAME", "database",
                        "GITEA__database__USER", "username",
                        "GITEA__database__PASSWD", "password")))
                .metrics(new MetricsEndpoint(PORT, "/metrics"))
                .requests("100m", "256Mi")
                .build());
    }
}
