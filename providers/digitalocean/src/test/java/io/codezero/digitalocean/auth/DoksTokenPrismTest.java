package io.codezero.digitalocean.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import io.codezero.digitalocean.prism.PrismServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codezero-doks-token} against DigitalOcean's specification served by Prism. The
 * specification's credentials example expires at 2019-11-09T11:50:28.889080521Z, so the tests'
 * clock starts before that and is moved past the renewal point (five minutes earlier).
 */
class DoksTokenPrismTest {
    static final String CLUSTER = "bd5f5959-5e1e-4205-a714-a914373942af";
    static final Instant EXPIRES = Instant.parse("2019-11-09T11:50:28.889080521Z");
    private static final ApiToken TOKEN = ApiToken.of("dop_v1_test", "test");
    private PrismServer prism;

    @BeforeEach
    void prism() {
        prism = PrismServer.require();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void credentialsAreCachedUntilShortlyBeforeTheyExpire(@TempDir Path cache) throws Exception {
        DoApi api = new DoApi(prism.base(), TOKEN, Map.of());
        MovableClock clock = new MovableClock(Instant.parse("2019-11-09T10:00:00Z"));
        CredentialCache credentials = new CredentialCache(api, cache, clock);

        ClusterCredentials first = credentials.get(CLUSTER, 3600);
        assertThat(first.token()).isEqualTo("$DIGITALOCEAN_TOKEN");
        assertThat(first.expiresAt()).isEqualTo(EXPIRES);
        assertThat(api.requestCount()).isEqualTo(1);

        clock.now.set(Instant.parse("2019-11-09T11:45:00Z"));
        assertThat(credentials.get(CLUSTER, 3600)).isEqualTo(first);
        assertThat(api.requestCount()).as("no second API call before the renewal point").isEqualTo(1);

        // a new process (kubectl runs the helper each time) finds the same file
        assertThat(new CredentialCache(api, cache, clock).get(CLUSTER, 3600)).isEqualTo(first);
        assertThat(api.requestCount()).isEqualTo(1);

        clock.now.set(Instant.parse("2019-11-09T11:46:00Z"));
        credentials.get(CLUSTER, 3600);
        assertThat(api.requestCount()).as("a new call within five minutes of expiry").isEqualTo(2);

        try (var files = Files.list(cache)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(CLUSTER)).findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).doesNotContain("dop_v1_test");
        }
    }

    @Test
    void theHelperPrintsAnExecCredentialThatExpiresBeforeTheToken(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "dop_v1_test\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DoksTokenCommand.run(new String[] {"--cluster-id", CLUSTER, "--expiry-seconds", "900", "--token-file", tokenFile.toString(),
                        "--api-url", prism.base().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
                dir.resolve("cache"), new MovableClock(Instant.parse("2019-11-09T10:00:00Z")));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonObject credential = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(credential.get("kind").getAsString()).isEqualTo("ExecCredential");
        assertThat(credential.get("apiVersion").getAsString()).isEqualTo("client.authentication.k8s.io/v1beta1");
        JsonObject status = credential.getAsJsonObject("status");
        assertThat(status.get("token").getAsString()).isEqualTo("$DIGITALOCEAN_TOKEN");
        assertThat(Instant.parse(status.get("expirationTimestamp").getAsString())).isEqualTo(EXPIRES.minus(CredentialCache.RENEW_BEFORE));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("dop_v1_test");
    }

    @Test
    void aClusterIdThatIsNotAUuidIsRejectedByTheApisRequestValidation(@TempDir Path cache) {
        DoApi api = new DoApi(prism.base(), TOKEN, Map.of());
        // hexadecimal, so it passes our own check; Prism validates the path parameter's uuid format
        assertThatThrownBy(() -> new CredentialCache(api, cache, Clock.systemUTC()).get("1234", 3600))
                .isInstanceOf(DoApiException.class)
                .satisfies(e -> assertThat(((DoApiException) e).status()).isEqualTo(422));
        assertThatThrownBy(() -> new CredentialCache(api, cache, Clock.systemUTC()).get("../../etc/passwd", 3600))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsOneClearSentenceWithoutTheToken(@TempDir Path dir) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "dop_v1_secret_value");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Prism answers the specification's 401 example (Prefer: code=401)
        int exit = DoksTokenCommand.run(new String[] {"--cluster-id", CLUSTER, "--token-file", tokenFile.toString(), "--api-url", prism.base().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("Prefer", "code=401"),
                dir.resolve("cache"), Clock.systemUTC());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("answered 401 unauthorized", "check DIGITALOCEAN_TOKEN or the token file").doesNotContain("dop_v1_secret_value");
        assertThat(message.lines().toList()).hasSize(1);
    }

    @Test
    void badArgumentsAreUsageErrorsThatPrintNoCredentialAndCacheNothing(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path cache = dir.resolve("cache");
        int exit = DoksTokenCommand.run(new String[] {"--cluster", CLUSTER}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), cache, Clock.systemUTC());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: codezero-doks-token --cluster-id ID");
        // kubectl reads stdout as the ExecCredential: nothing may be printed there on a usage error, and nothing is cached
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.exists(cache) ? Files.list(cache).toList() : List.<Path>of()).isEmpty();
    }
}
