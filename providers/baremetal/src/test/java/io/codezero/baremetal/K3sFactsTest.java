package io.codezero.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.install.NodeRole;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.target.BundledIngress;
import io.codezero.core.target.CniPaths;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.ScrapableControlPlane;
import io.codezero.core.target.TargetContext;
import io.codezero.core.testing.TestPrerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The facts a k3s cluster states for the platform layers, and the server flag that makes the Traefik fact true. */
@SuppressWarnings("unchecked")
class K3sFactsTest {
    static ProvisionedCluster provision(BareMetalTarget target, AtomicReference<OfflineRun> runOut) {
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .run(ctx -> provisioned.set(target.provision(BareMetalTargetTest.spec(), TargetContext.standalone("lab"))));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        runOut.set(run);
        return provisioned.get();
    }

    @Test
    void traefikIsSwitchedOffOnEveryServerAndTheClusterSaysSo() {
        BareMetalTarget target = BareMetalTarget.builder()
                .host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER).named("cp-1"))
                .host(BareMetalTargetTest.host("10.0.0.11", NodeRole.SERVER).named("cp-2"))
                .host(BareMetalTargetTest.host("10.0.0.12", NodeRole.SERVER).named("cp-3"))
                .host(BareMetalTargetTest.host("10.0.0.20", NodeRole.AGENT))
                .build();
        AtomicReference<OfflineRun> run = new AtomicReference<>();
        ProvisionedCluster cluster = provision(target, run);
        assertThat(run.get().ofType(ResourceTokens.SERVER_NODE)).hasSize(3).allSatisfy(server ->
                assertThat((List<Object>) server.input("extraArgs")).containsOnlyOnce("--disable=traefik"));
        BundledIngress traefik = cluster.facts().get(BundledIngress.class).orElseThrow();
        assertThat(traefik.controller()).isEqualTo("traefik");
        assertThat(traefik.running()).isFalse();
    }

    @Test
    void aUserFlagForTraefikIsNotRepeated() {
        BareMetalTarget target = BareMetalTarget.builder().host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER))
                .extraServerArgs(List.of("--disable=traefik")).build();
        AtomicReference<OfflineRun> run = new AtomicReference<>();
        provision(target, run);
        assertThat((List<Object>) run.get().ofType(ResourceTokens.SERVER_NODE).get(0).input("extraArgs")).containsOnlyOnce("--disable=traefik");
    }

    @Test
    void noControlPlaneComponentIsStatedScrapable() {
        BareMetalTarget target = BareMetalTarget.builder().host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER)).build();
        ProvisionedCluster cluster = provision(target, new AtomicReference<>());
        assertThat(cluster.facts().get(ScrapableControlPlane.class).orElseThrow().components()).isEmpty();
    }

    @Test
    void theCniDirectoriesAreThoseOfIstiosK3sProfile() throws IOException {
        BareMetalTarget target = BareMetalTarget.builder().host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER)).build();
        CniPaths paths = provision(target, new AtomicReference<>()).facts().get(CniPaths.class).orElseThrow();
        assertThat(paths.istioPlatform()).isEqualTo("k3s");
        Path profile = sharedCharts().resolve("istio-cni-1.31/files/profile-platform-k3s.yaml");
        String text = Files.readString(profile);
        assertThat(text).contains("cniConfDir: " + paths.confDir()).contains("cniBinDir: " + paths.binDir());
    }

    /** The upstream charts (test data): -Dcodezero.charts.dir, else shared/charts beside the checkout or one of its parents. */
    static Path sharedCharts() {
        String configured = System.getProperty("codezero.charts.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("shared/charts"))) {
                return d.resolve("shared/charts");
            }
        }
        TestPrerequisites.require(false, "upstream charts (../shared/charts) not found; set -Dcodezero.charts.dir=DIR");
        return Path.of("");
    }
}
