package io.codezero.aws.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The token is checked the way EKS checks it: decoded, and its SigV4 signature recomputed here
 * independently of the SDK from the documented algorithm (canonical request, string to sign,
 * derived key). Signing is local, so no network is involved.
 */
class EksTokenGeneratorTest {
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final EksTokenGenerator generator = new EksTokenGenerator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokenIsAPresignedStsGetCallerIdentityUrlForTheCluster() {
        EksToken token = generator.generate("demo", "eu-west-1", AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        assertThat(token.token()).startsWith("k8s-aws-v1.").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        URI url = URI.create(decode(token));
        Map<String, String> query = query(url);

        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
        assertThat(url.getPath()).isEqualTo("/");
        assertThat(query).containsEntry("Action", "GetCallerIdentity").containsEntry("Version", "2011-06-15")
                .containsEntry("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
                .containsEntry("X-Amz-Credential", ACCESS_KEY + "/20261125/eu-west-1/sts/aws4_request")
                .containsEntry("X-Amz-Date", "20261125T120000Z")
                .containsEntry("X-Amz-Expires", "60")
                .containsEntry("X-Amz-SignedHeaders", "host;x-k8s-aws-id");
        assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
        assertThat(token.expiration()).isEqualTo(NOW.plusSeconds(14 * 60));
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void signatureVerifiesAndCoversTheClusterName() throws Exception {
        EksToken token = generator.generate("demo", "eu-west-1", AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        URI url = URI.create(decode(token));
        String signature = query(url).get("X-Amz-Signature");
        assertThat(expectedSignature(url, "demo")).isEqualTo(signature);
        assertThat(expectedSignature(url, "other-cluster")).as("the cluster name is signed").isNotEqualTo(signature);

        EksToken other = generator.generate("other-cluster", "eu-west-1", AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        assertThat(other.token()).isNotEqualTo(token.token());
    }

    @Test
    void sessionCredentialsCarryTheirTokenAndChinaRegionsUseTheirDomain() {
        EksToken token = generator.generate("demo", "cn-north-1", AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, "session-token"));
        URI url = URI.create(decode(token));
        assertThat(url.getHost()).isEqualTo("sts.cn-north-1.amazonaws.com.cn");
        assertThat(query(url)).containsEntry("X-Amz-Security-Token", "session-token");
    }

    static String decode(EksToken token) {
        return new String(Base64.getUrlDecoder().decode(token.token().substring("k8s-aws-v1.".length())), StandardCharsets.UTF_8);
    }

    static Map<String, String> query(URI url) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** SigV4 per the AWS documentation, written independently of the SDK. */
    private static String expectedSignature(URI url, String clusterName) throws Exception {
        String canonicalQuery = java.util.Arrays.stream(url.getRawQuery().split("&"))
                .filter(p -> !p.startsWith("X-Amz-Signature="))
                .sorted().collect(Collectors.joining("&"));
        String canonicalRequest = String.join("\n",
                "GET", "/", canonicalQuery,
                "host:" + url.getHost(), "x-k8s-aws-id:" + clusterName, "",
                "host;x-k8s-aws-id",
                hex(MessageDigest.getInstance("SHA-256").digest(new byte[0])));
        String date = query(url).get("X-Amz-Date");
        String scope = date.substring(0, 8) + "/eu-west-1/sts/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", date, scope,
                hex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        key = hmac(key, "eu-west-1");
        key = hmac(key, "sts");
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
