package io.codezero.platform.apps.catalogue;

import io.codezero.core.Versions;
import io.codezero.core.target.StorageTier;
import io.codezero.platform.apps.CodeZeroApp;
import io.codezero.platform.apps.AppSpec;
import io.codezero.platform.apps.Offer;
import io.codezero.platform.apps.Volume;
import io.codezero.platform.apps.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Redis with append-only persistence and a generated password; offers "redis". */
public final class Redis extends CodeZeroApp {
    public static final String INTERFACE = "redis";
    public static final int PORT = 6379;

    public Redis(String name, String storage) {
        super(AppSpec.builder(name, new Workload.Image(Versions.Platform.REDIS_IMAGE, PORT,
                        List.of("redis-server", "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes"), Map.of(), Optional.empty()))
                .generatedSecret("password", "REDIS_PASSWORD")
                .volume(new Volume("data", "/data", storage, StorageTier.FAST))
                .offer(new Offer(INTERFACE, PORT, Map.of(
                        "host", "{host}",
                        "port", "{port}",
                        "password", "{secret:password}",
                        "url", "redis://:{secret:password}@{host}:{port}/0")))
                .requests("50m", "128Mi")
                .build());
    }
}
