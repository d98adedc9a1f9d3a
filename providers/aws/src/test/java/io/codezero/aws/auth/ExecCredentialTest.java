package io.codezero.aws.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.core.auth.ExecCredential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCredentialTest {

    @Test
    void answersInTheApiVersionTheClientAskedFor() {
        EksToken token = new EksToken("k8s-aws-v1.abc", Instant.parse("2026-11-25T12:14:00Z"));
        JsonObject v1 = JsonParser.parseString(ExecCredential.json(token.token(), token.expiration(),
                "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":false}}")).getAsJsonObject();
        assertThat(v1.get("apiVersion").getAsString()).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(v1.get("kind").getAsString()).isEqualTo("ExecCredential");
        assertThat(v1.getAsJsonObject("status").get("token").getAsString()).isEqualTo("k8s-aws-v1.abc");
        assertThat(v1.getAsJsonObject("status").get("expirationTimestamp").getAsString()).isEqualTo("2026-11-25T12:14:00Z");

        JsonObject fallback = JsonParser.parseString(ExecCredential.json(token.token(), token.expiration(), null)).getAsJsonObject();
        assertThat(fallback.get("apiVersion").getAsString()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(ExecCredential.requestedApiVersion("not json")).isEqualTo("client.authentication.k8s.io/v1beta1");
    }

    @Test
    void commandPrintsACredentialSignedWithTheDefaultChain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        try {
            int code = EksTokenCommand.run(new String[] {"--cluster-name", "demo", "--region", "eu-west-1"}, print(out), print(err));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        JsonObject credential = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        String token = credential.getAsJsonObject("status").get("token").getAsString();
        String url = EksTokenGeneratorTest.decode(new EksToken(token, Instant.now()));
        assertThat(url).startsWith("https://sts.eu-west-1.amazonaws.com/?").contains("X-Amz-Credential=AKIDEXAMPLE");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        assertThat(EksTokenCommand.run(new String[] {"--region", "eu-west-1"}, print(new ByteArrayOutputStream()), print(usage))).isEqualTo(2);
        assertThat(usage.toString(StandardCharsets.UTF_8)).contains("--cluster-name NAME");
    }

    @Test
    void aCredentialThatCannotBeResolvedExitsNonZeroWithAdviceAndNeverPrintsTheSecret(@TempDir Path home) throws Exception {
        // a profile with a secret key but no access key id: the chain reads the secret, then fails
        String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYBROKENKEY";
        Path credentials = Files.writeString(home.resolve("credentials"), "[broken]\naws_secret_access_key = " + secret + "\n");
        Path config = Files.writeString(home.resolve("config"), "[profile broken]\nregion = eu-west-1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
        // the chain must not ask an instance metadata service: no address but loopback is ours to call
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            int code = EksTokenCommand.run(new String[] {"--cluster-name", "demo", "--region", "eu-west-1", "--profile", "broken"},
                    print(out), print(err));
            assertThat(code).isEqualTo(1);
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.disableEc2Metadata");
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no credential is printed on failure").isEmpty();
        assertThat(stderr).contains("could not get AWS credentials to sign an EKS token for cluster demo in eu-west-1")
                .contains("set AWS_PROFILE")
                .doesNotContain(secret)
                .doesNotContain("BROKENKEY");
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
