package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.MetricsEndpoint;
import io.codezero.platform.apps.Offer;
import io.codezero.platform.apps.Volume;
import io.codezero.platform.apps.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL on the fast storage tier; offers "postgres" with a generated password. */
public final class PostgreSql extends CodeZeroApp {
    public static final String INTERFACE = "postgres";
    public static final int PORT = 5432;

    public PostgreSql(String name, String storage) {
        super(AppSpec.builder(name, new Workload.Image(Versions.Platform.POSTGRES_IMAGE, PORT, List.of(),
                        Map.of("POSTGRES_USER", "app", "POSTGRES_DB", "app"), Optional.empty()))
                .generatedSecret("password", "POSTGRES_PASSWORD")
                // PostgreSQL 18 images keep their data under /var/lib/postgresql/<major>/docker.
                .volume(new Volume("data", "/var/lib/postgresql", storage, StorageTier.FAST))
                .offer(new Offer(INTERFACE, PORT, Map.of(
                        "host", "{host}",
                        "port", "{port}",
                        "address", "{host}:{port}",
                        "database", "app",
                        "username", "app",
                        "password", "{secret:password}",
                        "url", "postgres://app:{secret:password}@{host}:{port}/app")))
                .requests("100m", "256Mi")
                .build());
    }
}
