package com.example.platform;

import com.pulumi.core.Output;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.Link;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import java.util.Map;

/** The team's own image, linked to the stack's PostgreSQL "db", with a setting from another resource. */
final class ShopApp {
    private ShopApp() {
    }

    static CodeZeroApp create(Output<String> upstream) {
        return new CodeZeroApp(AppSpec.builder("shop", Workload.image("ghcr.io/example/shop:1.4.2", 8080)
                        .withEnv("UPSTREAM", upstream))
                .link(new Link("db", PostgreSql.INTERFACE, Map.of("DATABASE_HOST", "address", "DATABASE_PASSWORD", "password")))
                .route(Route.host("shop", Visibility.PUBLIC))
                .build());
    }
}
