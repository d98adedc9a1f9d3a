package io.codezero.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineEngineTest {

    @Test
    void recordsParentProviderDependenciesAndSecretInputs() {
        OfflineRun run = OfflineEngine.create().run(ctx -> {
            var component = new ComponentResource("test:index:Box", "box", ComponentResourceOptions.builder().build());
            var provider = new Provider("k8s", ProviderArgs.builder().kubeconfig(Output.ofSecret("apiVersion: v1")).build(),
                    CustomResourceOptions.builder().parent(component).build());
            var ns = new Namespace("ns", NamespaceArgs.builder().metadata(ObjectMetaArgs.builder().name("demo").build()).build(),
                    CustomResourceOptions.builder().parent(component).provider(provider).build());
            new Secret("creds", SecretArgs.builder().metadata(ObjectMetaArgs.builder().namespace("demo").build())
                    .stringData(Output.ofSecret(Map.of("password", "hunter2"))).build(),
                    CustomResourceOptions.builder().parent(component).provider(provider).dependsOn(ns).build());
            ctx.export("kubeconfig", Output.ofSecret("apiVersion: v1"));
            ctx.export("namespace", Output.of("demo"));
        });

        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource box = run.get("test:index:Box", "box");
        PlannedResource provider = run.get("pulumi:providers:kubernetes", "k8s");
        PlannedResource ns = run.get("kubernetes:core/v1:Namespace", "ns");
        PlannedResource secret = run.get("kubernetes:core/v1:Secret", "creds");

        assertThat(ns.parentUrn()).isEqualTo(box.urn());
        assertThat(ns.providerUrn()).isEqualTo(provider.urn());
        assertThat(ns.input("metadata.name")).isEqualTo("demo");
        assertThat(provider.isSecretInput("kubeconfig")).isTrue();
        assertThat(secret.isSecretInput("stringData")).isTrue();
        assertThat(ns.isSecretInput("metadata")).isFalse();
        assertThat(run.dependsOn(secret, ns)).isTrue();
        assertThat(run.dependsOn(ns, secret)).isFalse();
        assertThat(run.outputs().get("kubeconfig").secret()).isTrue();
        assertThat(run.outputs().get("kubeconfig").display()).isEqualTo("[secret]");
        assertThat(run.outputs().get("namespace").display()).isEqualTo("demo");
    }

    @Test
    void aTypesIdFunctionGivesTheProviderIdOtherResourcesSee() {
        PlanMocks mocks = new PlanMocks().ids("kubernetes:core/v1:Namespace", args -> "/namespaces/" + args.name);
        OfflineRun run = OfflineEngine.create().mocks(mocks).run(ctx -> {
            var ns = new Namespace("ns", NamespaceArgs.builder().build());
            new Namespace("other", NamespaceArgs.builder().metadata(ObjectMetaArgs.builder()
                    .labels(ns.id().applyValue(id -> Map.of("ref", id.replace('/', '.')))).build()).build());
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get("kubernetes:core/v1:Namespace", "other").input("metadata.labels.ref")).isEqualTo(".namespaces.ns");
    }

    @Test
    void aThrowingProgramFailsTheRunWithItsMessage() {
        OfflineRun run = OfflineEngine.create().run(ctx -> {
            throw new IllegalArgumentException("bad cidr");
        });
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("bad cidr");
        assertThat(run.where(r -> !r.type().equals("pulumi:pulumi:Stack"))).isEmpty();
    }

    @Test
    void anInputThatFailsWhenItResolvesIsThrownEveryTimeWhetherOrNotAnExportDependsOnIt() {
        // the mock engine surfaces such a failure from the harness when an export depends on it, else only in its
        // result (SettlingRunnerTest): the offline engine throws it either way, with the callback's exception as cause
        for (boolean exported : new boolean[] {false, true}) {
            for (int i = 0; i < 15; i++) {
                assertThatThrownBy(() -> OfflineEngine.create().run(ctx -> {
                    var ns = new Namespace("ns", NamespaceArgs.builder().metadata(ObjectMetaArgs.builder()
                            .name(Output.of("demo").applyValue(name -> {
                                throw new IllegalArgumentException("metadata.name: " + name + " is refused when it resolves");
                            })).build()).build());
                    if (exported) {
                        ctx.export("name", ns.metadata().applyValue(meta -> meta.name().orElse("")));
                    }
                }))
                        .as(exported ? "exported" : "not exported")
                        .isInstanceOf(OutputFailedException.class)
                        .hasRootCauseMessage("metadata.name: demo is refused when it resolves")
                        .satisfies(e -> assertThat(((OutputFailedException) e).run().succeeded()).isFalse());
            }
        }
    }

    @Test
    void twoResourcesWithOneUrnFailTheRunLikeTheRealEngine() {
        OfflineRun run = OfflineEngine.create().run(ctx -> {
            for (String owner : new String[] {"eu", "us"}) {
                var component = new ComponentResource("test:index:Box", owner, ComponentResourceOptions.builder().build());
                // the parent's name is not part of a child's URN: both children are urn:...:test:index:Box$...::ns
                new Namespace("ns", NamespaceArgs.builder().build(), CustomResourceOptions.builder().parent(component).build());
            }
        });
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("Duplicate resource URN").contains("kubernetes:core/v1:Namespace::ns");
    }

    @Test
    void configValuesReachTheProgram() {
        OfflineRun run = OfflineEngine.create().project("demo").config("demo:greeting", "hello")
                .run(ctx -> ctx.export("greeting", Output.of(ctx.config().require("greeting"))));
        assertThat(run.outputs().get("greeting").value()).isEqualTo("hello");
    }
}
