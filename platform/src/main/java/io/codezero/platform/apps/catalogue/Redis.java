package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.Offer;
import io.codezero.platform.apps.Volume;
import io.codezero.platform.apps.Workload;
import io.codezero.platform.apps.Probes;
import io.codezero.platform.apps.Probe;
import java.util.List;
import java.util.Map;

/** Redis with append-only persistence and a generated password; offers "redis". */
public final class Redis extends CodeZeroApp {
    /** The interface it offers: redis (address, port, password). */
    public static final String INTERFACE = "redis";
    /** Redis' port. */
    public static final int PORT = 6379;

    /** Redis named {@code name} with an append-only volume of {@code storage}. */
    public Redis(String name, String storage) {
        super(AppSpec.builder(name, Workload.image(Versions.Platform.REDIS_IMAGE, PORT)
                        .withArgs(List.of("redis-server", "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes")))
                .generatedSecret("password", "REDIS_PASSWORD")
                .volume(new Volume("data", "/data", storage, StorageTier.FAST))
                .offer(new Offer(INTERFACE, PORT, Map.of(
                        "host", "{host}",
                        "port", "{port}",
                        "password", "{secret:password}",
                        "url", "redis://:{secret:password}@{host}:{port}/0")))
                // The image's own redis user (999, group 1000 on Alpine), which owns existing data.
                .runAs(999, 1000)
                .probes(Probes.of(
                        // PONG only once the data set is loaded (LOADING before) and the password is accepted.
                        Probe.exec("sh", "-c", "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli -h 127.0.0.1 -p " + PORT + " ping | grep -q PONG")
                                .every(10, 3).timeout(5),
                        // Redis listens while it loads its append-only file: a long load is not a hang.
                        Probe.tcp(PORT).every(20, 3)))
                .requests("50m", "128Mi")
                .limits("1", "512Mi")
                .build());
    }
}
