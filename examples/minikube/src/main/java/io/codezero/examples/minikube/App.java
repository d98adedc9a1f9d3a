package io.codezero.examples.minikube;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.StackConfig;

/** The whole platform on a cluster that already exists; everything else comes from Pulumi.<stack>.yaml. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        var target = ExistingClusterTarget.fromConfig(config.scalars());
        new CodeZeroStack(config.cluster().name(), config.toArgs(target)).exportTo(ctx);
    }
}
