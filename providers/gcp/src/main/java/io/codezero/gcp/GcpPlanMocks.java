package io.codezero.gcp;

import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Teaches the offline plan how Google Cloud answers: computed outputs of the resources this target
 * registers (self links, ids, the cluster endpoint and CA, service account emails) and the data
 * sources it invokes (project number, GKE versions). Values follow the shapes Google returns,
 * are clearly fake (project number 123456789012, TEST-NET addresses) and derive from names, so
 * two runs give the same plan.
 */
public final class GcpPlanMocks implements PlanMocksContributor {
    /** The fake project number every mocked service account and resource name carries, never a real project's. */
    public static final String PROJECT_NUMBER = "123456789012";
    /** The versions the plan pretends GKE offers: the newest patch of every supported minor. */
    static final String PATCH = ".4-gke.1200000";
    private static final String COMPUTE = "https://www.googleapis.com/compute/v1/";

    /** Pulumi's marker for a value known only after deploy (what preview shows for computed outputs). */
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /** Names of the Kubernetes providers bound to a GKE cluster of this target (their kubeconfig runs our token helper). */
    private final java.util.Set<String> gkeProviders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The project and region of the last gcp provider registered: the cluster's own provider comes first. */
    private volatile String project = "plan-project";
    private volatile String region = "europe-west1";

    /**
     * Plan mocks with only the Google Cloud answers, for tests of this module.
     * @return a fresh mock set
     */
    public static PlanMocks create() {
        PlanMocks mocks = new PlanMocks();
        new GcpPlanMocks().contribute(mocks);
        return mocks;
    }

    @Override
    public void contribute(PlanMocks mocks) {
        mocks.outputs("pulumi:providers:gcp", args -> {
            project = Objects.toString(args.inputs.get("project"), project);
            region = Objects.toString(args.inputs.get("region"), region);
            return Map.of();
        });
        mocks.outputs("gcp:compute/network:Network", args -> {
            String name = name(args.inputs, args.name);
            String link = COMPUTE + "projects/" + project + "/global/networks/" + name;
            return Map.of("selfLink", link, "gatewayIpv4", "", "numericId", numeric(name));
        });
        mocks.outputs("gcp:compute/subnetwork:Subnetwork", args -> {
            String name = name(args.inputs, args.name);
            String r = Objects.toString(args.inputs.get("region"), region);
            Object cidr = args.inputs.get("ipCidrRange");
            return Map.of("selfLink", COMPUTE + "projects/" + project + "/regions/" + r + "/subnetworks/" + name,
                    "gatewayAddress", gateway(Objects.toString(cidr, "10.0.0.0/16")), "fingerprint", hex(name, 12));
        });
        mocks.outputs("gcp:compute/router:Router", args -> Map.of(
                "selfLink", COMPUTE + "projects/" + project + "/regions/" + Objects.toString(args.inputs.get("region"), region)
                        + "/routers/" + name(args.inputs, args.name),
                "creationTimestamp", "2026-01-01T00:00:00.000-08:00"));
        mocks.outputs("gcp:serviceaccount/account:Account", args -> {
            String id = Objects.toString(args.inputs.get("accountId"), args.name);
            String email = id + "@" + project + ".iam.gserviceaccount.com";
            return Map.of("email", email, "name", "projects/" + project + "/serviceAccounts/" + email,
                    "uniqueId", numeric(id) + numeric(id + "x"), "member", "serviceAccount:" + email);
        });
        mocks.outputs("gcp:kms/keyRing:KeyRing", args -> {
            // the real name carries Pulumi's random suffix; the plan shows a stable stand-in
            String name = args.name + "-" + hex(args.name, 7);
            return Map.of("name", name, "project", project);
        });
        mocks.outputs("gcp:kms/cryptoKey:CryptoKey", args -> Map.of(
                "primaries", List.of(Map.of("name", "1", "state", "ENABLED"))));
        mocks.outputs("gcp:container/cluster:Cluster", args -> {
            String name = name(args.inputs, args.name);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("endpoint", endpoint(name));
            out.put("selfLink", "https://container.googleapis.com/v1/projects/" + project + "/locations/" + region + "/clusters/" + name);
            Map<String, Object> masterAuth = new LinkedHashMap<>();
            masterAuth.put("clientCertificateConfig", Map.of("issueClientCertificate", false));
            masterAuth.put("clusterCaCertificate", Base64.getEncoder().encodeToString(
                    ("-----BEGIN CERTIFICATE-----\nplan-" + hex(name, 32) + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8)));
            out.put("masterAuth", masterAuth);
            Object minVersion = args.inputs.get("minMasterVersion");
            out.put("masterVersion", minVersion == null ? "1.34" + PATCH : minVersion);
            out.put("labelFingerprint", hex(name, 8));
            out.put("operation", "");
            out.put("servicesIpv4Cidr", "");
            out.put("tpuIpv4CidrBlock", "");
            return out;
        });
        mocks.outputs("pulumi:providers:kubernetes", args -> {
            if (Objects.toString(args.inputs.get("kubeconfig"), "").contains("gke_")) {
                gkeProviders.add(args.name);
            }
            return Map.of();
        });
        // GKE's service controller gives a LoadBalancer Service its address only once it exists: the plan says the
        // address is known after deploy instead of falling back to an in-cluster name no client outside can use
        mocks.outputs("kubernetes:core/v1:Service", args -> {
            boolean loadBalancer = args.inputs.get("spec") instanceof Map<?, ?> spec && "LoadBalancer".equals(spec.get("type"));
            boolean onGke = args.provider != null && gkeProviders.stream().anyMatch(p -> args.provider.contains("pulumi:providers:kubernetes::" + p + "::"));
            return loadBalancer && onGke ? Map.of("status", UNKNOWN) : Map.of();
        });
        mocks.outputs("gcp:container/nodePool:NodePool", args -> {
            String name = name(args.inputs, args.name);
            return Map.of("instanceGroupUrls", List.of(COMPUTE + "projects/" + project + "/zones/" + region + "-b/instanceGroupManagers/gke-" + name + "-grp"),
                    "operation", "");
        });

        mocks.invoke("gcp:organizations/getProject:getProject", call -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Object id = call.args.getOrDefault("projectId", project);
            out.put("projectId", id);
            out.put("number", PROJECT_NUMBER);
            out.put("name", id);
            out.put("id", "projects/" + id);
            out.put("autoCreateNetwork", true);
            out.put("billingAccount", "");
            out.put("folderId", "");
            out.put("orgId", "");
            out.put("labels", Map.of());
            out.put("skipDelete", false);
            return out;
        });
        mocks.invoke("gcp:container/getEngineVersions:getEngineVersions", call -> {
            String prefix = Objects.toString(call.args.get("versionPrefix"), "1.34.");
            String version = prefix + PATCH.substring(1);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", "plan");
            out.put("location", call.args.getOrDefault("location", region));
            out.put("project", call.args.getOrDefault("project", project));
            out.put("versionPrefix", prefix);
            out.put("defaultClusterVersion", version);
            out.put("latestMasterVersion", version);
            out.put("latestNodeVersion", version);
            out.put("validMasterVersions", List.of(version));
            out.put("validNodeVersions", List.of(version));
            out.put("releaseChannelDefaultVersion", Map.of("RAPID", version, "REGULAR", version, "STABLE", version));
            out.put("releaseChannelLatestVersion", Map.of("RAPID", version, "REGULAR", version, "STABLE", version));
            return out;
        });
    }

    private static String name(Map<String, Object> inputs, String fallback) {
        return Objects.toString(inputs.get("name"), fallback);
    }

    /** An address from TEST-NET-3 (203.0.113.0/24), reserved for documentation. */
    private static String endpoint(String name) {
        return "203.0.113." + (Math.abs(name.hashCode()) % 250 + 1);
    }

    private static String gateway(String cidr) {
        String base = cidr.substring(0, cidr.indexOf('/'));
        return base.substring(0, base.lastIndexOf('.')) + ".1";
    }

    private static String numeric(String seed) {
        return String.valueOf(Math.abs((long) seed.hashCode()) + 1_000_000_000L);
    }

    private static String hex(String seed, int length) {
        StringBuilder out = new StringBuilder();
        int h = seed.hashCode();
        while (out.length() < length) {
            h = h * 31 + 17;
            out.append(String.format("%08x", h));
        }
        return out.substring(0, length);
    }
}
