package io.codezero.gcp.preflight;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.UserCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.gcp.auth.GoogleAccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Read-only calls to Google's REST APIs over the JDK's HTTP client, with a bearer token from the
 * given credentials. Google's client libraries for these APIs need gRPC and protobuf versions
 * that clash with Pulumi's (see docs/gcp.md), and a few read-only calls do not need them.
 *
 * <p>Each API keeps its own host and the path layout of its REST reference, so a test server
 * (one base URL for all, {@link #at(URI, GoogleCredentials)}) tells them apart by path.
 */
public final class GoogleRest {
    private final GoogleCredentials credentials;
    private final URI resourceManager;
    private final URI serviceUsage;
    private final URI compute;
    private final URI container;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private GoogleRest(GoogleCredentials credentials, URI resourceManager, URI serviceUsage, URI compute, URI container) {
        this.credentials = credentials;
        this.resourceManager = resourceManager;
        this.serviceUsage = serviceUsage;
        this.compute = compute;
        this.container = container;
    }

    public static GoogleRest google(GoogleCredentials credentials) {
        return new GoogleRest(credentials, URI.create("https://cloudresourcemanager.googleapis.com/"), URI.create("https://serviceusage.googleapis.com/"),
                URI.create("https://compute.googleapis.com/"), URI.create("https://container.googleapis.com/"));
    }

    /** Every API at one base URL (a test server or a private endpoint). */
    public static GoogleRest at(URI base, GoogleCredentials credentials) {
        return new GoogleRest(credentials, base, base, base, base);
    }

    /** Gets an access token now: the credentials check. */
    public String authenticate() throws IOException {
        return GoogleAccessTokens.fresh(credentials).value();
    }

    /** Cloud Resource Manager v1 projects.get. */
    public Response project(String project) {
        return get(resourceManager, "v1/projects/" + project);
    }

    /**
     * Service Usage v1 services.get. A user login that names no quota project gets 403 "requires a quota project"
     * from Service Usage (pulumi/pulumi-gcp#2032); such a call names the project itself, as the deploy's API
     * enablements do (ProjectApis), so the preflight reads what the deploy will change.
     */
    public Response service(String project, String service) {
        Map<String, String> extra = credentials instanceof UserCredentials && credentials.getQuotaProjectId() == null
                ? Map.of(USER_PROJECT, project) : Map.of();
        return send(serviceUsage, "v1/projects/" + project + "/services/" + service, null, extra);
    }

    /** The header naming the project whose quota (and billing) a call uses. */
    static final String USER_PROJECT = "x-goog-user-project";

    /** Compute Engine v1 regions.get (its quotas included). */
    public Response region(String project, String region) {
        return get(compute, "compute/v1/projects/" + project + "/regions/" + region);
    }

    /** Compute Engine v1 networks.get (a global resource: its name is unique in the project). */
    public Response network(String project, String name) {
        return get(compute, "compute/v1/projects/" + project + "/global/networks/" + name);
    }

    /** Compute Engine v1 subnetworks.get. */
    public Response subnetwork(String project, String region, String name) {
        return get(compute, "compute/v1/projects/" + project + "/regions/" + region + "/subnetworks/" + name);
    }

    /** Compute Engine v1 machineTypes.get. */
    public Response machineType(String project, String zone, String type) {
        return get(compute, "compute/v1/projects/" + project + "/zones/" + zone + "/machineTypes/" + type);
    }

    /**
     * Compute Engine v1 instances.aggregatedList of the VMs GKE made for one cluster: GKE labels every node VM
     * with {@code goog-k8s-cluster-name}.
     */
    public Response clusterInstances(String project, String clusterName) {
        String filter = java.net.URLEncoder.encode("labels.goog-k8s-cluster-name=" + clusterName, java.nio.charset.StandardCharsets.UTF_8);
        return get(compute, "compute/v1/projects/" + project + "/aggregated/instances?filter=" + filter);
    }

    /** Kubernetes Engine v1 projects.locations.clusters.get (404 while the cluster does not exist). */
    public Response cluster(String project, String location, String name) {
        return get(container, "v1/projects/" + project + "/locations/" + location + "/clusters/" + name);
    }

    /**
     * Cloud Resource Manager v1 projects.testIamPermissions: which of {@code permissions} the calling identity holds on
     * the project (the answer lists only those it holds).
     */
    public Response testIamPermissions(String project, List<String> permissions) {
        JsonObject body = new JsonObject();
        com.google.gson.JsonArray list = new com.google.gson.JsonArray();
        permissions.forEach(list::add);
        body.add("permissions", list);
        return post(resourceManager, "v1/projects/" + project + ":testIamPermissions", body);
    }

    /** Cloud Resource Manager v1 projects.getEffectiveOrgPolicy: the organization policy in force on the project for one constraint. */
    public Response effectiveOrgPolicy(String project, String constraint) {
        JsonObject body = new JsonObject();
        body.addProperty("constraint", constraint);
        return post(resourceManager, "v1/projects/" + project + ":getEffectiveOrgPolicy", body);
    }

    /** Kubernetes Engine v1 projects.locations.getServerConfig. */
    public Response serverConfig(String project, String location) {
        return get(container, "v1/projects/" + project + "/locations/" + location + "/serverConfig");
    }

    private Response get(URI base, String path) {
        return send(base, path, null, Map.of());
    }

    /** A read-only call Google spells as POST (its body names what to read). */
    private Response post(URI base, String path, JsonObject body) {
        return send(base, path, body, Map.of());
    }

    private Response send(URI base, String path, JsonObject body, Map<String, String> extraHeaders) {
        try {
            URI uri = base.resolve(path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            // Every header the auth library asks for, not only Authorization: with user credentials it adds
            // x-goog-user-project (the quota project), without which some APIs answer 403 "requires a quota project".
            // The library refreshes the token when it is about to expire.
            for (Map.Entry<String, List<String>> header : credentials.getRequestMetadata(uri).entrySet()) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
            extraHeaders.forEach(request::header);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()), null);
        } catch (IOException | RuntimeException e) {
            return new Response(0, new JsonObject(), e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, new JsonObject(), "interrupted");
        }
    }

    private static JsonObject parse(String body) {
        try {
            JsonElement element = JsonParser.parseString(body == null || body.isBlank() ? "{}" : body);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    /**
     * An answer: HTTP status (0 when the call itself failed), the JSON body, and for failures
     * Google's error (the {@code error.status} and {@code error.message} of its JSON error format).
     */
    public record Response(int status, JsonObject body, String transportError) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** "PERMISSION_DENIED: ..." from Google's error body, or the transport failure. */
        public String error() {
            if (transportError != null) {
                return transportError;
            }
            if (body.has("error") && body.get("error").isJsonObject()) {
                JsonObject error = body.getAsJsonObject("error");
                String status = error.has("status") ? error.get("status").getAsString() : "HTTP " + this.status;
                String message = error.has("message") ? error.get("message").getAsString() : "";
                return status + (message.isEmpty() ? "" : ": " + message);
            }
            return "HTTP " + status;
        }

        /** The ErrorInfo reason Google attaches (SERVICE_DISABLED, ...), if any. */
        public String reason() {
            if (!body.has("error") || !body.get("error").isJsonObject()) {
                return "";
            }
            JsonObject error = body.getAsJsonObject("error");
            if (error.has("details") && error.get("details").isJsonArray()) {
                for (JsonElement detail : error.getAsJsonArray("details")) {
                    if (detail.isJsonObject() && detail.getAsJsonObject().has("reason")) {
                        return detail.getAsJsonObject().get("reason").getAsString();
                    }
                }
            }
            return "";
        }
    }
}
