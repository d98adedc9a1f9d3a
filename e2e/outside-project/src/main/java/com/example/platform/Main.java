package com.example.platform;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.StackConfig;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(Main::stack);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))).exportTo(ctx);
    }
}
