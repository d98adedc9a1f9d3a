package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import io.codezero.local.ExistingClusterTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {
    @TempDir
    Path dir;

    private record Read(ClusterSpec cluster, List<Problem> problems) {
    }

    private Read read(String clusterJson) {
        AtomicReference<Read> read = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().project("demo").stack("staging")
                .config("codezero:cluster", clusterJson)
                .run(ctx -> {
                    StackConfig config = StackConfig.from(ctx);
                    ClusterSpec spec = config.cluster();
                    read.set(new Read(spec, config.problems()));
                });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return read.get();
    }

    @Test
    void readsAFullClusterSpec() {
        Read read = read("""
                {"name": "shop", "kubernetesVersion": "1.33",
                 "nodePools": [{"name": "web", "size": "large", "minNodes": 2, "desiredNodes": 3, "maxNodes": 6,
                                "labels": {"tier": "web"}, "taints": [{"key": "dedicated", "value": "web", "effect": "NoSchedule"}], "spot": true},
                               {"name": "gpu", "machineType": "g5.xlarge", "minNodes": 0, "desiredNodes": 0, "maxNodes": 2}],
                 "network": {"vpcCidr": "10.20.0.0/16", "apiAccessAllowlist": ["203.0.113.0/24"]},
                 "tags": {"team": "platform"}}
                """);
        assertThat(read.problems()).isEmpty();
        assertThat(read.cluster().name()).isEqualTo("shop");
        assertThat(read.cluster().nodePools()).hasSize(2);
        assertThat(read.cluster().nodePools().get(0).size().knownClass()).contains(SizeClass.LARGE);
        assertThat(read.cluster().nodePools().get(0).taints().get(0).effect()).isEqualTo("NoSchedule");
        assertThat(read.cluster().nodePools().get(1).size().explicitMachineType()).contains("g5.xlarge");
        assertThat(read.cluster().network().vpcCidr()).isEqualTo("10.20.0.0/16");
        assertThat(read.cluster().network().privateNodes()).isTrue();
        assertThat(read.cluster().tags()).containsEntry("team", "platform");
    }

    @Test
    void theClusterNameDefaultsToTheStackName() {
        assertThat(read("{}").cluster().name()).isEqualTo("staging");
    }

    @Test
    void typosAndWrongTypesAreProblemsWithTheirPath() {
        Read read = read("""
                {"nmae": "shop", "nodePools": [{"name": "web", "maxNodes": "lots", "sise": "large"}], "network": {"privateNodes": "maybe"}}
                """);
        assertThat(read.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "cluster.nmae", "cluster.nodePools[0].maxNodes",
                "cluster.nodePools[0].sise", "cluster.network.privateNodes");
        assertThat(read.problems()).filteredOn(p -> p.field().endsWith("sise")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean size?"));
    }

    /** A stack program as the examples write it, run on the test kubeconfig with the given config. */
    private record Failure(Throwable thrown, OfflineRun run) {
    }

    private Failure stackWith(String key, String value) {
        TestTargets.writeKubeconfig(dir);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().project("demo")
                .config("codezero:kubeconfig", dir.resolve("kubeconfig").toString())
                .config(key, value)
                .run(ctx -> {
                    try {
                        StackConfig config = StackConfig.from(ctx);
                        new CodeZeroStack("demo", config.toArgs(ExistingClusterTarget.fromConfig(config.scalars())));
                    } catch (RuntimeException e) {
                        thrown.set(e);
                        throw e;
                    }
                });
        return new Failure(thrown.get(), run);
    }

    @Test
    void configProblemsAndSpecProblemsFailTheStackTogether() {
        Failure failure = stackWith("codezero:cluster", "{\"name\": \"UPPER\", \"colour\": \"blue\"}");
        assertThat(failure.thrown()).hasMessageContaining("codezero:cluster.colour").hasMessageContaining("codezero:cluster.name = \"UPPER\"");
        assertThat(failure.run().where(r -> !r.type().equals("pulumi:pulumi:Stack"))).isEmpty();
    }

    @Test
    void aBadScalarSettingIsReportedWithTheOtherProblems() {
        assertThat(stackWith("codezero:loadBalancerAddresses", "maybe").thrown())
                .hasMessageContaining("loadBalancerAddresses = \"maybe\": must be true or false");
    }

    @Test
    void aMistypedTopLevelKeyIsReportedWithTheNearestOne() {
        // before: codezero:platfrom was never read, the plan showed 3 resources and a live stack would lose its platform
        Failure failure = stackWith("codezero:platfrom", "{\"istio\": {}}");
        assertThat(failure.thrown()).hasMessageContaining("codezero:platfrom").hasMessageContaining("did you mean codezero:platform?");
        assertThat(failure.run().where(r -> !r.type().equals("pulumi:pulumi:Stack"))).isEmpty();
        assertThat(stackWith("codezero:clustr", "{}").thrown()).hasMessageContaining("did you mean codezero:cluster?");
    }

    @Test
    void ourKeysWithoutTheNamespaceAreReported() {
        Failure failure = stackWith("demo:platform", "{\"istio\": {}}");
        assertThat(failure.thrown()).hasMessageContaining("demo:platform")
                .hasMessageContaining("without its namespace; write codezero:platform");
    }

    @Test
    void aDottedKeyIsRefusedWithTheWayToSetANestedValue() {
        assertThat(stackWith("codezero:cluster.name", "shop").thrown()).hasMessageContaining("codezero:cluster.name")
                .hasMessageContaining("pulumi config set --path");
    }

    @Test
    void everyConfigKeyOfTheStackIsSeen() {
        AtomicReference<java.util.Set<String>> keys = new AtomicReference<>();
        OfflineEngine.create().project("demo").config("codezero:a", "1").config("other:b", "2")
                .run(ctx -> keys.set(io.codezero.core.config.AllConfig.keys(ctx.config("codezero"))));
        assertThat(keys.get()).contains("codezero:a", "other:b");
    }
}
