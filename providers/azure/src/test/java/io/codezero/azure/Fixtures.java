package io.codezero.azure;

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

/** A realistic spec and a way to run the Azure target under the offline engine. */
final class Fixtures {
    static final String ALLOWED = "203.0.113.10/32";
    static final String SUBNET_ID = "/subscriptions/" + AzurePlanMocks.SUBSCRIPTION
            + "/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/shared-vnet/subnets/aks-nodes";

    static final String GROUP_ID = "/subscriptions/" + AzurePlanMocks.SUBSCRIPTION + "/resourceGroups/demo-rg";
    static final String NODE_SUBNET_ID = GROUP_ID + "/providers/Microsoft.Network/virtualNetworks/demo-vnet/subnets/nodes";

    private Fixtures() {
    }

    static ClusterSpec spec() {
        return spec("1.33", 2, 5);
    }

    static ClusterSpec spec(String version, int generalDesired, int generalMax) {
        return ClusterSpec.builder("demo")
                .kubernetesVersion(version)
                .network(NetworkSpec.builder().allowApiAccessFrom(ALLOWED).build())
                .nodePool(NodePool.builder("general").size(SizeClass.MEDIUM).scaling(2, generalDesired, generalMax).build())
                .nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(0, 0, 2).spot(true)
                        .label("codezero.io/accelerator", "nvidia")
                        .taint(Taint.of("nvidia.com/gpu", "true", TaintEffect.NoSchedule)).build())
                .tag("team", "platform")
                .build();
    }

    static AzureTargetArgs.Builder args() {
        return AzureTargetArgs.builder().location("westeurope");
    }

    static OfflineRun run(ClusterSpec spec, AzureTargetArgs args) {
        return run(spec, args, (cluster, parent) -> { });
    }

    /** Provisions under a stand-in stack component, then lets the test add workloads on the result. */
    static OfflineRun run(ClusterSpec spec, AzureTargetArgs args, BiConsumer<ProvisionedCluster, ComponentResource> workloads) {
        return run(spec, args, AzurePlanMocks.create(), new RegisteredOptions(), workloads);
    }

    /** As {@link #run(ClusterSpec, AzureTargetArgs)}, recording every resource's options into {@code options}. */
    static OfflineRun run(ClusterSpec spec, AzureTargetArgs args, RegisteredOptions options) {
        return run(spec, args, AzurePlanMocks.create(), options, (cluster, parent) -> { });
    }

    /** With the given plan mocks (e.g. another deployer identity) and an options recorder. */
    static OfflineRun run(ClusterSpec spec, AzureTargetArgs args, io.codezero.core.plan.PlanMocks mocks, RegisteredOptions options,
                          BiConsumer<ProvisionedCluster, ComponentResource> workloads) {
        return OfflineEngine.create().mocks(mocks).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder()
                    .resourceTransformations(options).build());
            ProvisionedCluster cluster = new AzureTarget(args).provision(spec, new TargetContext(spec.name(), stack));
            workloads.accept(cluster, stack);
            ctx.export("kubeconfig", cluster.kubeconfig());
        });
    }
}
