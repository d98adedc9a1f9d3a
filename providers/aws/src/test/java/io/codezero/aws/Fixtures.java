package io.codezero.aws;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import io.codezero.core.spec.TaintEffect;
import io.codezero.core.target.ProvisionedCluster;
import java.util.function.BiConsumer;

/** A realistic spec and a way to run the AWS target under the offline engine. */
final class Fixtures {
    static final String ALLOWED = "203.0.113.10/32";

    private Fixtures() {
    }

    static ClusterSpec spec() {
        return spec("1.33", 2, 5);
    }

    static ClusterSpec spec(String version, int systemDesired, int systemMax) {
        return ClusterSpec.builder("demo")
                .kubernetesVersion(version)
                .network(NetworkSpec.builder().allowApiAccessFrom(ALLOWED).build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, systemDesired, systemMax).build())
                .nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(0, 0, 2).spot(true)
                        .label("codezero.io/accelerator", "nvidia")
                        .taint(Taint.of("nvidia.com/gpu", "true", TaintEffect.NoSchedule)).build())
                .tag("team", "platform")
                .build();
    }

    static AwsTargetArgs.Builder args() {
        return AwsTargetArgs.builder().region("eu-west-1");
    }

    static OfflineRun run(ClusterSpec spec, AwsTargetArgs args) {
        return run(spec, args, (cluster, parent) -> { });
    }

    /** Provisions under a stand-in stack component, then lets the test add workloads on the result. */
    static OfflineRun run(ClusterSpec spec, AwsTargetArgs args, BiConsumer<ProvisionedCluster, ComponentResource> workloads) {
        return run(spec, args, AwsPlanMocks.create(), workloads);
    }

    /** With the given mocks, e.g. AWS answering for another caller identity. */
    static OfflineRun run(ClusterSpec spec, AwsTargetArgs args, io.codezero.core.plan.PlanMocks mocks,
                          BiConsumer<ProvisionedCluster, ComponentResource> workloads) {
        return OfflineEngine.create().mocks(mocks).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            ProvisionedCluster cluster = new AwsTarget(args).provision(spec, new io.codezero.core.target.TargetContext(spec.name(), stack));
            workloads.accept(cluster, stack);
            ctx.export("kubeconfig", cluster.kubeconfig());
        });
    }
}
