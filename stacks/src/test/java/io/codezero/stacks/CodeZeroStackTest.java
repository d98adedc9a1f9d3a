package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.PlatformApp;
import io.codezero.platform.PlatformLayer;
import io.codezero.platform.PlatformSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeZeroStackTest {
    @TempDir
    Path dir;

    /** A layer shaped like the real ones: its component (made by the installer), a nested component, Kubernetes resources. */
    record ConfigLayer(String name, List<Problem> problems) implements PlatformLayer, PlatformApp {
        ConfigLayer(String name) {
            this(name, List.of());
        }

        @Override
        public String path() {
            return "platform." + name;
        }

        @Override
        public String type() {
            return "codezero:test:Layer";
        }

        @Override
        public List<Problem> validate(PlatformSettings settings) {
            return problems;
        }

        @Override
        public InstalledLayer install(LayerContext context) {
            // the installer made this layer's component (type()) and parents everything here to it
            var nested = new ComponentResource("codezero:test:Part", context.name(name + "-part"), context.componentOptions());
            var map = new ConfigMap(context.name(name + "-settings"), ConfigMapArgs.builder()
                    .metadata(ObjectMetaArgs.builder().namespace(context.settings().systemNamespace()).build()).build(),
                    CustomResourceOptions.builder().parent(nested).build());
            return InstalledLayer.of(name, List.of(map)).withConsole(name, context.settings().domain().applyValue(domain -> "https://" + name + "." + domain));
        }
    }

    private OfflineRun run(CodeZeroStackArgs args) {
        return OfflineEngine.create().run(ctx -> new CodeZeroStack("demo", args).exportTo(ctx));
    }

    @Test
    void everyKubernetesResourceUsesTheTargetsProvider() {
        OfflineRun run = run(CodeZeroStackArgs.builder().target(TestTargets.local(dir))
                .cluster(ClusterSpec.builder("demo").build())
                .layer(new ConfigLayer("metrics")).app(new ConfigLayer("wiki")).build());

        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource provider = run.get("pulumi:providers:kubernetes", "demo-k8s");
        List<PlannedResource> kubernetes = run.where(r -> r.type().startsWith("kubernetes:"));
        assertThat(kubernetes).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("demo-system", "demo-metrics-settings", "demo-wiki-settings");
        assertThat(kubernetes).allSatisfy(r -> assertThat(r.providerUrn()).as(r.name()).isEqualTo(provider.urn()));
    }

    @Test
    void layersAndTheTargetAreChildrenOfTheStack() {
        OfflineRun run = run(CodeZeroStackArgs.builder().target(TestTargets.local(dir))
                .cluster(ClusterSpec.builder("demo").build()).layer(new ConfigLayer("metrics")).build());
        String stack = run.get(CodeZeroStack.TYPE, "demo").urn();
        assertThat(run.get("codezero:test:Layer", "demo-metrics").parentUrn()).isEqualTo(stack);
        assertThat(run.get("codezero:local:ExistingCluster", "demo").parentUrn()).isEqualTo(stack);
        assertThat(run.get("kubernetes:core/v1:Namespace", "demo-system").input("metadata.labels"))
                .isEqualTo(java.util.Map.of("app.kubernetes.io/managed-by", "codezero", "codezero.io/part", "system",
                        // nothing runs there: the strictest Pod Security level, enforced
                        "pod-security.kubernetes.io/enforce", "restricted", "pod-security.kubernetes.io/warn", "restricted",
                        "pod-security.kubernetes.io/audit", "restricted"));
    }

    @Test
    void theKubeconfigOutputIsSecretAndConsolesAreCollected() {
        OfflineRun run = run(CodeZeroStackArgs.builder().target(TestTargets.local(dir))
                .cluster(ClusterSpec.builder("demo").build()).layer(new ConfigLayer("grafana"))
                .settings(PlatformSettings.defaults().withDomain("example.org")).build());
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        assertThat(run.outputs().get("kubeconfig").display()).doesNotContain("secret-token");
        assertThat(run.outputs().get("consoleUrls").value()).isEqualTo(java.util.Map.of("grafana", "https://grafana.example.org"));
    }

    @Test
    void consoleUrlsAreListedByNameWhateverOrderTheLayersHandThemOver() {
        PlatformLayer twoConsoles = new PlatformLayer() {
            @Override
            public String name() {
                return "consoles";
            }

            @Override
            public InstalledLayer install(LayerContext context) {
                return InstalledLayer.of("consoles", List.of())
                        .withConsole("zeta", com.pulumi.core.Output.of("https://zeta.example.org"))
                        .withConsole("alpha", com.pulumi.core.Output.of("https://alpha.example.org"));
            }
        };
        OfflineRun run = run(CodeZeroStackArgs.builder().target(TestTargets.local(dir))
                .cluster(ClusterSpec.builder("demo").build()).layer(twoConsoles)
                .settings(PlatformSettings.defaults().withDomain("example.org")).build());
        assertThat(String.valueOf(run.outputs().get("consoleUrls").value())).isEqualTo("{alpha=https://alpha.example.org, zeta=https://zeta.example.org}");
    }

    @Test
    void anInvalidStackListsEveryProblemAndRegistersNothing() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        ClusterSpec bad = ClusterSpec.builder("Bad Name")
                .kubernetesVersion("1.10")
                .nodePool(NodePool.builder("pool").scaling(3, 1, 2).build())
                .network(NetworkSpec.builder().podCidr("10.0.0.0/16").build())
                .build();
        OfflineRun run = OfflineEngine.create().run(ctx -> {
            try {
                new CodeZeroStack("demo", CodeZeroStackArgs.builder().target(TestTargets.local(dir)).cluster(bad)
                        .layer(new ConfigLayer("metrics", List.of(Problem.of("platform.metrics.retention", "-1d", "must be positive"))))
                        .layer(new ConfigLayer("metrics"))
                        .build());
            } catch (RuntimeException e) {
                thrown.set(e);
                throw e;
            }
        });

        assertThat(run.succeeded()).isFalse();
        assertThat(thrown.get()).isInstanceOf(SpecValidationException.class);
        assertThat(((SpecValidationException) thrown.get()).problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "cluster.name", "cluster.kubernetesVersion", "cluster.nodePools[0].minNodes", "cluster.network.podCidr",
                // the existing-cluster target honours neither pools nor networks
                "cluster.nodePools", "cluster.network.podCidr",
                "platform.metrics.retention", "platform.metrics");
        assertThat(run.where(r -> !r.type().equals("pulumi:pulumi:Stack"))).as("registered resources").isEmpty();
    }

    @Test
    void aMissingTargetIsAProblemToo() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        OfflineEngine.create().run(ctx -> {
            try {
                new CodeZeroStack("demo", CodeZeroStackArgs.builder().cluster(ClusterSpec.builder("demo").build()).build());
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        assertThat(thrown.get()).hasMessageContaining("target = <missing>");
    }

    @Test
    void resourceOptionsGivenToTheStackReachEveryResourceInIt() {
        OfflineRun run = OfflineEngine.create().run(ctx -> new CodeZeroStack("demo", CodeZeroStackArgs.builder()
                .target(TestTargets.local(dir)).cluster(ClusterSpec.builder("demo").build()).layer(new ConfigLayer("metrics")).build(),
                com.pulumi.resources.ComponentResourceOptions.builder().protect(true).build()));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<PlannedResource> kubernetes = run.where(r -> r.type().startsWith("kubernetes:"));
        assertThat(kubernetes).isNotEmpty().allSatisfy(r -> assertThat(r.protect()).as(r.name()).isTrue());
    }
}
