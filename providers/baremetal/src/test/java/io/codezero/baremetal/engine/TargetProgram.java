package io.codezero.baremetal.engine;

import com.pulumi.Pulumi;
import io.codezero.baremetal.BareMetalTarget;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Pulumi program that declares its machines the way users do, with {@code codezero:baremetal}
 * read by {@link BareMetalTarget} (validated, then provisioned), run by {@link TargetEngineHarnessTest}
 * through the real Pulumi CLI, language host and provider plugin.
 */
public final class TargetProgram {
    private TargetProgram() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var config = ctx.config("codezero");
            Map<String, Object> section = config.getObject("baremetal", Map.class).orElseThrow();
            ConfigObject baremetal = ConfigObject.root(BareMetalTarget.SECTION, section);
            BareMetalTarget target = BareMetalTarget.fromConfig(baremetal, config::get);
            ClusterSpec spec = ClusterSpec.builder("roll").kubernetesVersion("1.34").build();
            List<Problem> problems = new ArrayList<>(baremetal.problems());
            problems.addAll(target.validate(spec));
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid codezero:baremetal: " + problems);
            }
            ProvisionedCluster cluster = target.provision(spec, TargetContext.standalone(ctx.stackName()));
            ctx.export("kubeconfig", cluster.kubeconfig());
        });
    }
}
