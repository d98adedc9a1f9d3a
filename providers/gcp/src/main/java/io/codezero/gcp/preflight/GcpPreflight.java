package io.codezero.gcp.preflight;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.MachineTypes;
import io.codezero.gcp.ReleaseChannel;
import io.codezero.gcp.auth.GoogleAccessTokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Read-only checks against the Google Cloud project before anything is created, so a deploy does
 * not fail half-way: credentials, project, APIs, region and zones, the Kubernetes version in the
 * release channel, machine types in every zone, and regional CPU quotas for every pool at its
 * maximum size. Each failure is one sentence saying what to do. A check that cannot be made is
 * UNKNOWN, never a pass.
 */
public final class GcpPreflight {
    /** What a cluster of this target calls: GKE, networks and VMs, KMS, the node service account, project IAM. */
    public static final List<String> REQUIRED_APIS = List.of("container.googleapis.com", "compute.googleapis.com",
            "cloudkms.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com");

    private final GoogleRest api;
    /** Why no credentials could even be loaded, reported as the first (failed) check. */
    private final Exception credentialsUnavailable;

    public GcpPreflight(GoogleRest api) {
        this(api, null);
    }

    private GcpPreflight(GoogleRest api, Exception credentialsUnavailable) {
        this.api = api;
        this.credentialsUnavailable = credentialsUnavailable;
    }

    /** Against Google, with Application Default Credentials; a credentials problem becomes the first failed check. */
    public static GcpPreflight forProject(GcpTargetArgs args) {
        try {
            GoogleCredentials credentials = GoogleAccessTokens.applicationDefault();
            return new GcpPreflight(GoogleRest.google(credentials));
        } catch (IOException | RuntimeException e) {
            return new GcpPreflight(null, e);
        }
    }

    public PreflightReport run(ClusterSpec spec, GcpTargetArgs args) {
        List<CheckResult> results = new ArrayList<>();
        CheckResult credentials = credentials();
        results.add(credentials);
        if (credentials.status() != CheckStatus.PASS) {
            return new PreflightReport("Google Cloud", results);
        }
        CheckResult project = project(args.project());
        results.add(project);
        if (project.status() == CheckStatus.FAIL) {
            return new PreflightReport("Google Cloud", results);
        }
        List<CheckResult> apis = apis(args.project());
        results.addAll(apis);
        if (apis.stream().anyMatch(r -> r.status() == CheckStatus.FAIL
                && (r.message().contains("container.googleapis.com") || r.message().contains("compute.googleapis.com")))) {
            return new PreflightReport("Google Cloud", results);
        }
        List<String> zones = new ArrayList<>();
        Map<String, Quota> quotas = new LinkedHashMap<>();
        CheckResult region = region(args, zones, quotas);
        results.add(region);
        results.add(kubernetesVersion(args, spec.kubernetesVersion()));
        if (region.status() != CheckStatus.PASS) {
            return new PreflightReport("Google Cloud", results);
        }
        Map<String, Integer> cpus = new LinkedHashMap<>();
        results.addAll(machineTypes(spec, args, zones, cpus));
        results.addAll(cpuQuotas(spec, args, cpus, quotas));
        return new PreflightReport("Google Cloud", results);
    }

    CheckResult credentials() {
        if (credentialsUnavailable != null) {
            return noCredentials(credentialsUnavailable);
        }
        try {
            api.authenticate();
            return CheckResult.pass("credentials", "Application Default Credentials gave an access token");
        } catch (IOException | RuntimeException e) {
            return noCredentials(e);
        }
    }

    static CheckResult noCredentials(Exception e) {
        return CheckResult.fail("credentials", "Google credentials are not usable (" + GoogleAccessTokens.describe(e) + ")"
                + "; set GOOGLE_APPLICATION_CREDENTIALS to a service-account key or workload identity federation file, or run `gcloud auth application-default login`");
    }

    CheckResult project(String project) {
        GoogleRest.Response response = api.project(project);
        if (response.ok()) {
            String state = string(response.body(), "lifecycleState");
            if (!state.isEmpty() && !state.equals("ACTIVE")) {
                return CheckResult.fail("project", "project " + project + " is " + state + ", not ACTIVE; restore it or choose another gcp.project");
            }
            return CheckResult.pass("project", "project " + project + " (number " + string(response.body(), "projectNumber") + ") is active");
        }
        if (response.status() == 403 || response.status() == 404) {
            return CheckResult.fail("project", "project " + project + " does not exist or these credentials cannot see it (" + response.error()
                    + "); check gcp.project (the project id) and grant the deploying identity a role on it, e.g. roles/viewer");
        }
        return CheckResult.unknown("project", "could not read project " + project + " (" + response.error() + ")");
    }

    List<CheckResult> apis(String project) {
        List<CheckResult> results = new ArrayList<>();
        for (String service : REQUIRED_APIS) {
            GoogleRest.Response response = api.service(project, service);
            if (!response.ok()) {
                results.add(CheckResult.unknown("api", "could not read the state of " + service + " (" + response.error() + ")"));
            } else if ("ENABLED".equals(string(response.body(), "state"))) {
                results.add(CheckResult.pass("api", service + " is enabled"));
            } else {
                results.add(CheckResult.fail("api", service + " is not enabled in project " + project + "; enable it at https://console.cloud.google.com/apis/library/"
                        + service + "?project=" + project + " (or: gcloud services enable " + service + ")"));
            }
        }
        return results;
    }

    /** Checks the region and the zones; fills the zones the pools will use and the region's quotas. */
    CheckResult region(GcpTargetArgs args, List<String> zones, Map<String, Quota> quotas) {
        GoogleRest.Response response = api.region(args.project(), args.region());
        if (response.status() == 404) {
            return CheckResult.fail("region", "region " + args.region() + " does not exist; choose one listed at https://cloud.google.com/compute/docs/regions-zones and set gcp.region");
        }
        if (!response.ok()) {
            if ("SERVICE_DISABLED".equals(response.reason())) {
                return CheckResult.fail("region", "the Compute Engine API is disabled in project " + args.project()
                        + "; enable compute.googleapis.com at https://console.cloud.google.com/apis/library/compute.googleapis.com?project=" + args.project());
            }
            return CheckResult.unknown("region", "could not read region " + args.region() + " (" + response.error() + ")");
        }
        JsonObject region = response.body();
        String status = string(region, "status");
        if (!status.isEmpty() && !status.equals("UP")) {
            return CheckResult.fail("region", "region " + args.region() + " is " + status + "; choose another gcp.region");
        }
        List<String> available = new ArrayList<>();
        if (region.has("zones")) {
            region.getAsJsonArray("zones").forEach(z -> available.add(lastSegment(z.getAsString())));
        }
        if (region.has("quotas")) {
            for (JsonElement q : region.getAsJsonArray("quotas")) {
                JsonObject quota = q.getAsJsonObject();
                quotas.put(string(quota, "metric"), new Quota(string(quota, "metric"), number(quota, "limit"), number(quota, "usage")));
            }
        }
        if (!args.zones().isEmpty()) {
            List<String> missing = args.zones().stream().filter(z -> !available.contains(z)).toList();
            if (!missing.isEmpty()) {
                return CheckResult.fail("region", "zone" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " not in region "
                        + args.region() + "; its zones are " + String.join(", ", new TreeSet<>(available)) + ": fix gcp.zones");
            }
            zones.addAll(args.zones());
        } else {
            zones.addAll(new TreeSet<>(available));
        }
        return CheckResult.pass("region", "region " + args.region() + " is up with zones " + String.join(", ", zones));
    }

    CheckResult kubernetesVersion(GcpTargetArgs args, String minor) {
        GoogleRest.Response response = api.serverConfig(args.project(), args.region());
        if (!response.ok()) {
            return CheckResult.unknown("kubernetes-version", "could not read GKE's server config for " + args.region() + " (" + response.error() + ")");
        }
        return versionVerdict(minor, args.releaseChannel(), args.region(), response.body());
    }

    /** The verdict on GKE's ServerConfig: is a patch of the minor offered where the cluster will run? */
    static CheckResult versionVerdict(String minor, ReleaseChannel channel, String region, JsonObject serverConfig) {
        String prefix = minor + ".";
        Map<String, List<String>> byChannel = new LinkedHashMap<>();
        if (serverConfig.has("channels")) {
            for (JsonElement c : serverConfig.getAsJsonArray("channels")) {
                JsonObject config = c.getAsJsonObject();
                List<String> versions = new ArrayList<>();
                if (config.has("validVersions")) {
                    config.getAsJsonArray("validVersions").forEach(v -> versions.add(v.getAsString()));
                }
                byChannel.put(string(config, "channel"), versions);
            }
        }
        List<String> offered;
        if (channel == ReleaseChannel.UNSPECIFIED) {
            offered = new ArrayList<>();
            if (serverConfig.has("validMasterVersions")) {
                serverConfig.getAsJsonArray("validMasterVersions").forEach(v -> offered.add(v.getAsString()));
            }
        } else {
            offered = byChannel.getOrDefault(channel.name(), List.of());
        }
        List<String> matching = offered.stream().filter(v -> v.startsWith(prefix)).toList();
        if (!matching.isEmpty()) {
            return CheckResult.pass("kubernetes-version", "GKE offers Kubernetes " + minor + " (" + matching.get(0) + ")"
                    + (channel == ReleaseChannel.UNSPECIFIED ? "" : " in the " + channel + " channel") + " in " + region);
        }
        List<String> otherChannels = byChannel.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(v -> v.startsWith(prefix)))
                .map(Map.Entry::getKey).toList();
        Set<String> minors = offered.stream().map(GcpPreflight::minorOf).collect(Collectors.toCollection(TreeSet::new));
        return CheckResult.fail("kubernetes-version", "GKE does not offer Kubernetes " + minor
                + (channel == ReleaseChannel.UNSPECIFIED ? "" : " in the " + channel + " channel") + " in " + region
                + " (it offers " + (minors.isEmpty() ? "nothing" : String.join(", ", minors)) + " there)"
                + (otherChannels.isEmpty() ? "; set kubernetesVersion to an offered version"
                        : "; set gcp.releaseChannel to " + String.join(" or ", otherChannels) + ", or kubernetesVersion to an offered version"));
    }

    /** One result per machine type: offered in every zone or not; fills the vCPUs per machine type. */
    List<CheckResult> machineTypes(ClusterSpec spec, GcpTargetArgs args, List<String> zones, Map<String, Integer> cpus) {
        Map<String, List<NodePool>> poolsByType = poolsByType(spec, args);
        List<CheckResult> results = new ArrayList<>();
        for (var entry : poolsByType.entrySet()) {
            String type = entry.getKey();
            List<String> missing = new ArrayList<>();
            String error = null;
            for (String zone : zones) {
                GoogleRest.Response response = api.machineType(args.project(), zone, type);
                if (response.ok()) {
                    cpus.put(type, (int) number(response.body(), "guestCpus"));
                } else if (response.status() == 404) {
                    missing.add(zone);
                } else {
                    error = response.error();
                }
            }
            String pools = "pool" + (entry.getValue().size() == 1 ? " " : "s ") + entry.getValue().stream().map(NodePool::name).collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                results.add(CheckResult.fail("machine-type", "machine type " + type + " (" + pools + ") is not offered in " + String.join(", ", missing)
                        + (args.zones().isEmpty() ? "; GKE may place nodes in any zone of the region, so set gcp.zones to zones that offer it" : "; choose other gcp.zones")
                        + " or another type with gcp.machineTypes"));
            } else if (error != null) {
                results.add(CheckResult.unknown("machine-type", "could not check machine type " + type + " (" + error + ")"));
            } else {
                results.add(CheckResult.pass("machine-type", type + " (" + pools + ") is offered in " + String.join(", ", zones)));
            }
        }
        return results;
    }

    /** Regional vCPU quotas for every pool at its maximum size. */
    List<CheckResult> cpuQuotas(ClusterSpec spec, GcpTargetArgs args, Map<String, Integer> cpus, Map<String, Quota> quotas) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        Map<String, Set<String>> whoNeeds = new LinkedHashMap<>();
        List<CheckResult> results = new ArrayList<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            String type = args.machineTypes().resolve(pool.size()).orElseThrow();
            if (!cpus.containsKey(type)) {
                results.add(CheckResult.unknown("cpu-quota", "could not check the CPU quota for pool " + pool.name() + ": the vCPUs of " + type + " are unknown"));
                continue;
            }
            String metric = quotaMetric(type, pool.spot(), quotas);
            needed.merge(metric, cpus.get(type) * pool.maxNodes(), Integer::sum);
            whoNeeds.computeIfAbsent(metric, m -> new LinkedHashSet<>()).add(pool.name());
        }
        for (var entry : needed.entrySet()) {
            Quota quota = quotas.get(entry.getKey());
            String pools = "pool" + (whoNeeds.get(entry.getKey()).size() == 1 ? " " : "s ") + String.join(", ", whoNeeds.get(entry.getKey()));
            if (quota == null) {
                results.add(CheckResult.unknown("cpu-quota", "region " + args.region() + " reports no " + entry.getKey() + " quota, needed by " + pools));
                continue;
            }
            results.add(quota.verdict(entry.getValue(), pools, args.region(), args.project()));
        }
        return results;
    }

    /**
     * The regional quota a VM's vCPUs count against: Spot VMs use PREEMPTIBLE_CPUS when the
     * project has that quota; families with their own metric (N2_CPUS, C3_CPUS, A2_CPUS ...) use
     * it; others (E2, N1 ...) the general CPUS quota.
     */
    static String quotaMetric(String machineType, boolean spot, Map<String, Quota> quotas) {
        Quota preemptible = quotas.get("PREEMPTIBLE_CPUS");
        if (spot && preemptible != null && preemptible.limit() > 0) {
            return "PREEMPTIBLE_CPUS";
        }
        String family = MachineTypes.family(machineType).toUpperCase(java.util.Locale.ROOT) + "_CPUS";
        return quotas.containsKey(family) ? family : "CPUS";
    }

    private static Map<String, List<NodePool>> poolsByType(ClusterSpec spec, GcpTargetArgs args) {
        Map<String, List<NodePool>> out = new LinkedHashMap<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            out.computeIfAbsent(args.machineTypes().resolve(pool.size()).orElseThrow(), t -> new ArrayList<>()).add(pool);
        }
        return out;
    }

    /** One entry of a region's {@code quotas}: metric, limit, usage. */
    public record Quota(String metric, double limit, double usage) {
        CheckResult verdict(int needed, String pools, String region, String project) {
            int free = (int) Math.floor(limit - usage);
            if (needed > free) {
                return CheckResult.fail("cpu-quota", "CPU quota " + metric + " in " + region + " is " + (int) limit + " with " + (int) usage
                        + " in use, so " + Math.max(free, 0) + " are free, but " + pools + " need " + needed
                        + " vCPUs at maximum size; request more at https://console.cloud.google.com/iam-admin/quotas?project=" + project + " or lower maxNodes");
            }
            return CheckResult.pass("cpu-quota", metric + " in " + region + " has " + free + " vCPUs free; " + pools + " need " + needed);
        }
    }

    private static String minorOf(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String string(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }

    private static double number(JsonObject object, String key) {
        try {
            return object.has(key) ? object.get(key).getAsDouble() : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = message.lines().findFirst().orElse(message).trim();
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }
}
