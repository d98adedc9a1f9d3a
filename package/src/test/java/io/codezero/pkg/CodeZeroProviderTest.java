package io.codezero.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.pulumi.exceptions.RunException;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The provider the engine talks to: its schema, and a bad input reported as CodeZero's problems without a stack trace. */
class CodeZeroProviderTest {
    @Test
    void aBadInputIsARunExceptionWithTheProblemListSoTheSdkPrintsNoStackTrace() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().run(ctx -> thrown.set(catchThrowable(() -> new CodeZeroProvider("0.1.0").construct(
                new ConstructRequest(PackageSchema.STACK, "platform",
                        Inputs.json("{\"cluster\": {\"kubernetesVersion\": \"1.29\"}, \"platform\": {\"istio\": {\"mode\": \"bogus\"}}}"),
                        ComponentResourceOptions.builder().build())))));

        assertThat(thrown.get()).isExactlyInstanceOf(RunException.class)
                .hasMessageContaining("platform.istio.mode = \"bogus\": must be sidecar or ambient")
                .hasMessageContaining("cluster.kubernetesVersion = \"1.29\"");
        assertThat(run.resources()).noneMatch(r -> r.type().startsWith("codezero:") || r.type().startsWith("kubernetes:"));
    }

    @Test
    void anUnknownComponentTypeIsRefusedByName() {
        Throwable thrown = catchThrowable(() -> new CodeZeroProvider("0.1.0").construct(
                new ConstructRequest("codezero:index:Cluster", "c", java.util.Map.of(), ComponentResourceOptions.builder().build())));
        assertThat(thrown).hasMessageContaining("codezero:index:Cluster").hasMessageContaining(PackageSchema.STACK);
    }

    @Test
    void theSchemaStatesThePluginVersion() throws Exception {
        String schema = new CodeZeroProvider("0.1.0").getSchema(new GetSchemaRequest(0, null, null)).get().getSchema();
        assertThat(schema).contains("\"name\": \"codezero\"", "\"version\": \"0.1.0\"", "\"codezero:index:Stack\"");
    }
}
