package io.codezero.examples.digitalocean;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.codezero.digitalocean.DigitalOceanTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.StackConfig;
import io.codezero.stacks.CommonPoolParallelism;

/** The whole platform on a new DOKS cluster; everything else comes from Pulumi.<stack>.yaml (see docs/digitalocean.md). */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        // problems in codezero:digitalocean are collected by the config and reported with all others
        var target = DigitalOceanTarget.fromConfig(config.section("digitalocean"));
        new CodeZeroStack(config.cluster().name(), config.toArgs(target)).exportTo(ctx);
    }
}
