package io.codezero.azure.auth;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The identity pulumi-azure-native deploys as, for the token helper and the preflight: the provider
 * is configured with {@code ARM_*} variables (Pulumi's Azure Native setup: service principal with a
 * secret or certificate, OIDC in CI, managed identity), which the Azure SDK's default chain does not
 * read. Without them the SDK's default chain ({@code AZURE_*}, workload identity, managed identity,
 * the CLI's login) is used. Checked in this order:
 * <ol>
 * <li>{@code ARM_USE_OIDC=true} with {@code ARM_CLIENT_ID}, {@code ARM_TENANT_ID}: a client assertion from
 *     {@code ARM_OIDC_TOKEN}, the file {@code ARM_OIDC_TOKEN_FILE_PATH}, or GitHub Actions' token endpoint
 *     ({@code ARM_OIDC_REQUEST_URL}/{@code ARM_OIDC_REQUEST_TOKEN}, or {@code ACTIONS_ID_TOKEN_REQUEST_*});</li>
 * <li>{@code ARM_CLIENT_ID} + {@code ARM_CLIENT_SECRET} (+ {@code ARM_TENANT_ID}): that service principal;</li>
 * <li>{@code ARM_CLIENT_ID} + {@code ARM_CLIENT_CERTIFICATE_PATH} (PFX, {@code ARM_CLIENT_CERTIFICATE_PASSWORD});</li>
 * <li>{@code ARM_USE_MSI=true}: the managed identity ({@code ARM_CLIENT_ID} picks a user-assigned one);</li>
 * <li>otherwise the SDK's default chain.</li>
 * </ol>
 * An explicit tenant (the stack's {@code tenantId}, the kubeconfig's {@code --tenant-id}) wins over
 * {@code ARM_TENANT_ID}.
 */
public final class ArmCredential {
    /** The audience Entra ID expects of a federated (OIDC) client assertion. */
    static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

    private ArmCredential() {
    }

    /** Which identity {@link #from} picks, for messages and tests. */
    public enum Kind { OIDC, CLIENT_SECRET, CLIENT_CERTIFICATE, MANAGED_IDENTITY, DEFAULT_CHAIN }

    /** The kind of credential the environment configures. */
    public static Kind kind(Map<String, String> env) {
        boolean clientId = present(env, "ARM_CLIENT_ID");
        if (clientId && "true".equalsIgnoreCase(env.get("ARM_USE_OIDC"))) {
            return Kind.OIDC;
        }
        if (clientId && present(env, "ARM_CLIENT_SECRET")) {
            return Kind.CLIENT_SECRET;
        }
        if (clientId && present(env, "ARM_CLIENT_CERTIFICATE_PATH")) {
            return Kind.CLIENT_CERTIFICATE;
        }
        if ("true".equalsIgnoreCase(env.get("ARM_USE_MSI"))) {
            return Kind.MANAGED_IDENTITY;
        }
        return Kind.DEFAULT_CHAIN;
    }

    /**
     * The credential for this environment. {@code tenantId} (may be null) overrides ARM_TENANT_ID;
     * {@code clientId} (may be null) picks a managed or workload identity for the default chain.
     */
    public static TokenCredential from(Map<String, String> env, String tenantId, String clientId) {
        String tenant = tenantId != null ? tenantId : env.get("ARM_TENANT_ID");
        String armClient = env.get("ARM_CLIENT_ID");
        switch (kind(env)) {
            case OIDC -> {
                Supplier<String> assertion = oidcAssertion(env);
                return new ClientAssertionCredentialBuilder().clientId(armClient).tenantId(tenant).clientAssertion(assertion).build();
            }
            case CLIENT_SECRET -> {
                return new ClientSecretCredentialBuilder().clientId(armClient).tenantId(tenant).clientSecret(env.get("ARM_CLIENT_SECRET")).build();
            }
            case CLIENT_CERTIFICATE -> {
                var builder = new ClientCertificateCredentialBuilder().clientId(armClient).tenantId(tenant);
                String password = env.get("ARM_CLIENT_CERTIFICATE_PASSWORD");
                return (password == null ? builder.pfxCertificate(env.get("ARM_CLIENT_CERTIFICATE_PATH"))
                        : builder.pfxCertificate(env.get("ARM_CLIENT_CERTIFICATE_PATH")).clientCertificatePassword(password)).build();
            }
            case MANAGED_IDENTITY -> {
                var builder = new ManagedIdentityCredentialBuilder();
                String id = clientId != null ? clientId : armClient;
                return (id == null ? builder : builder.clientId(id)).build();
            }
            default -> {
                var builder = new DefaultAzureCredentialBuilder();
                if (tenant != null) {
                    builder.tenantId(tenant);
                }
                if (clientId != null) {
                    builder.managedIdentityClientId(clientId).workloadIdentityClientId(clientId);
                }
                return builder.build();
            }
        }
    }

    /** The OIDC token as Pulumi's provider reads it: given, in a file, or asked from GitHub Actions. */
    static Supplier<String> oidcAssertion(Map<String, String> env) {
        if (present(env, "ARM_OIDC_TOKEN")) {
            String token = env.get("ARM_OIDC_TOKEN");
            return () -> token;
        }
        if (present(env, "ARM_OIDC_TOKEN_FILE_PATH")) {
            Path file = Path.of(env.get("ARM_OIDC_TOKEN_FILE_PATH"));
            // read on every use: a projected token file is rotated
            return () -> {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read ARM_OIDC_TOKEN_FILE_PATH " + file, e);
                }
            };
        }
        String url = env.getOrDefault("ARM_OIDC_REQUEST_URL", env.get("ACTIONS_ID_TOKEN_REQUEST_URL"));
        String bearer = env.getOrDefault("ARM_OIDC_REQUEST_TOKEN", env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN"));
        if (url == null || bearer == null) {
            return () -> {
                throw new IllegalStateException("ARM_USE_OIDC is true but none of ARM_OIDC_TOKEN, ARM_OIDC_TOKEN_FILE_PATH or ARM_OIDC_REQUEST_URL"
                        + " with ARM_OIDC_REQUEST_TOKEN is set");
            };
        }
        return () -> githubToken(url, bearer);
    }

    private static String githubToken(String url, String bearer) {
        try {
            String withAudience = url + (url.contains("?") ? "&" : "?") + "audience=" + TOKEN_EXCHANGE_AUDIENCE;
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create(withAudience)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the OIDC token endpoint (ARM_OIDC_REQUEST_URL) answered HTTP " + response.statusCode());
            }
            return com.google.gson.JsonParser.parseString(response.body()).getAsJsonObject().get("value").getAsString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the OIDC token endpoint (ARM_OIDC_REQUEST_URL)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for the OIDC token", e);
        }
    }

    private static boolean present(Map<String, String> env, String key) {
        return env.get(key) != null && !env.get(key).isBlank();
    }
}
