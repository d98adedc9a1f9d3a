package com.example.platform;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.local.ExistingClusterArgs;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CodeZeroStackArgs;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.StackConfig;

/**
 * Two stacks in one program: "team" from Pulumi.dev.yaml plus a layer and an app of our own, and "lab" in code on a
 * cluster another Pulumi stack made (its kubeconfig and domain come from a StackReference), whose shop calls the
 * team cluster's gateway (an Output of the team stack).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(Main::stack);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        CodeZeroStack team = new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))
                .toBuilder()
                .layer(new StatusLayer())
                .app(ShopApp.create(Output.of("https://payments.example.com")))
                .build());
        team.exportTo(ctx, "team");

        StackReference labCluster = new StackReference("example/lab-cluster/prod");
        Output<String> labKubeconfig = labCluster.requireOutput("kubeconfig").applyValue(String::valueOf);
        Output<String> labDomain = labCluster.requireOutput("domain").applyValue(String::valueOf);
        new CodeZeroStack("lab", CodeZeroStackArgs.builder()
                .target(new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfig(labKubeconfig).context("lab").build()))
                .cluster(ClusterSpec.builder("lab").build())
                .settings(PlatformSettings.builder().domain(labDomain).build())
                .layer(IstioLayer.builder().build())
                .layer(new StatusLayer())
                .app(new PostgreSql("db", "1Gi"))
                .app(ShopApp.create(team.gatewayAddress().applyValue(address -> "https://" + address)))
                .build())
                .exportTo(ctx, "lab");
    }
}
