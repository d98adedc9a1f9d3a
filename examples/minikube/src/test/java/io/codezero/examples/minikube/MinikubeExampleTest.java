package io.codezero.examples.minikube;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.testing.DocClaims;
import io.codezero.core.testing.StackConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example as shipped (Pulumi.dev.yaml), planned offline against a kubeconfig of its own, whatever this machine has. */
class MinikubeExampleTest {
    @TempDir
    static Path dir;
    private static OfflineRun run;

    @BeforeAll
    static void planTheExample() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: minikube, cluster: {server: "https://192.168.49.2:8443", insecure-skip-tls-verify: true}}]
                users: [{name: minikube, user: {token: sample}}]
                contexts: [{name: minikube, context: {cluster: minikube, user: minikube}}]
                current-context: minikube
                """);
        Map<String, String> config = StackConfigs.engineConfig(Path.of("Pulumi.dev.yaml"));
        config.put("codezero:kubeconfig", kubeconfig.toString());
        run = OfflineEngine.create().project("codezero-minikube").stack("dev").config(config)
                .mocks(PlanMocksContributor.discover()).run(App::stack);
    }

    @Test
    void theResourceCountInTheDocsIsThePlans() {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(DocClaims.plannedResources(run)).isEqualTo(DocClaims.claimedResources("docs/platform.md", "examples/minikube"));
    }
}
