package io.codezero.azure.preflight;

import io.codezero.core.preflight.PreflightCommand;
import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.azure.testing.ReplayServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line preflight, end to end: a separate process reads a stack file, gets its token
 * from the default credential chain (managed identity, pointed by AZURE_POD_IDENTITY_AUTHORITY_HOST
 * at the loopback server replaying the published IMDS example) and makes every Resource Manager call
 * to the same server, which replays the published examples named in AzurePreflightTest.
 */
class PreflightCommandTest {

    private static final String STACK = """
            config:
              codezero:cluster:
                name: demo
                kubernetesVersion: "%s"
                network:
                  apiAccessAllowlist: [203.0.113.0/24]
                nodePools:
                  - name: general
                    machineType: Standard_D4s_v5
                    minNodes: 0
                    desiredNodes: 0
                    maxNodes: 1
              codezero:azure:
                location: eastus
                subscriptionId: 291bba3f-e0a5-47bc-a099-3bdcb2a50a05
                systemPool: {vmSize: Standard_D4s_v5, count: 1}
            """;

    @Test
    void aPassingRunExitsZeroAndAFailingCheckExitsOne(@TempDir Path dir) throws Exception {
        try (ReplayServer server = ReplayServer.start()
                .example("GET", "/+metadata/identity/oauth2/token", "imds-2023-07-01-GetIdentityToken.json", 200)
                .example("GET", "/subscriptions", "resources-2022-12-01-GetSubscriptions.json", 200)
                .example("GET", AzurePreflightTest.SUBS + "/locations", "resources-2022-12-01-GetLocations.json", 200)
                .example("GET", AzurePreflightTest.SUBS + "/providers/Microsoft.ContainerService/locations/[^/]+/kubernetesVersions",
                        // the example's newest minor, 1.26, read as 1.34: the command first checks the version is one CodeZero supports
                        "containerservice-2023-04-01-KubernetesVersions_List.json", 200, body -> body.replace("\"version\":\"1.26\"", "\"version\":\"1.34\""))
                .example("GET", AzurePreflightTest.SUBS + "/providers/Microsoft.Compute/skus",
                        // the example's Standard_A1 read as Standard_D4s_v5: the stack file is validated first, and a
                        // system pool needs a size of at least 4 vCPUs by name (the replayed SKU still says 1 vCPU)
                        "compute-skus-2021-07-01-ListAvailableResourceSkusForARegion.json", 200,
                        AzurePreflightTest.SKUS_IN_EASTUS.andThen(body -> body.replace("\"Standard_A1\"", "\"Standard_D4s_v5\""))::apply)
                .example("GET", AzurePreflightTest.SUBS + "/providers/Microsoft.Compute/locations/[^/]+/usages",
                        "compute-2023-07-01-Usage_List_MaximumSet_Gen.json", 200, AzurePreflightTest.USAGE_OF_A_FAMILY)) {
            Path passing = dir.resolve("Pulumi.pass.yaml");
            Files.writeString(passing, STACK.formatted("1.34"));
            Result ok = run(server, passing);
            assertThat(ok.exit).as(ok.stdout + ok.stderr).isZero();
            assertThat(ok.stdout).contains("PASS    credentials").contains("PASS    kubernetes-version").contains("AKS offers Kubernetes 1.34 in eastus");

            Path failing = dir.resolve("Pulumi.fail.yaml");
            // 1.33 is a version CodeZero supports, but the replayed AKS offers only 1.23 to 1.25 and 1.34
            Files.writeString(failing, STACK.formatted("1.33"));
            Result failed = run(server, failing);
            assertThat(failed.exit).isEqualTo(1);
            assertThat(failed.stdout).contains("FAIL    kubernetes-version AKS does not offer Kubernetes 1.33 in eastus");
            assertThat(failed.stderr).contains("Azure preflight failed: 1 check(s) failed");
            // the token came from the replayed IMDS, asked for Resource Manager
            assertThat(server.requests()).anySatisfy(r -> assertThat(r.query()).contains("resource=https%3A%2F%2Fmanagement.azure.com"));
        }
    }

    @Test
    void badInputExitsTwoWithEveryProblem(@TempDir Path dir) throws IOException {
        Path stack = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(stack, STACK.formatted("1.34").replace("location: eastus", "location: East US").replace("name: general", "name: General_Pool"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(new AzurePreflightTarget(), new String[] {"--config", stack.toString()}, new PrintStream(out), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("azure.location").contains("nodePools[0].name");
        assertThat(PreflightCommand.run(new AzurePreflightTarget(), new String[] {"--region", "x"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(PreflightCommand.run(new AzurePreflightTarget(), new String[] {}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(ReplayServer server, Path stack) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
                AzurePreflightTarget.class.getName(), "--config", stack.toString(), "--endpoint-url", server.uri().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", Files.createTempDirectory("preflight-home").toString());
        builder.environment().put("AZURE_POD_IDENTITY_AUTHORITY_HOST", server.uri().toString().replaceAll("/$", ""));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("codezero-azure-preflight did not finish in 120 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
