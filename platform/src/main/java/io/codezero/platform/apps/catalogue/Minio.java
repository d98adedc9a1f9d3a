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

/** MinIO object storage; offers "s3", exposes metrics and registers a small dashboard. */
public final class Minio extends CodeZeroApp {
    /** The interface it offers: S3 (endpoint, access key, secret key). */
    public static final String INTERFACE = "s3";
    /** MinIO's S3 port. */
    public static final int PORT = 9000;

    /** MinIO named {@code name} with a volume of {@code storage}, e.g. 10Gi. */
    public Minio(String name, String storage) {
        super(AppSpec.builder(name, Workload.image(Versions.Platform.MINIO_IMAGE, PORT)
                        // The default certificates directory is under $HOME, which is read-only here.
                        .withArgs(List.of("server", "/data", "--console-address", ":9001", "--certs-dir", "/tmp/certs"))
                        // Metrics are scraped without a bearer token; the mesh still keeps them off the network.
                        .withEnv(Map.of("MINIO_ROOT_USER", "admin", "MINIO_PROMETHEUS_AUTH_TYPE", "public")))
                .generatedSecret("root-password", "MINIO_ROOT_PASSWORD")
                .volume(new Volume("data", "/data", storage, StorageTier.STANDARD))
                .offer(new Offer(INTERFACE, PORT, Map.of(
                        "endpoint", "http://{host}:{port}",
                        "accessKey", "admin",
                        "secretKey", "{secret:root-password}")))
                .metrics(new MetricsEndpoint(PORT, "/minio/v2/metrics/cluster"))
                .dashboard("minio", DASHBOARD)
                // The image defines no user; any works, volumes are made writable through the group (fsGroup).
                .runAs(10001, 10001)
                .probes(Probes.of(
                        Probe.http("/minio/health/ready", PORT).every(10, 3),
                        Probe.http("/minio/health/live", PORT).every(20, 3)))
                .requests("100m", "256Mi")
                .limits("2", "1Gi")
                .build());
    }

    private static final String DASHBOARD = """
            {"uid":"codezero-minio","title":"CodeZero / MinIO","tags":["codezero"],"schemaVersion":39,
             "panels":[{"id":1,"type":"timeseries","title":"Capacity used",
               "datasource":{"type":"prometheus","uid":"prometheus"},"gridPos":{"x":0,"y":0,"w":24,"h":8},
               "targets":[{"refId":"A","expr":"minio_cluster_capacity_usable_total_bytes - minio_cluster_capacity_usable_free_bytes"}]}]}
            """;
}
