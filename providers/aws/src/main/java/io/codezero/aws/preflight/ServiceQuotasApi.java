package io.codezero.aws.preflight;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Service Quotas GetServiceQuota over its JSON protocol, signed with the SDK's SigV4 signer.
 * Written by hand because the SDK's servicequotas module is not available from this project's
 * Maven registry; it is one read-only call.
 */
public final class ServiceQuotasApi {
    private static final String TARGET = "ServiceQuotasV20190624.GetServiceQuota";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    ServiceQuotasApi(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
    }

    /** The applied quota value; throws {@link QuotaUnavailableException} with AWS's error when it cannot be read. */
    public double getServiceQuota(String serviceCode, String quotaCode) {
        JsonObject body = new JsonObject();
        body.addProperty("ServiceCode", serviceCode);
        body.addProperty("QuotaCode", quotaCode);
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET)
                .contentStreamProvider(() -> new ByteArrayInputStream(payload))
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "servicequotas")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            String text = read(response.responseBody());
            int status = response.httpResponse().statusCode();
            if (status / 100 != 2) {
                throw new QuotaUnavailableException(errorOf(text, status));
            }
            JsonObject quota = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("Quota");
            return quota.get("Value").getAsDouble();
        } catch (IOException | RuntimeException e) {
            if (e instanceof QuotaUnavailableException q) {
                throw q;
            }
            throw new QuotaUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String read(Optional<? extends InputStream> body) throws IOException {
        if (body.isEmpty()) {
            return "";
        }
        try (InputStream in = body.get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String errorOf(String text, int status) {
        try {
            JsonObject error = JsonParser.parseString(text).getAsJsonObject();
            String type = error.has("__type") ? error.get("__type").getAsString() : "HTTP " + status;
            String message = error.has("message") ? error.get("message").getAsString()
                    : error.has("Message") ? error.get("Message").getAsString() : "";
            return type.substring(type.lastIndexOf('#') + 1) + (message.isEmpty() ? "" : ": " + message);
        } catch (RuntimeException e) {
            return "HTTP " + status;
        }
    }

    /** The quota could not be read: no permission, unknown quota, service unavailable. */
    public static final class QuotaUnavailableException extends RuntimeException {
        public QuotaUnavailableException(String message) {
            super(message);
        }
    }
}
