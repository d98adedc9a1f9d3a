package io.codezero.examples.azure;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.codezero.azure.AzureTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.StackConfig;
import io.codezero.stacks.CommonPoolParallelism;

/** The whole platform on a new AKS cluster; everything else comes from Pulumi.<stack>.yaml (see docs/azure.md). */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        // problems in codezero:azure are collected by the config and reported with all others
        var target = AzureTarget.fromConfig(config.section("azure"));
        new CodeZeroStack(config.cluster().name(), config.toArgs(target)).exportTo(ctx);
    }
}
