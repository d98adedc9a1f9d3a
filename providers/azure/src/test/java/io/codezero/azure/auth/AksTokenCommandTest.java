package io.codezero.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.codezero.azure.AksNames;
import io.codezero.azure.testing.ReplayServer;
import io.codezero.core.auth.ExecCredential;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The token helper as kubectl runs it: a separate process with DefaultAzureCredential, whose managed
 * identity step asks the instance metadata service; AZURE_POD_IDENTITY_AUTHORITY_HOST (honoured by
 * MSAL's IMDS source) sends that request to a loopback server replaying the published IMDS example.
 * The process gets a clean environment (no Azure variables, HOME in a temporary directory, so no
 * Azure CLI login), so the only way to a token is that server.
 */
class AksTokenCommandTest {

    @Test
    void printsAnExecCredentialWithTheTokenFromTheCredentialChain() throws Exception {
        // replays specification/imds/data-plane/InstanceMetadataService/stable/2023-07-01/examples/GetIdentityToken.json
        try (ReplayServer imds = ReplayServer.start()
                .example("GET", "/+metadata/identity/oauth2/token", "imds-2023-07-01-GetIdentityToken.json", 200)) {
            Result result = runHelper(imds.uri().toString().replaceAll("/$", ""), "--tenant-id", "31c75423-32d6-4322-88b7-c478bdde4858");
            assertThat(result.exit).as(result.stderr).isZero();
            Map<String, Object> credential = new Gson().fromJson(result.stdout, Map.class);
            assertThat(credential.get("kind")).isEqualTo("ExecCredential");
            assertThat(credential.get("apiVersion")).isEqualTo("client.authentication.k8s.io/v1");
            Map<String, Object> status = (Map<String, Object>) credential.get("status");
            assertThat(status.get("token")).isEqualTo("dummytoken");
            // the example's expires_on, 1541705014 seconds after the epoch: kubectl asks again once it has passed
            assertThat(Instant.parse((String) status.get("expirationTimestamp"))).isEqualTo(Instant.ofEpochSecond(1541705014L));
            // the token was asked for the AKS server application, the way IMDS wants it
            ReplayServer.Request asked = imds.requests().stream().filter(r -> r.path().endsWith("/metadata/identity/oauth2/token")
                    && r.headers().containsKey("metadata")).findFirst().orElseThrow();
            assertThat(asked.query()).contains("resource=" + AksNames.AKS_AAD_SERVER_APP_ID);
            assertThat(asked.headers().get("metadata")).containsExactly("true");
            assertThat(result.stderr).isEmpty();
        }
    }

    @Test
    void armUseMsiWithArmClientIdAsksForThatUserAssignedIdentityAsPulumiDoes() throws Exception {
        // pulumi-azure-native configured with ARM_USE_MSI and ARM_CLIENT_ID deploys as that user-assigned identity;
        // the SDK's default chain ignores ARM_* and would ask for the VM's default identity instead
        String clientId = "77777777-8888-4999-aaaa-bbbbbbbbbbbb";
        try (ReplayServer imds = ReplayServer.start()
                .example("GET", "/+metadata/identity/oauth2/token", "imds-2023-07-01-GetIdentityToken.json", 200)) {
            Result result = runHelper(imds.uri().toString().replaceAll("/$", ""), Map.of("ARM_USE_MSI", "true", "ARM_CLIENT_ID", clientId));
            assertThat(result.exit).as(result.stderr).isZero();
            ReplayServer.Request asked = imds.requests().stream().filter(r -> r.path().endsWith("/metadata/identity/oauth2/token")
                    && r.headers().containsKey("metadata")).findFirst().orElseThrow();
            assertThat(asked.query()).contains("client_id=" + clientId).contains("resource=" + AksNames.AKS_AAD_SERVER_APP_ID);
        }
    }

    @Test
    void theArmVariablesPickTheCredentialPulumiDeploysWith() {
        assertThat(ArmCredential.kind(Map.of())).isEqualTo(ArmCredential.Kind.DEFAULT_CHAIN);
        assertThat(ArmCredential.kind(Map.of("ARM_CLIENT_ID", "c", "ARM_CLIENT_SECRET", "s"))).isEqualTo(ArmCredential.Kind.CLIENT_SECRET);
        assertThat(ArmCredential.kind(Map.of("ARM_CLIENT_ID", "c", "ARM_USE_OIDC", "true", "ARM_OIDC_TOKEN", "t"))).isEqualTo(ArmCredential.Kind.OIDC);
        assertThat(ArmCredential.kind(Map.of("ARM_CLIENT_ID", "c", "ARM_CLIENT_CERTIFICATE_PATH", "/x.pfx"))).isEqualTo(ArmCredential.Kind.CLIENT_CERTIFICATE);
        assertThat(ArmCredential.kind(Map.of("ARM_USE_MSI", "true"))).isEqualTo(ArmCredential.Kind.MANAGED_IDENTITY);
        // the OIDC assertion comes from the token, or from the (rotated) token file on every use
        assertThat(ArmCredential.oidcAssertion(Map.of("ARM_OIDC_TOKEN", "jwt")).get()).isEqualTo("jwt");
    }

    @Test
    void withoutAnyCredentialItSaysWhatToDoAndPrintsNoToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = runHelper("http://127.0.0.1:" + closedPort, "--server-id", AksNames.AKS_AAD_SERVER_APP_ID);
        assertThat(result.exit).isEqualTo(1);
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr.strip()).startsWith("codezero-aks-token: no Azure credential could get a token")
                .contains("az login").contains("AZURE_CLIENT_ID").contains("ARM_CLIENT_ID").doesNotContain("\n");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AksTokenCommand.run(new String[] {"--cluster", "x"}, new PrintStream(out), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown arguments [--cluster, x]").contains("usage:");
        assertThat(out.size()).isZero();
    }

    @Test
    void answersInTheApiVersionTheClientAsksFor() {
        assertThat(ExecCredential.requestedApiVersion(null)).isEqualTo(ExecCredential.DEFAULT_API_VERSION);
        assertThat(ExecCredential.requestedApiVersion("{\"apiVersion\":\"client.authentication.k8s.io/v1\"}")).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(ExecCredential.requestedApiVersion("not json")).isEqualTo(ExecCredential.DEFAULT_API_VERSION);
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result runHelper(String imdsHost, String... args) throws IOException, InterruptedException {
        return runHelper(imdsHost, Map.of(), args);
    }

    private static Result runHelper(String imdsHost, Map<String, String> env, String... args) throws IOException, InterruptedException {
        File home = java.nio.file.Files.createTempDirectory("aks-token-home").toFile();
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
                AksTokenCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("HOME", home.getAbsolutePath());
        builder.environment().put("AZURE_POD_IDENTITY_AUTHORITY_HOST", imdsHost);
        builder.environment().putAll(env);
        builder.environment().put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\"}");
        Process process = builder.start();
        boolean done = process.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
            throw new AssertionError("codezero-aks-token did not finish in 90 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
