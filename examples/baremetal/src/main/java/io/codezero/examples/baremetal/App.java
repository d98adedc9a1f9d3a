package io.codezero.examples.baremetal;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.codezero.baremetal.BareMetalTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.StackConfig;

/**
 * The whole platform on machines you own: hosts from {@code codezero:baremetal}, credentials from
 * secret config keys the hosts name, everything else from Pulumi.&lt;stack&gt;.yaml.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(App::stack);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfig.from(ctx);
        var target = BareMetalTarget.fromConfig(config.section("baremetal"), config::secret);
        new CodeZeroStack(config.cluster().name(), config.toArgs(target)).exportTo(ctx);
    }
}
