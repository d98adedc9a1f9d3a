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

/** Our own image, linked to the stack's PostgreSQL, with a setting another resource gives. */
public final class ShopApp {
    private ShopApp() {
    }

    /**
     * @param paymentsUrl where the payment provider is, e.g. an output of another stack or resource
     */
    public static CodeZeroApp create(String database, Output<String> paymentsUrl) {
        return new CodeZeroApp(AppSpec.builder("shop", Workload.image("ghcr.io/acme/shop:1.4.2", 8080)
                        .withEnv("LOG_FORMAT", "json")
                        .withEnv("PAYMENTS_URL", paymentsUrl))
                .link(new Link(database, PostgreSql.INTERFACE, Map.of("DATABASE_HOST", "address", "DATABASE_PASSWORD", "password")))
                .route(Route.host("shop", Visibility.PUBLIC))
                .build());
    }
}
