package io.codezero.gcp;

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
import io.codezero.core.target.TargetContext;
import java.util.function.BiConsumer;

/** A realistic spec and a way to run the GCP target under the offline engine. */
final class Fixtures {
    static final String ALLOWED = "203.0.113.10/32";

    private Fixtures() {
    }

    static ClusterSpec spec() {
        return spec("1.34", 2, 5);
    }

    static ClusterSpec spec(String version, int systemDesired, int systemMax) {
        return ClusterSpec.builder("demo")
                .kubernetesVersion(version)
                .network(NetworkSpec.builder().allowApiAccessFrom(ALLOWED).build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, systemDesired, systemMax).build())
                .nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(0, 0, 2).spot(true)
                        .label("codezero.io/accelerator", "nvidia")
                        .taint(Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule)).build())
                .tag("team", "platform")
                .build();
    }

    static GcpTargetArgs.Builder args() {
        return GcpTargetArgs.builder().project("acme-platform-dev").region("europe-west1");
    }

    static OfflineRun run(ClusterSpec spec, GcpTargetArgs args) {
        return run(spec, args, (cluster, parent) -> { });
    }

    /** Provisions under a stand-in stack component, then lets the test add workloads on the result. */
    static OfflineRun run(ClusterSpec spec, GcpTargetArgs args, BiConsumer<ProvisionedCluster, ComponentResource> workloads) {
        return OfflineEngine.create().mocks(GcpPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            ProvisionedCluster cluster = new GcpTarget(args).provision(spec, new TargetContext(spec.name(), stack));
            workloads.accept(cluster, stack);
            ctx.export("kubeconfig", cluster.kubeconfig());
        });
    }
}
