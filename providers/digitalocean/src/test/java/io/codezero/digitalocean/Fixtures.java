package io.codezero.digitalocean;

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

/** A realistic spec and a way to run the DigitalOcean target under the offline engine. */
final class Fixtures {
    static final String ALLOWED = "203.0.113.10/32";

    private Fixtures() {
    }

    static NetworkSpec.Builder network() {
        return NetworkSpec.builder().vpcCidr("10.20.0.0/16").podCidr("10.244.0.0/16").serviceCidr("10.245.0.0/16")
                .privateNodes(false).allowApiAccessFrom(ALLOWED);
    }

    static ClusterSpec spec() {
        return spec("1.33", 2, 5);
    }

    static ClusterSpec spec(String version, int systemDesired, int systemMax) {
        return ClusterSpec.builder("demo")
                .kubernetesVersion(version)
                .network(network().build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, systemDesired, systemMax).build())
                .nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(1, 1, 2)
                        .label("codezero.io/accelerator", "nvidia")
                        .taint(Taint.of("nvidia.com/gpu", "true", TaintEffect.NoSchedule)).build())
                .tag("team", "platform")
                .build();
    }

    /** fra1, with the control-plane firewall the spec's allowlist needs. */
    static DigitalOceanTargetArgs.Builder args() {
        return DigitalOceanTargetArgs.builder().region("fra1").controlPlaneFirewall(true);
    }

    static OfflineRun run(ClusterSpec spec, DigitalOceanTargetArgs args) {
        return run(spec, args, (cluster, parent) -> { });
    }

    /** Provisions under a stand-in stack component, then lets the test add workloads on the result. */
    static OfflineRun run(ClusterSpec spec, DigitalOceanTargetArgs args, BiConsumer<ProvisionedCluster, ComponentResource> workloads) {
        return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            ProvisionedCluster cluster = new DigitalOceanTarget(args).provision(spec, new TargetContext(spec.name(), stack));
            workloads.accept(cluster, stack);
            ctx.export("kubeconfig", cluster.kubeconfig());
        });
    }
}
