package io.codezero.gcp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.core.auth.ExecCredential;
import io.codezero.gcp.testing.FakeGoogle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codezero-gke-token} run as kubectl runs it: a separate process whose only configuration is
 * the environment. Application Default Credentials find a service-account key through
 * GOOGLE_APPLICATION_CREDENTIALS (its private key a throwaway RSA key; its token_uri the loopback
 * {@link FakeGoogle}, which verifies the signed JWT and answers like Google's OAuth 2.0 token
 * endpoint), and the process prints an ExecCredential.
 */
class GkeTokenCommandTest {
    @TempDir
    Path dir;
    private FakeGoogle google;

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private record Result(int exit, String out, String err) {
    }

    private Result runProcess(String credentialsFile, String execInfo) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), GkeTokenCommand.class.getName());
        builder.environment().put("GOOGLE_APPLICATION_CREDENTIALS", credentialsFile);
        // no gcloud config and no metadata server may be consulted: ADC must stop at the variable
        builder.environment().put("CLOUDSDK_CONFIG", dir.resolve("no-gcloud").toString());
        builder.environment().put("NO_GCE_CHECK", "true");
        if (execInfo != null) {
            builder.environment().put("KUBERNETES_EXEC_INFO", execInfo);
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("codezero-gke-token finished").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void printsAnExecCredentialWithAnAccessTokenFromApplicationDefaultCredentials() throws Exception {
        Path key = google.writeServiceAccountKey(dir);
        Result result = runProcess(key.toString(), "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonObject credential = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(credential.get("kind").getAsString()).isEqualTo("ExecCredential");
        assertThat(credential.get("apiVersion").getAsString()).isEqualTo("client.authentication.k8s.io/v1");
        JsonObject status = credential.getAsJsonObject("status");
        assertThat(status.get("token").getAsString()).isEqualTo(FakeGoogle.TOKEN);
        Instant expiry = Instant.parse(status.get("expirationTimestamp").getAsString());
        assertThat(expiry).isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
        // the token came from the JWT-bearer grant, signed with the key, asking for GKE's scopes
        assertThat(google.tokenRequests()).isEqualTo(1);
        assertThat(google.assertions.get(0).get("scope").getAsString().split(" "))
                .containsExactlyInAnyOrderElementsOf(GoogleAccessTokens.SCOPES);
        assertThat(result.err()).doesNotContain(FakeGoogle.TOKEN);
    }

    @Test
    void aRejectedGrantIsOneSentenceOnStderrAndNoToken() throws Exception {
        google.rejectGrant = true;
        Result result = runProcess(google.writeServiceAccountKey(dir).toString(), null);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).startsWith("codezero-gke-token: could not get a Google access token from Application Default Credentials")
                .contains("invalid_grant").doesNotContain("\n");
    }

    @Test
    void missingCredentialsSayWhatToDo() throws Exception {
        Result result = runProcess(dir.resolve("absent.json").toString(), null);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("set GOOGLE_APPLICATION_CREDENTIALS").contains("gcloud auth application-default login");
        assertThat(google.tokenRequests()).isZero();
    }

    @Test
    void unknownArgumentsAreRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GkeTokenCommand.run(new String[] {"--cluster", "x"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --cluster");
    }

    @Test
    void theCredentialIsAnsweredInTheApiVersionTheClientAskedFor() {
        Instant expiry = Instant.parse("2026-01-01T00:00:00.123Z");
        JsonObject v1beta1 = JsonParser.parseString(ExecCredential.json("t", expiry, null)).getAsJsonObject();
        assertThat(v1beta1.get("apiVersion").getAsString()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(v1beta1.getAsJsonObject("status").get("expirationTimestamp").getAsString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(ExecCredential.requestedApiVersion("not json")).isEqualTo(ExecCredential.DEFAULT_API_VERSION);
        assertThat(List.of(GoogleAccessTokens.SCOPES.get(0))).containsExactly("https://www.googleapis.com/auth/cloud-platform");
    }
}
