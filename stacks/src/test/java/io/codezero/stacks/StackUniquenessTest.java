package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.PhysicalName;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import com.pulumi.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that must be unique across the stacks of one program: reported as problems before the second registers, never a crash. */
class StackUniquenessTest {
    @TempDir
    Path dir;

    /** A cloud-like target whose cluster name is unique per region, as EKS's is. */
    record RegionalTarget(String region) implements ClusterTarget {
        @Override
        public String kind() {
            return "regional";
        }

        @Override
        public Set<PhysicalName> physicalNames(ClusterSpec spec) {
            return Set.of(PhysicalName.ofCluster(spec, "region " + region, "test cluster", spec.name()),
                    PhysicalName.ofCluster(spec, "the account", "VPC", spec.name() + "-vpc"));
        }

        @Override
        public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
            var component = new ComponentResource("codezero:test:Cluster", context.name("cluster"),
                    ComponentResourceOptions.builder().parent(context.parent()).build());
            var provider = new Provider(context.name("k8s"), ProviderArgs.builder().kubeconfig(Output.ofSecret("kubeconfig")).build(),
                    CustomResourceOptions.builder().parent(component).build());
            return new ProvisionedCluster(spec.name(), Output.ofSecret("kubeconfig"), provider, StorageProfile.single("standard"),
                    LoadBalancerCapabilities.builder().internetFacing(java.util.Map.of()).internal(java.util.Map.of()).build(), List.of());
        }
    }

    private static CodeZeroStackArgs args(ClusterTarget target, String cluster) {
        return CodeZeroStackArgs.builder().target(target).cluster(ClusterSpec.builder(cluster).build()).build();
    }

    /** The problems the program failed with; the run must fail with a SpecValidationException, nothing else. */
    private static List<String> problems(Consumer<Context> program) {
        OfflineRun run = OfflineEngine.create().run(program);
        assertThat(run.succeeded()).isFalse();
        Throwable failure = run.exceptions().stream().findFirst().orElseThrow(() -> new AssertionError(run.failure()));
        while (!(failure instanceof SpecValidationException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertThat(failure).as(run.failure()).isInstanceOf(SpecValidationException.class);
        return ((SpecValidationException) failure).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void theSameStackNameTwiceIsAProblemNotADuplicateUrnCrash() {
        assertThat(problems(ctx -> {
            new CodeZeroStack("shop", args(new RegionalTarget("eu"), "shop"));
            new CodeZeroStack("shop", args(new RegionalTarget("us"), "shop"));
        })).containsExactly("CodeZeroStack(name) = \"shop\": another CodeZeroStack of this program has this name; every resource name"
                + " of a stack starts with it, so each stack needs its own name");
    }

    @Test
    void theSameExportPrefixTwiceIsAProblemNotAnSdkError() {
        assertThat(problems(ctx -> {
            new CodeZeroStack("shop-eu", args(new RegionalTarget("eu"), "shop-eu")).exportTo(ctx, "shop");
            new CodeZeroStack("shop-us", args(new RegionalTarget("us"), "shop-us")).exportTo(ctx, "shop");
        })).containsExactly("exportTo(ctx, prefix) = \"shop\": stack 'shop-eu' already exported shopKubeconfig (stack 'shop-us' would"
                + " overwrite it); export each stack under its own prefix, e.g. exportTo(ctx, \"shopus\")");
    }

    @Test
    void twoUnprefixedExportsAreAProblem() {
        assertThat(problems(ctx -> {
            new CodeZeroStack("eu", args(new RegionalTarget("eu"), "eu")).exportTo(ctx);
            new CodeZeroStack("us", args(new RegionalTarget("us"), "us")).exportTo(ctx);
        })).singleElement().asString().startsWith("exportTo(ctx) = \"\": stack 'eu' already exported kubeconfig");
    }

    @Test
    void aPhysicalNameTwiceInOneScopeIsAProblemNamingBothStacks() {
        List<String> problems = problems(ctx -> {
            new CodeZeroStack("eu", args(new RegionalTarget("eu-west-1"), "shop"));
            new CodeZeroStack("eu-2", args(new RegionalTarget("eu-west-1"), "shop"));
        });
        assertThat(problems).containsExactlyInAnyOrder(
                "cluster.name = \"shop\": names the test cluster \"shop\" in region eu-west-1, as stack 'eu' of this program does; there can be"
                        + " only one there, so the second would fail at deploy time: give the stacks different values",
                "cluster.name = \"shop\": names the VPC \"shop-vpc\" in the account, as stack 'eu' of this program does; there can be"
                        + " only one there, so the second would fail at deploy time: give the stacks different values");
    }

    @Test
    void theSameNameInAnotherScopeIsNoCollision() {
        OfflineRun run = OfflineEngine.create().run(ctx -> {
            new CodeZeroStack("a", CodeZeroStackArgs.builder().target(new RegionalTarget("eu")).cluster(ClusterSpec.builder("a").build()).build())
                    .exportTo(ctx, "a");
            new CodeZeroStack("b", CodeZeroStackArgs.builder().target(new RegionalTarget("us")).cluster(ClusterSpec.builder("b").build()).build())
                    .exportTo(ctx, "b");
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
    }

    @Test
    void eachRunOfAProgramStartsWithNoStacks() {
        for (int i = 0; i < 2; i++) {
            OfflineRun run = OfflineEngine.create().run(ctx -> new CodeZeroStack("shop", args(new RegionalTarget("eu"), "shop")).exportTo(ctx));
            assertThat(run.succeeded()).as(run.failure()).isTrue();
        }
    }

    @Test
    void twoStacksAdoptingOneExistingClusterAreAProblem() {
        assertThat(problems(ctx -> {
            new CodeZeroStack("a", args(TestTargets.local(dir), "a"));
            new CodeZeroStack("b", args(TestTargets.local(dir), "b"));
        })).containsExactly("codezero:context = \"kind-test\": names the cluster \"https://127.0.0.1:6443\" in Kubernetes API"
                + " servers, as stack 'a' of this program does; there can be only one there, so the second would fail at deploy time:"
                + " give the stacks different values");
    }
}
