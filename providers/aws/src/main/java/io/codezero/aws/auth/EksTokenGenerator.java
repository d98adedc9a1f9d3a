package io.codezero.aws.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Makes the token EKS accepts from IAM identities, exactly as aws-iam-authenticator and
 * {@code aws eks get-token} do: a presigned STS GetCallerIdentity URL whose signature covers the
 * {@code x-k8s-aws-id} header naming the cluster, base64url-encoded without padding and prefixed
 * with {@code k8s-aws-v1.}. EKS replays the URL against STS to learn who is calling. Signing is
 * local: no network call is made here.
 */
public final class EksTokenGenerator {
    public static final String TOKEN_PREFIX = "k8s-aws-v1.";
    public static final String CLUSTER_ID_HEADER = "x-k8s-aws-id";
    /** The presigned URL's own validity, as the CLI sets it. */
    public static final Duration PRESIGN_VALIDITY = Duration.ofSeconds(60);
    /** EKS honours a token for 15 minutes; clients are told 14 so they refresh before it lapses. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(14);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    public EksTokenGenerator(Clock clock) {
        this.clock = clock;
    }

    public EksTokenGenerator() {
        this(Clock.systemUTC());
    }

    public EksToken generate(String clusterName, String region, AwsCredentialsIdentity credentials) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://" + stsHost(region) + "/"))
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .putHeader(CLUSTER_ID_HEADER, clusterName)
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials)
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, PRESIGN_VALIDITY)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        String url = signed.request().getUri().toString();
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
        return new EksToken(token, clock.instant().plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The regional STS endpoint (the global one is deprecated and would tie auth to us-east-1). */
    public static String stsHost(String region) {
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return "sts." + region + "." + suffix;
    }
}
