package com.example.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstallPlan;
import io.codezero.platform.PlatformConfig;
import io.codezero.platform.PlatformInstaller;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.layers.IstioLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/extending.md's layer and app: written in a package of their own against the public API only (this package is
 * not the library's), planned under the mock engine, and shown verbatim by the guide.
 */
class ExtendingGuideTest {

    static OfflineRun plan(PlatformConfig config) {
        return OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            ComponentResource stack = new ComponentResource("codezero:index:Stack", "dev", ComponentResourceOptions.builder().build());
            Provider provider = new Provider("k8s", ProviderArgs.builder().kubeconfig(Output.ofSecret("apiVersion: v1")).build(),
                    CustomResourceOptions.builder().parent(stack).build());
            ProvisionedCluster cluster = new ProvisionedCluster("fake", Output.ofSecret("apiVersion: v1"), provider,
                    new StorageProfile("standard", "fast"), LoadBalancerCapabilities.nodeLocal(), List.of(provider));
            PlatformInstaller.install("dev", cluster, stack, config);
        });
    }

    static PlatformConfig guideConfig() {
        return new PlatformConfig(PlatformSettings.defaults().withDomain("apps.example.com"),
                List.of(IstioLayer.builder().build(), new PodinfoLayer("podinfo", 2)),
                List.of(new PostgreSql("db", "5Gi"), ShopApp.create("db", Output.of("https://payments.example.com"))));
    }

    @Test
    void theGuidesLayerInstallsItsChartInItsOwnComponentWithARouteAndAConsole() {
        OfflineRun run = plan(guideConfig());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource component = run.get("acme:platform:Podinfo", "dev-podinfo");
        PlannedResource release = run.get("kubernetes:helm.sh/v3:Release", "dev-podinfo");
        assertThat(release.parentUrn()).isEqualTo(component.urn());
        assertThat(release.input("chart")).isEqualTo("podinfo");
        assertThat(release.input("version")).isEqualTo("6.3.3");
        assertThat(release.input("repositoryOpts.repo")).isEqualTo("https://stefanprodan.github.io/podinfo");
        assertThat(release.input("values.replicaCount")).isEqualTo(2.0);
        assertThat(run.where(r -> r.type().endsWith(":VirtualService") && r.name().equals("dev-podinfo-route")))
                .singleElement().satisfies(route -> assertThat(route.input("spec.hosts")).isEqualTo(List.of("podinfo.apps.example.com")));
        // a private route without sign-in: closed at the gateway by a deny policy
        assertThat(run.where(r -> r.name().equals("dev-podinfo-require-auth"))).hasSize(1);
    }

    @Test
    void theGuidesAppRunsItsImageLinkedToPostgresWithAValueFromAnotherResource() {
        OfflineRun run = plan(guideConfig());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource shop = run.get("kubernetes:apps/v1:Deployment", "dev-shop-deployment");
        assertThat(shop.input("spec.template.spec.containers.0.image")).isEqualTo("ghcr.io/acme/shop:1.4.2");
        assertThat(String.valueOf(shop.input("spec.template.spec.containers.0.env"))).contains("PAYMENTS_URL", "https://payments.example.com",
                "DATABASE_PASSWORD");
        assertThat(run.dependsOn(shop, run.get("kubernetes:apps/v1:Deployment", "dev-db-deployment"))).isTrue();
    }

    @Test
    void withoutTheMeshTheLayerIsRefusedWithItsOwnFix() {
        InstallPlan plan = InstallPlan.of(List.of(new PodinfoLayer("podinfo", 9)), List.of(), PlatformSettings.defaults(), Set.of());
        assertThat(plan.problems()).extracting(Problem::toString)
                .contains("platform.podinfo = \"Mesh\": podinfo is served through the gateway; add the istio layer");
        assertThat(new PodinfoLayer("podinfo", 9).validate(PlatformSettings.defaults())).extracting(Problem::toString)
                .containsExactly("platform.podinfo.replicas = \"9\": must be between 1 and 5");
    }

    @Test
    void chartSourcesMayPointTheLayersChartAtALocalCopy() throws IOException {
        Path local = Files.createTempDirectory("podinfo-chart");
        PlatformConfig config = guideConfig();
        PlatformConfig air = new PlatformConfig(config.settings().toBuilder()
                .chartSources(new io.codezero.platform.helm.ChartSource(Map.of("podinfo", local.toString()))).build(),
                config.layers(), config.apps());
        assertThat(air.validate()).isEmpty();
        OfflineRun run = plan(air);
        assertThat(run.get("kubernetes:helm.sh/v3:Release", "dev-podinfo").input("chart")).isEqualTo(local.toString());
    }

    @Test
    void theGuideShowsThisLayerAndThisApp() throws IOException {
        String guide = Files.readString(Path.of("../docs/extending.md"));
        for (String file : List.of("PodinfoLayer.java", "Podinfo.java", "ShopApp.java")) {
            String source = Files.readString(Path.of("src/test/java/com/example/platform/" + file));
            String body = source.substring(source.indexOf(";") + 1).strip();
            assertThat(guide).as("docs/extending.md must show " + file + " verbatim after its package line").contains(body);
        }
    }
}
