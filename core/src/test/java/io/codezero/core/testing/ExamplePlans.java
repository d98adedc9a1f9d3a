package io.codezero.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.Context;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** An example's {@code dev} stack planned offline as its README says, and the resources tests most often look up in it. */
public final class ExamplePlans {
    private ExamplePlans() {
    }

    /**
     * Plans the example in the working directory with its own {@code Pulumi.dev.yaml} and the mocks its classpath contributes.
     *
     * @param project the example's Pulumi project name
     * @param program the example's program
     * @return the run (its failure, if any, is kept on it)
     * @throws IOException when Pulumi.dev.yaml cannot be read
     */
    public static OfflineRun planDevStack(String project, Consumer<Context> program) throws IOException {
        return OfflineEngine.create().project(project).stack("dev")
                .config(StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml")))
                .mocks(PlanMocksContributor.discover())
                .run(program);
    }

    /**
     * The Istio ingress gateway's Service, asserting the run succeeded first.
     *
     * @param run a planned example
     * @return the {@code istio-ingressgateway} Service
     */
    public static PlannedResource gatewayService(OfflineRun run) {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run.where(r -> r.type().equals("kubernetes:core/v1:Service") && "istio-ingressgateway".equals(r.input("metadata.name")))
                .stream().findFirst().orElseThrow();
    }
}
