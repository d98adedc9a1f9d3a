package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.MetricsEndpoint;
import io.codezero.platform.apps.Offer;
import io.codezero.platform.apps.Volume;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.apps.Probes;
import io.codezero.platform.apps.Probe;
import java.util.List;
import java.util.Map;

/** PostgreSQL on the fast storage tier; offers "postgres" with a generated password. */
public final class PostgreSql extends CodeZeroApp {
    /** The interface it offers: postgres (address, port, database, username, password). */
    public static final String INTERFACE = "postgres";
    /** PostgreSQL's port. */
    public static final int PORT = 5432;

    /** PostgreSQL named {@code name} with a volume of {@code storage} on the fast tier. */
    public PostgreSql(String name, String storage) {
        super(AppSpec.builder(name, Workload.image(Versions.Platform.POSTGRES_IMAGE, PORT)
                        .withEnv(Map.of("POSTGRES_USER", "app", "POSTGRES_DB", "app")))
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
                // The image's own postgres user (70:70 on Alpine): PostgreSQL only starts on a data directory it owns,
                // and volumes initialised before CodeZero ran it unprivileged belong to that user.
                .runAs(70, 70)
                .writable("/var/run/postgresql")
                .probes(Probes.of(
                        // initdb on first start, crash recovery after an unclean stop: up to ten minutes.
                        Probe.exec(socketCheck()).every(5, 120).timeout(5),
                        // Over TCP: the entrypoint's temporary server during initdb listens only on the socket,
                        // so the pod turns ready once the real server accepts connections from other pods.
                        Probe.exec("pg_isready", "-h", "127.0.0.1", "-p", String.valueOf(PORT), "-U", "app", "-d", "app").every(10, 3).timeout(5),
                        Probe.exec(socketCheck()).every(20, 6).timeout(5)))
                .requests("100m", "256Mi")
                .limits("2", "1Gi")
                .build());
    }

    private static String[] socketCheck() {
        return new String[] {"pg_isready", "-h", "/var/run/postgresql", "-p", String.valueOf(PORT), "-U", "app", "-d", "app"};
    }
}
