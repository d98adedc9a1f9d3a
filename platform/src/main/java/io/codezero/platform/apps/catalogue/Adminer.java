package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.Link;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.mesh.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adminer, a small web app that links to PostgreSQL: a database console, so private by default. */
public final class Adminer extends CodeZeroApp {
    public static final int PORT = 8080;

    public Adminer(String name, Route route, String postgresApp) {
        super(AppSpec.builder(name, new Workload.Image(Versions.Platform.ADMINER_IMAGE, PORT, List.of(),
                        Map.of("ADMINER_DESIGN", "pepa-linha"), Optional.empty()))
                .route(route)
                .link(new Link(postgresApp, PostgreSql.INTERFACE, Map.of("ADMINER_DEFAULT_SERVER", "address")))
                .requests("20m", "64Mi")
                .build());
    }
}
