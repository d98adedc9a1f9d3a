package io.codezero.gcp.testing;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers like Google's endpoints, with the response shapes of their
 * published references: the OAuth 2.0 token endpoint ("Using OAuth 2.0 for Server to Server
 * Applications": a JWT-bearer grant answered with access_token, expires_in, token_type),
 * Cloud Resource Manager v1 projects.get (Project), Service Usage v1 services.get (Service with
 * state ENABLED/DISABLED), Compute Engine v1 regions.get (Region with status, zones, quotas) and
 * machineTypes.get (MachineType with guestCpus; 404 with the notFound error), Kubernetes Engine v1
 * projects.locations.getServerConfig (ServerConfig with validMasterVersions and channels), and
 * Google's JSON error format ({"error": {code, message, status, details: [ErrorInfo]}}).
 *
 * <p>Every request must be a method of Google's published discovery documents and every 200 answer one its response
 * schema allows ({@link GoogleDiscovery}, {@link #violations}); the documents are the copies google-api-python-client
 * 2.202.0 (November 2026) ships, and POST bodies are checked against the methods' request schemas too.
 *
 * <p>It checks what a real server checks: the token request's JWT must be signed with the key
 * pair it issued (RS256), name the service account as issuer and Google's token endpoint as audience; every API call must carry
 * the token it issued. The state is plain fields a test changes to produce each failure.
 */
public final class FakeGoogle implements AutoCloseable {
    public static final String TOKEN = "ya29.fake-loopback-token";
    public static final String AUDIENCE = "https://oauth2.googleapis.com/token";
    public static final String CLIENT_EMAIL = "deployer@acme-platform-dev.iam.gserviceaccount.com";
    /** The access token a user login ({@code authorized_user}, refresh-token grant) gets. */
    public static final String USER_TOKEN = "ya29.fake-loopback-user-token";
    /** The refresh token {@code gcloud auth application-default login} would have stored. */
    public static final String USER_REFRESH_TOKEN = "1//fake-loopback-refresh-token";

    private final HttpServer server;
    private final KeyPair keys;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Where a request or a response broke Google's published API descriptions ({@link GoogleDiscovery}). */
    public final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private static final ThreadLocal<String> METHOD = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> VIOLATIONS = new ThreadLocal<>();

    /** The x-goog-user-project header of each API call ("" when absent), in call order. */
    public final List<String> quotaProjects = Collections.synchronizedList(new ArrayList<>());
    public final List<JsonObject> assertions = Collections.synchronizedList(new ArrayList<>());
    /** Why token requests were refused, for assertion messages. */
    public final List<String> rejections = Collections.synchronizedList(new ArrayList<>());

    // state a test adjusts
    public volatile boolean rejectGrant;
    public volatile String project = "acme-platform-dev";
    public volatile String projectState = "ACTIVE";
    public final Map<String, String> services = Collections.synchronizedMap(new LinkedHashMap<>());
    public volatile String region = "europe-west1";
    public final List<String> zones = Collections.synchronizedList(new ArrayList<>(List.of("europe-west1-b", "europe-west1-c", "europe-west1-d")));
    public final Map<String, double[]> quotas = Collections.synchronizedMap(new LinkedHashMap<>());
    /** machine type -> vCPUs, offered in every zone except those in {@link #missingIn}. */
    public final Map<String, Integer> machineTypes = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, List<String>> missingIn = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, List<String>> channels = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<String> validMasterVersions = Collections.synchronizedList(new ArrayList<>());
    /** machine type -> [accelerator type, count] (Compute's MachineType.accelerators). */
    public final Map<String, Object[]> accelerators = Collections.synchronizedMap(new LinkedHashMap<>());
    /** The node VMs GKE already runs for a cluster: cluster name -> instances (zone, machine type, spot, boot disk GB). */
    public final Map<String, List<Node>> clusterNodes = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * The permissions the caller holds on the project (testIamPermissions answers the asked ones among them);
     * null: every permission asked. The permissions asked, in the last call, are in {@link #askedPermissions}.
     */
    public volatile java.util.Set<String> grantedPermissions;
    public final List<String> askedPermissions = Collections.synchronizedList(new ArrayList<>());
    /** Organization policies in force on the project, constraint -> OrgPolicy body; absent: the constraint's default (not enforced). */
    public final Map<String, JsonObject> orgPolicies = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Subnets that exist: name -> [primary range, pods range, services range] (secondary ranges named pods, services). */
    public final Map<String, String[]> subnets = Collections.synchronizedMap(new LinkedHashMap<>());
    /** VPC networks that exist: name -> the regions of their subnets. */
    public final Map<String, List<String>> networks = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Clusters that exist: name -> [currentMasterVersion, end of the codezero-no-minor-upgrades exclusion or null]. */
    public final Map<String, String[]> clusters = Collections.synchronizedMap(new LinkedHashMap<>());

    /** One node VM of a cluster. */
    public record Node(String zone, String machineType, boolean spot, int diskGb) {
    }

    public FakeGoogle() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        for (String api : List.of("container.googleapis.com", "compute.googleapis.com", "cloudkms.googleapis.com", "iam.googleapis.com",
                "cloudresourcemanager.googleapis.com")) {
            services.put(api, "ENABLED");
        }
        quotas.put("CPUS", new double[] {24, 0});
        quotas.put("N2_CPUS", new double[] {48, 8});
        quotas.put("G2_CPUS", new double[] {48, 0});
        quotas.put("PREEMPTIBLE_CPUS", new double[] {0, 0});
        quotas.put("NVIDIA_L4_GPUS", new double[] {8, 0});
        quotas.put("SSD_TOTAL_GB", new double[] {4096, 0});
        quotas.put("DISKS_TOTAL_GB", new double[] {4096, 0});
        accelerators.put("g2-standard-8", new Object[] {"nvidia-l4", 1});
        machineTypes.put("n2-standard-4", 4);
        machineTypes.put("g2-standard-8", 8);
        machineTypes.put("e2-standard-2", 2);
        machineTypes.put("n2-standard-8", 8);
        channels.put("RAPID", List.of("1.35.0-gke.1100000", "1.34.4-gke.1200000"));
        channels.put("REGULAR", List.of("1.34.4-gke.1200000", "1.33.7-gke.1000000"));
        channels.put("STABLE", List.of("1.33.7-gke.1000000", "1.32.9-gke.1500000"));
        validMasterVersions.addAll(List.of("1.35.0-gke.1100000", "1.34.4-gke.1200000", "1.33.7-gke.1000000", "1.32.9-gke.1500000"));
    }

    public URI uri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** A service-account key file whose token_uri is this server; the private key is a throwaway made for this server. */
    public Path writeServiceAccountKey(Path dir) throws IOException {
        return writeServiceAccountKey(dir, null);
    }

    /** The same, naming a quota project ({@code quota_project_id}) as ADC files may. */
    public Path writeServiceAccountKey(Path dir, String quotaProject) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", project);
        key.put("private_key_id", "0123456789abcdef");
        key.put("private_key", pem);
        key.put("client_email", CLIENT_EMAIL);
        key.put("client_id", "100000000000000000001");
        key.put("auth_uri", uri() + "auth");
        key.put("token_uri", uri() + "token");
        if (quotaProject != null) {
            key.put("quota_project_id", quotaProject);
        }
        Path file = dir.resolve("key.json");
        Files.writeString(file, new Gson().toJson(key));
        return file;
    }

    /**
     * An {@code authorized_user} ADC file as {@code gcloud auth application-default login} writes it, whose token_uri is
     * this server; {@code quota_project_id} only when {@code quotaProject} is given ({@code set-quota-project}).
     */
    public Path writeAuthorizedUser(Path dir, String quotaProject) throws IOException {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("type", "authorized_user");
        user.put("client_id", "764086051850-fake.apps.googleusercontent.com");
        user.put("client_secret", "fake-secret");
        user.put("refresh_token", USER_REFRESH_TOKEN);
        user.put("token_uri", uri() + "token");
        if (quotaProject != null) {
            user.put("quota_project_id", quotaProject);
        }
        Path file = dir.resolve("application_default_credentials.json");
        Files.writeString(file, new Gson().toJson(user));
        return file;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            if (path.equals("/token")) {
                token(exchange);
                return;
            }
            String quotaProject = exchange.getRequestHeaders().getFirst("x-goog-user-project");
            quotaProjects.add(quotaProject == null ? "" : quotaProject);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean userLogin = ("Bearer " + USER_TOKEN).equals(auth);
            if (!("Bearer " + TOKEN).equals(auth) && !userLogin) {
                error(exchange, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", null);
                return;
            }
            var method = GoogleDiscovery.get().methodFor(exchange.getRequestMethod(), path);
            if (method.isEmpty()) {
                violations.add("no method of Google's discovery documents serves " + exchange.getRequestMethod() + " " + path);
            }
            METHOD.set(method.orElse(null));
            VIOLATIONS.set(violations);
            try {
                if (userLogin && path.startsWith("/v1/projects/") && path.contains("/services/") && quotaProject == null) {
                    // Service Usage refuses end-user credentials that name no quota project (pulumi/pulumi-gcp#2032)
                    error(exchange, 403, "PERMISSION_DENIED", "Your application is authenticating by using local Application Default Credentials."
                            + " The serviceusage.googleapis.com API requires a quota project, which is not set by default.", "SERVICE_DISABLED");
                    return;
                }
                if (quotaProject != null && grantedPermissions != null && !grantedPermissions.contains("serviceusage.services.use")) {
                    // naming a quota project needs serviceusage.services.use on it
                    error(exchange, 403, "PERMISSION_DENIED", "Caller does not have required permission to use project " + quotaProject
                            + ". Grant the caller the roles/serviceusage.serviceUsageConsumer role", "USER_PROJECT_DENIED");
                    return;
                }
                route(exchange, path);
            } finally {
                METHOD.remove();
                VIOLATIONS.remove();
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "INTERNAL", String.valueOf(e), null);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if ("refresh_token".equals(form.get("grant_type"))) {
            // a user login: RFC 6749 section 6 refresh with the client's id and secret
            if (!USER_REFRESH_TOKEN.equals(form.get("refresh_token")) || !form.containsKey("client_id") || rejectGrant) {
                oauthError(exchange, "invalid_grant", "Token has been expired or revoked.");
                return;
            }
            JsonObject body = new JsonObject();
            body.addProperty("access_token", USER_TOKEN);
            body.addProperty("expires_in", 3599);
            body.addProperty("token_type", "Bearer");
            body.addProperty("scope", "https://www.googleapis.com/auth/cloud-platform");
            send(exchange, 200, body);
            return;
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) || !form.containsKey("assertion")) {
            rejections.add("form " + form.keySet() + " grant " + form.get("grant_type"));
            oauthError(exchange, "unsupported_grant_type", "Invalid grant_type");
            return;
        }
        JsonObject claims = verify(form.get("assertion"));
        if (claims == null || rejectGrant) {
            oauthError(exchange, "invalid_grant", "Invalid JWT Signature.");
            return;
        }
        assertions.add(claims);
        JsonObject body = new JsonObject();
        body.addProperty("access_token", TOKEN);
        body.addProperty("expires_in", 3599);
        body.addProperty("token_type", "Bearer");
        send(exchange, 200, body);
    }

    /** The JWT's claims if it is RS256-signed by our key, from our service account, for Google's token endpoint; else null. */
    private JsonObject verify(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(keys.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                rejections.add("bad signature");
                return null;
            }
            JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).getAsJsonObject();
            // Google's server-to-server OAuth guide: "aud ... is always https://oauth2.googleapis.com/token"
            if (!claims.get("aud").getAsString().equals(AUDIENCE) || !claims.get("iss").getAsString().equals(CLIENT_EMAIL)) {
                rejections.add("wrong audience or issuer: " + claims);
                return null;
            }
            return claims;
        } catch (Exception e) {
            rejections.add(e.toString());
            return null;
        }
    }

    private static final Pattern PROJECT = Pattern.compile("/v1/projects/([^/:]+)");
    private static final Pattern TEST_PERMISSIONS = Pattern.compile("/v1/projects/([^/:]+):testIamPermissions");
    private static final Pattern ORG_POLICY = Pattern.compile("/v1/projects/([^/:]+):getEffectiveOrgPolicy");
    private static final Pattern SERVICE = Pattern.compile("/v1/projects/([^/]+)/services/([^/]+)");
    private static final Pattern REGION = Pattern.compile("/compute/v1/projects/([^/]+)/regions/([^/]+)");
    private static final Pattern MACHINE_TYPE = Pattern.compile("/compute/v1/projects/([^/]+)/zones/([^/]+)/machineTypes/([^/]+)");
    private static final Pattern SUBNET = Pattern.compile("/compute/v1/projects/([^/]+)/regions/([^/]+)/subnetworks/([^/]+)");
    private static final Pattern NETWORK = Pattern.compile("/compute/v1/projects/([^/]+)/global/networks/([^/]+)");
    private static final Pattern INSTANCES = Pattern.compile("/compute/v1/projects/([^/]+)/aggregated/instances");
    private static final Pattern CLUSTER = Pattern.compile("/v1/projects/([^/]+)/locations/([^/]+)/clusters/([^/]+)");
    private static final Pattern SERVER_CONFIG = Pattern.compile("/v1/projects/([^/]+)/locations/([^/]+)/serverConfig");

    private void route(HttpExchange exchange, String path) throws IOException {
        Matcher m;
        if ((m = TEST_PERMISSIONS.matcher(path)).matches() || (m = ORG_POLICY.matcher(path)).matches()) {
            JsonObject request = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            if (METHOD.get() != null) {
                VIOLATIONS.get().addAll(GoogleDiscovery.get().requestViolations(METHOD.get(), request));
            }
            if (!m.group(1).equals(project)) {
                error(exchange, 403, "PERMISSION_DENIED", "The caller does not have permission", null);
                return;
            }
            JsonObject body = new JsonObject();
            if (path.endsWith(":testIamPermissions")) {
                var held = new com.google.gson.JsonArray();
                askedPermissions.clear();
                request.getAsJsonArray("permissions").forEach(p -> {
                    askedPermissions.add(p.getAsString());
                    if (grantedPermissions == null || grantedPermissions.contains(p.getAsString())) {
                        held.add(p.getAsString());
                    }
                });
                body.add("permissions", held);
            } else {
                String constraint = request.get("constraint").getAsString();
                body = orgPolicies.containsKey(constraint) ? orgPolicies.get(constraint).deepCopy() : new JsonObject();
                body.addProperty("constraint", constraint);
            }
            send(exchange, 200, body);
        } else if ((m = SERVICE.matcher(path)).matches()) {
            if (!m.group(1).equals(project)) {
                error(exchange, 403, "PERMISSION_DENIED", "Permission denied to get service [" + m.group(2) + "]", null);
                return;
            }
            JsonObject service = new JsonObject();
            service.addProperty("name", "projects/123456789012/services/" + m.group(2));
            service.addProperty("parent", "projects/123456789012");
            service.addProperty("state", services.getOrDefault(m.group(2), "DISABLED"));
            send(exchange, 200, service);
        } else if ((m = SERVER_CONFIG.matcher(path)).matches()) {
            if (!"ENABLED".equals(services.get("container.googleapis.com"))) {
                serviceDisabled(exchange, "container.googleapis.com", "Kubernetes Engine API");
                return;
            }
            JsonObject config = new JsonObject();
            config.addProperty("defaultClusterVersion", channels.get("REGULAR").get(0));
            config.add("validMasterVersions", new Gson().toJsonTree(validMasterVersions));
            config.add("validNodeVersions", new Gson().toJsonTree(validMasterVersions));
            config.addProperty("defaultImageType", "COS_CONTAINERD");
            var list = new com.google.gson.JsonArray();
            channels.forEach((name, versions) -> {
                JsonObject channel = new JsonObject();
                channel.addProperty("channel", name);
                channel.addProperty("defaultVersion", versions.get(0));
                channel.add("validVersions", new Gson().toJsonTree(versions));
                list.add(channel);
            });
            config.add("channels", list);
            send(exchange, 200, config);
        } else if ((m = CLUSTER.matcher(path)).matches()) {
            String[] cluster = clusters.get(m.group(3));
            if (cluster == null) {
                error(exchange, 404, "NOT_FOUND", "Not found: projects/" + m.group(1) + "/locations/" + m.group(2) + "/clusters/" + m.group(3) + ".", null);
                return;
            }
            JsonObject body = new JsonObject();
            body.addProperty("name", m.group(3));
            body.addProperty("location", m.group(2));
            body.addProperty("currentMasterVersion", cluster[0]);
            body.addProperty("status", "RUNNING");
            JsonObject window = new JsonObject();
            JsonObject exclusions = new JsonObject();
            if (cluster[1] != null) {
                JsonObject exclusion = new JsonObject();
                exclusion.addProperty("startTime", "2026-01-01T00:00:00Z");
                exclusion.addProperty("endTime", cluster[1]);
                exclusions.add("codezero-no-minor-upgrades", exclusion);
            }
            window.add("maintenanceExclusions", exclusions);
            JsonObject policy = new JsonObject();
            policy.add("window", window);
            body.add("maintenancePolicy", policy);
            send(exchange, 200, body);
        } else if ((m = INSTANCES.matcher(path)).matches()) {
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            Matcher f = Pattern.compile("filter=labels\\.goog-k8s-cluster-name=([a-z0-9-]+)").matcher(query);
            JsonObject items = new JsonObject();
            if (f.find()) {
                String owner = m.group(1);
                for (Node node : clusterNodes.getOrDefault(f.group(1), List.of())) {
                    String scope = "zones/" + node.zone();
                    if (!items.has(scope)) {
                        JsonObject list = new JsonObject();
                        list.add("instances", new com.google.gson.JsonArray());
                        items.add(scope, list);
                    }
                    JsonObject instance = new JsonObject();
                    instance.addProperty("kind", "compute#instance");
                    instance.addProperty("name", "gke-" + f.group(1) + "-" + items.getAsJsonObject(scope).getAsJsonArray("instances").size());
                    instance.addProperty("machineType", "https://www.googleapis.com/compute/v1/projects/" + owner + "/zones/" + node.zone() + "/machineTypes/" + node.machineType());
                    JsonObject scheduling = new JsonObject();
                    scheduling.addProperty("provisioningModel", node.spot() ? "SPOT" : "STANDARD");
                    scheduling.addProperty("preemptible", node.spot());
                    instance.add("scheduling", scheduling);
                    JsonObject disk = new JsonObject();
                    disk.addProperty("boot", true);
                    disk.addProperty("diskSizeGb", String.valueOf(node.diskGb()));
                    var disks = new com.google.gson.JsonArray();
                    disks.add(disk);
                    instance.add("disks", disks);
                    items.getAsJsonObject(scope).getAsJsonArray("instances").add(instance);
                }
            }
            JsonObject body = new JsonObject();
            body.addProperty("kind", "compute#instanceAggregatedList");
            body.add("items", items);
            send(exchange, 200, body);
        } else if ((m = SUBNET.matcher(path)).matches()) {
            String[] ranges = subnets.get(m.group(3));
            if (ranges == null) {
                error(exchange, 404, null, "The resource 'projects/" + m.group(1) + "/regions/" + m.group(2) + "/subnetworks/" + m.group(3) + "' was not found", "notFound");
                return;
            }
            JsonObject body = new JsonObject();
            body.addProperty("kind", "compute#subnetwork");
            body.addProperty("name", m.group(3));
            body.addProperty("region", "https://www.googleapis.com/compute/v1/projects/" + m.group(1) + "/regions/" + m.group(2));
            body.addProperty("ipCidrRange", ranges[0]);
            var secondary = new com.google.gson.JsonArray();
            String[] names = {"pods", "services"};
            for (int i = 0; i < 2; i++) {
                JsonObject range = new JsonObject();
                range.addProperty("rangeName", names[i]);
                range.addProperty("ipCidrRange", ranges[i + 1]);
                secondary.add(range);
            }
            body.add("secondaryIpRanges", secondary);
            send(exchange, 200, body);
        } else if ((m = NETWORK.matcher(path)).matches()) {
            List<String> subnetRegions = networks.get(m.group(2));
            if (subnetRegions == null) {
                error(exchange, 404, null, "The resource 'projects/" + m.group(1) + "/global/networks/" + m.group(2) + "' was not found", "notFound");
                return;
            }
            JsonObject body = new JsonObject();
            body.addProperty("kind", "compute#network");
            body.addProperty("name", m.group(2));
            body.addProperty("autoCreateSubnetworks", false);
            var subnets = new com.google.gson.JsonArray();
            String owner = m.group(1);
            String network = m.group(2);
            subnetRegions.forEach(r -> subnets.add("https://www.googleapis.com/compute/v1/projects/" + owner + "/regions/" + r + "/subnetworks/"
                    + network.replaceAll("-vpc$", "") + "-nodes"));
            body.add("subnetworks", subnets);
            send(exchange, 200, body);
        } else if ((m = MACHINE_TYPE.matcher(path)).matches()) {
            String type = m.group(3);
            String zone = m.group(2);
            if (!machineTypes.containsKey(type) || missingIn.getOrDefault(type, List.of()).contains(zone) || !zones.contains(zone)) {
                error(exchange, 404, null, "The resource 'projects/" + m.group(1) + "/zones/" + zone + "/machineTypes/" + type + "' was not found", "notFound");
                return;
            }
            JsonObject machine = new JsonObject();
            machine.addProperty("kind", "compute#machineType");
            machine.addProperty("name", type);
            machine.addProperty("guestCpus", machineTypes.get(type));
            machine.addProperty("memoryMb", machineTypes.get(type) * 4096);
            machine.addProperty("zone", zone);
            if (accelerators.containsKey(type)) {
                JsonObject accelerator = new JsonObject();
                accelerator.addProperty("guestAcceleratorType", (String) accelerators.get(type)[0]);
                accelerator.addProperty("guestAcceleratorCount", (Integer) accelerators.get(type)[1]);
                var list = new com.google.gson.JsonArray();
                list.add(accelerator);
                machine.add("accelerators", list);
            }
            send(exchange, 200, machine);
        } else if ((m = REGION.matcher(path)).matches()) {
            if (!"ENABLED".equals(services.get("compute.googleapis.com"))) {
                serviceDisabled(exchange, "compute.googleapis.com", "Compute Engine API");
                return;
            }
            if (!m.group(2).equals(region)) {
                error(exchange, 404, null, "The resource 'projects/" + m.group(1) + "/regions/" + m.group(2) + "' was not found", "notFound");
                return;
            }
            JsonObject body = new JsonObject();
            body.addProperty("kind", "compute#region");
            body.addProperty("name", region);
            body.addProperty("status", "UP");
            var zoneList = new com.google.gson.JsonArray();
            String owner = m.group(1);
            zones.forEach(z -> zoneList.add("https://www.googleapis.com/compute/v1/projects/" + owner + "/zones/" + z));
            body.add("zones", zoneList);
            var quotaList = new com.google.gson.JsonArray();
            quotas.forEach((metric, values) -> {
                JsonObject quota = new JsonObject();
                quota.addProperty("metric", metric);
                quota.addProperty("limit", values[0]);
                quota.addProperty("usage", values[1]);
                quotaList.add(quota);
            });
            body.add("quotas", quotaList);
            body.addProperty("selfLink", "https://www.googleapis.com/compute/v1/projects/" + owner + "/regions/" + region);
            send(exchange, 200, body);
        } else if ((m = PROJECT.matcher(path)).matches()) {
            if (!m.group(1).equals(project)) {
                error(exchange, 403, "PERMISSION_DENIED", "The caller does not have permission", null);
                return;
            }
            JsonObject body = new JsonObject();
            body.addProperty("projectNumber", "123456789012");
            body.addProperty("projectId", project);
            body.addProperty("lifecycleState", projectState);
            body.addProperty("name", project);
            send(exchange, 200, body);
        } else {
            error(exchange, 404, "NOT_FOUND", "no such endpoint " + path, null);
        }
    }

    private void serviceDisabled(HttpExchange exchange, String service, String title) throws IOException {
        JsonObject info = new JsonObject();
        info.addProperty("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.addProperty("reason", "SERVICE_DISABLED");
        info.addProperty("domain", "googleapis.com");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("service", service);
        info.add("metadata", metadata);
        JsonObject error = new JsonObject();
        error.addProperty("code", 403);
        error.addProperty("message", title + " has not been used in project 123456789012 before or it is disabled.");
        error.addProperty("status", "PERMISSION_DENIED");
        var details = new com.google.gson.JsonArray();
        details.add(info);
        error.add("details", details);
        JsonObject body = new JsonObject();
        body.add("error", error);
        send(exchange, 403, body);
    }

    private static void error(HttpExchange exchange, int code, String status, String message, String reason) throws IOException {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        if (status != null) {
            error.addProperty("status", status);
        }
        if (reason != null) {
            // Compute Engine's older error shape: errors[] with domain and reason
            JsonObject item = new JsonObject();
            item.addProperty("message", message);
            item.addProperty("domain", "global");
            item.addProperty("reason", reason);
            var errors = new com.google.gson.JsonArray();
            errors.add(item);
            error.add("errors", errors);
        }
        JsonObject body = new JsonObject();
        body.add("error", error);
        send(exchange, code, body);
    }

    private static void oauthError(HttpExchange exchange, String error, String description) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("error_description", description);
        send(exchange, 400, body);
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        if (status == 200 && METHOD.get() != null) {
            VIOLATIONS.get().addAll(GoogleDiscovery.get().violations(METHOD.get(), body));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
