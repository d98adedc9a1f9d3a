package io.codezero.azure.preflight;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.ComputeManagementClient;
import com.azure.resourcemanager.containerservice.ContainerServiceManager;
import com.azure.resourcemanager.containerservice.fluent.ContainerServiceManagementClient;
import com.azure.resourcemanager.network.NetworkManager;
import com.azure.resourcemanager.network.fluent.NetworkManagementClient;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Subscriptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Azure Resource Manager clients the preflight uses, over one HTTP pipeline on the JDK HTTP
 * client. In production the pipeline carries a bearer token from the credential; pointed at a
 * loopback test server it cannot (azure-core refuses to send bearer tokens over plain http), so
 * that pipeline has no authentication policy and the credential is only asked for a token.
 */
public final class AzureClients {
    public static final String MANAGEMENT_SCOPE = "https://management.azure.com/.default";

    private final TokenCredential credential;
    private final HttpPipeline pipeline;
    private final AzureEnvironment environment;
    private final String tenantId;

    private AzureClients(TokenCredential credential, HttpPipeline pipeline, AzureEnvironment environment, String tenantId) {
        this.credential = credential;
        this.pipeline = pipeline;
        this.environment = environment;
        this.tenantId = tenantId;
    }

    /**
     * Azure's public cloud with the identity pulumi-azure-native uses ({@code ARM_*} variables, see
     * {@link io.codezero.azure.auth.ArmCredential}), else the default chain (environment, workload identity, managed identity, Azure CLI ...).
     */
    public static AzureClients forDefaultCredential(String tenantId) {
        // the identity pulumi-azure-native deploys with (ARM_* variables, OIDC in CI), else the SDK's default chain
        return forCredential(io.codezero.azure.auth.ArmCredential.from(System.getenv(), tenantId, null), tenantId);
    }

    public static AzureClients forCredential(TokenCredential credential, String tenantId) {
        List<HttpPipelinePolicy> policies = basePolicies();
        policies.add(new BearerTokenAuthenticationPolicy(credential, MANAGEMENT_SCOPE));
        return new AzureClients(credential, pipeline(policies), AzureEnvironment.AZURE, tenantId);
    }

    /**
     * Every call to {@code endpoint} over plain http, without the bearer policy (a loopback test
     * server replaying Azure's published responses). Production code never uses this.
     */
    public static AzureClients forLoopback(URI endpoint, TokenCredential credential) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/");
        return new AzureClients(credential, pipeline(basePolicies()), new AzureEnvironment(endpoints), null);
    }

    private static List<HttpPipelinePolicy> basePolicies() {
        List<HttpPipelinePolicy> policies = new ArrayList<>();
        policies.add(new UserAgentPolicy("codezero-azure-preflight"));
        // throttling (429) and transient 5xx: a few quick retries, then the check reports UNKNOWN
        policies.add(new RetryPolicy(new ExponentialBackoff(2, Duration.ofMillis(200), Duration.ofSeconds(2))));
        return policies;
    }

    private static HttpPipeline pipeline(List<HttpPipelinePolicy> policies) {
        return new HttpPipelineBuilder().httpClient(HttpClient.createDefault())
                .policies(policies.toArray(new HttpPipelinePolicy[0])).build();
    }

    public TokenCredential credential() {
        return credential;
    }

    private AzureProfile profile(String subscriptionId) {
        return new AzureProfile(tenantId, subscriptionId, environment);
    }

    public Subscriptions subscriptions() {
        return ResourceManager.authenticate(pipeline, profile(null)).subscriptions();
    }

    /**
     * Resource Manager's own operations on a subscription: resource providers (Providers - Get) and
     * resource groups (Resource Groups - Get).
     * @param subscriptionId the subscription to ask about
     * @return the resources SDK's service client for that subscription
     */
    public com.azure.resourcemanager.resources.fluent.ResourceManagementClient resources(String subscriptionId) {
        return ResourceManager.authenticate(pipeline, profile(subscriptionId)).withSubscription(subscriptionId).serviceClient();
    }

    public ComputeManagementClient compute(String subscriptionId) {
        return ComputeManager.authenticate(pipeline, profile(subscriptionId)).serviceClient();
    }

    public ContainerServiceManagementClient containerService(String subscriptionId) {
        return ContainerServiceManager.authenticate(pipeline, profile(subscriptionId)).serviceClient();
    }

    /**
     * The caller's effective permissions on a resource group (Permissions - List For Resource Group,
     * api-version 2022-04-01): the {@code value} array of {actions, notActions}. The compute and
     * resources SDKs this module uses have no authorization client, so the call goes over the same
     * pipeline as every other check.
     *
     * @throws com.azure.core.exception.HttpResponseException with the status when ARM refuses or the group does not exist
     */
    public com.google.gson.JsonArray permissions(String subscriptionId, String resourceGroup) {
        return permissionsAt("/subscriptions/" + subscriptionId + "/resourcegroups/"
                + java.net.URLEncoder.encode(resourceGroup, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /**
     * The caller's effective permissions on any resource, by its resource id (Permissions - List For
     * Resource: {@code <id>/providers/Microsoft.Authorization/permissions}), in the same shape as
     * {@link #permissions(String, String)}. A role assignment on an adopted subnet or key vault is
     * made at that resource, which may live in another resource group than the cluster's.
     *
     * @param resourceId the ARM id of the resource, starting with {@code /subscriptions/}
     * @return the {@code value} array of {actions, notActions}
     * @throws com.azure.core.exception.HttpResponseException with the status when ARM refuses or the resource does not exist
     */
    public com.google.gson.JsonArray permissionsAt(String resourceId) {
        return arm(com.azure.core.http.HttpMethod.GET, resourceId + "/providers/Microsoft.Authorization/permissions", "2022-04-01", null)
                .getAsJsonArray("value");
    }

    /**
     * One Resource Manager call over the preflight's pipeline, for operations of services whose SDK
     * this module does not carry (Authorization, Managed Identity, Key Vault).
     *
     * @param method     the HTTP method
     * @param path       the operation's path, starting with {@code /subscriptions/}, with any query but the api-version (encoded)
     * @param apiVersion the api-version to ask for
     * @param jsonBody   the request body, or {@code null} for none
     * @return the response body as a JSON object
     * @throws com.azure.core.exception.HttpResponseException with the status when ARM answers other than 2xx
     */
    public com.google.gson.JsonObject arm(com.azure.core.http.HttpMethod method, String path, String apiVersion, String jsonBody) {
        String base = environment.getResourceManagerEndpoint();
        String url = (base.endsWith("/") ? base : base + "/") + (path.startsWith("/") ? path.substring(1) : path)
                + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
        var request = new com.azure.core.http.HttpRequest(method, url);
        if (jsonBody != null) {
            request.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json").setBody(jsonBody);
        }
        try (var response = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
            String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() / 100 != 2) {
                throw new com.azure.core.exception.HttpResponseException("HTTP " + response.getStatusCode() + ": " + body, response);
            }
            return com.google.gson.JsonParser.parseString(body).getAsJsonObject();
        }
    }

    public NetworkManagementClient network(String subscriptionId) {
        return NetworkManager.authenticate(pipeline, profile(subscriptionId)).serviceClient();
    }
}
