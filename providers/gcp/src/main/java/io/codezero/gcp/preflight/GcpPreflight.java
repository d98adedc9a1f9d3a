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
 * not fail half-way: credentials, project, APIs, the deployer's permissions, organization policies that
 * refuse what it creates, region and zones, the Kubernetes version in the
 * release channel, machine types in every zone, and regional CPU, GPU and disk quotas for what the
 * deploy adds. Each failure is one sentence saying what to do. A check that cannot be made is
 * UNKNOWN, never a pass.
 */
public final class GcpPreflight {
    /** What a cluster of this target calls: GKE, networks and VMs, KMS, the node service account, project IAM. */
    public static final List<String> REQUIRED_APIS = List.of("container.googleapis.com", "compute.googleapis.com",
            "cloudkms.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com");

    /** How many zones GKE gives a regional cluster's nodes when none are configured. */
    static final int GKE_DEFAULT_ZONES = 3;
    /** Compute Engine's regional quota of external IPv4 addresses in use (ephemeral ones of VMs included). */
    static final String EXTERNAL_ADDRESSES = "IN_USE_ADDRESSES";
    /** The name of the maintenance exclusion this target manages (GkeCluster). */
    static final String EXCLUSION = "codezero-no-minor-upgrades";

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
        Set<String> disabled = new LinkedHashSet<>();
        results.addAll(apis(args.project(), args.enableApis(), disabled));
        // before anything else can fail half-way: may this identity do it all, and does the organization allow it
        results.add(DeployerPermissions.check(api, spec, args));
        results.addAll(OrgPolicies.check(api, spec, args));
        if (disabled.contains("container.googleapis.com") || disabled.contains("compute.googleapis.com")) {
            if (args.enableApis()) {
                results.add(CheckResult.unknown("region", "the region, the Kubernetes version, machine types and quotas can be checked only once "
                        + String.join(" and ", disabled.stream().filter(a -> a.startsWith("co")).toList()) + " is on; the deploy enables it, run the preflight again after"));
            }
            return new PreflightReport("Google Cloud", results);
        }
        List<String> zones = new ArrayList<>();
        Map<String, Quota> quotas = new LinkedHashMap<>();
        CheckResult region = region(args, zones, quotas);
        results.add(region);
        results.add(kubernetesVersion(args, spec.kubernetesVersion()));
        minorUpgradeWithExclusionChange(spec, args).ifPresent(results::add);
        if (region.status() != CheckStatus.PASS) {
            return new PreflightReport("Google Cloud", results);
        }
        GlobalNames.check(api, spec, args).ifPresent(results::add);
        results.addAll(LiveRanges.check(api, spec, args));
        Map<String, MachineShape> shapes = new LinkedHashMap<>();
        results.addAll(machineTypes(spec, args, zones, shapes));
        results.addAll(cpuQuotas(spec, args, shapes, quotas, zones));
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

    List<CheckResult> apis(String project, boolean deployEnables, Set<String> disabled) {
        List<CheckResult> results = new ArrayList<>();
        for (String service : REQUIRED_APIS) {
            GoogleRest.Response response = api.service(project, service);
            if (!response.ok()) {
                results.add(CheckResult.unknown("api", "could not read the state of " + service + " (" + response.error() + ")"
                        + (response.error().contains("quota project")
                        ? "; name a quota project: gcloud auth application-default set-quota-project " + project : "")));
            } else if ("ENABLED".equals(string(response.body(), "state"))) {
                results.add(CheckResult.pass("api", service + " is enabled"));
            } else if (deployEnables) {
                disabled.add(service);
                results.add(CheckResult.pass("api", service + " is not enabled yet; the deploy enables it first (gcp.enableApis)"));
            } else {
                disabled.add(service);
                results.add(CheckResult.fail("api", service + " is not enabled in project " + project + "; enable it at https://console.cloud.google.com/apis/library/"
                        + service + "?project=" + project + " (or: gcloud services enable " + service + "), or set gcp.enableApis: true"));
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

    /**
     * A minor upgrade and a change of the {@code NO_MINOR_UPGRADES} exclusion must not go in one {@code up}: the
     * provider (terraform-provider-google-beta 5.0.0) sends the maintenance policy before the new master version, and
     * GKE checks the exclusion's end against the minor the control plane still runs, whose end of support is earlier
     * (hashicorp/terraform-provider-google#20556). Read from the live cluster (Kubernetes Engine v1 clusters.get).
     */
    java.util.Optional<CheckResult> minorUpgradeWithExclusionChange(ClusterSpec spec, GcpTargetArgs args) {
        if (!args.freezesMinorUpgrades()) {
            return java.util.Optional.empty();
        }
        GoogleRest.Response response = api.cluster(args.project(), args.region(), spec.name());
        if (response.status() == 404) {
            return java.util.Optional.empty();  // a new cluster: created with both at once, nothing to order
        }
        if (!response.ok()) {
            return java.util.Optional.of(CheckResult.unknown("upgrade-order", "could not read cluster " + spec.name() + " (" + response.error()
                    + ") to check that a minor upgrade and a maintenance exclusion change are not applied together"));
        }
        String running = minorOf(string(response.body(), "currentMasterVersion"));
        if (running.isEmpty() || running.equals(spec.kubernetesVersion())) {
            return java.util.Optional.empty();
        }
        String currentEnd = "";
        JsonObject body = response.body();
        if (body.has("maintenancePolicy") && body.getAsJsonObject("maintenancePolicy").has("window")) {
            JsonObject window = body.getAsJsonObject("maintenancePolicy").getAsJsonObject("window");
            if (window.has("maintenanceExclusions") && window.getAsJsonObject("maintenanceExclusions").has(EXCLUSION)) {
                currentEnd = string(window.getAsJsonObject("maintenanceExclusions").getAsJsonObject(EXCLUSION), "endTime");
            }
        }
        if (sameInstant(currentEnd, args.noMinorUpgradesEnd())) {
            return java.util.Optional.of(CheckResult.pass("upgrade-order", "cluster " + spec.name() + " moves from " + running + " to "
                    + spec.kubernetesVersion() + " with its maintenance exclusion unchanged"));
        }
        return java.util.Optional.of(CheckResult.fail("upgrade-order", "cluster " + spec.name() + " runs " + running + " and this deploy both moves it to "
                + spec.kubernetesVersion() + " and changes the no-minor-upgrades exclusion's end (" + (currentEnd.isEmpty() ? "none" : currentEnd)
                + " to " + args.noMinorUpgradesEnd() + "); GKE checks the new end against " + running
                + "'s end of support before the upgrade, so do it in two `up`s: first kubernetesVersion with the exclusion as it is, then the exclusion"));
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return java.time.Instant.parse(a).equals(java.time.Instant.parse(b));
        } catch (RuntimeException e) {
            return java.util.Objects.equals(a, b);
        }
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
    List<CheckResult> machineTypes(ClusterSpec spec, GcpTargetArgs args, List<String> zones, Map<String, MachineShape> shapes) {
        Map<String, List<NodePool>> poolsByType = poolsByType(spec, args);
        List<CheckResult> results = new ArrayList<>();
        for (var entry : poolsByType.entrySet()) {
            String type = entry.getKey();
            List<String> missing = new ArrayList<>();
            String error = null;
            for (String zone : zones) {
                GoogleRest.Response response = api.machineType(args.project(), zone, type);
                if (response.ok()) {
                    shapes.put(type, shape(type, response.body()));
                } else if (response.status() == 404) {
                    missing.add(zone);
                } else {
                    error = response.error();
                }
            }
            String pools = "pool" + (entry.getValue().size() == 1 ? " " : "s ") + entry.getValue().stream().map(NodePool::name).collect(Collectors.joining(", "));
            if (!missing.isEmpty() && args.zones().isEmpty() && zones.size() - missing.size() >= GKE_DEFAULT_ZONES) {
                // GKE puts a regional cluster's nodes in three zones of its choosing: enough zones offer the type, but
                // whether GKE's three are among them is not known before it chooses
                results.add(CheckResult.unknown("machine-type", "machine type " + type + " (" + pools + ") is not offered in " + String.join(", ", missing)
                        + " but is in " + (zones.size() - missing.size()) + " other zones; GKE picks three zones of the region, so set gcp.zones to"
                        + " zones that offer it to be sure"));
            } else if (!missing.isEmpty()) {
                results.add(CheckResult.fail("machine-type", "machine type " + type + " (" + pools + ") is not offered in " + String.join(", ", missing)
                        + (args.zones().isEmpty() ? "; GKE may place nodes in any zone of the region, so set gcp.zones to zones that offer it" : "; choose other gcp.zones")
                        + " or another type with gcp.machineTypes"));
            } else if (error != null) {
                results.add(CheckResult.unknown("machine-type", "could not check machine type " + type + " (" + error + ")"));
            } else if (shapes.containsKey(type) && !acceleratorsAgree(type, shapes.get(type))) {
                results.add(CheckResult.fail("machine-type", "machine type " + type + " (" + pools + ") carries "
                        + shapes.get(type).accelerators() + " x " + shapes.get(type).acceleratorType() + " by Compute Engine's description, but the node pool would name "
                        + io.codezero.gcp.GpuAccelerators.of(type).map(a -> a.count() + " x " + a.type()).orElse("none")
                        + " for GKE's driver installation; choose another gcp.machineTypes.gpu"));
            } else {
                results.add(CheckResult.pass("machine-type", type + " (" + pools + ") is offered in " + String.join(", ", zones)));
            }
        }
        return results;
    }

    /**
     * Regional quotas for what this deploy adds: every pool at its maximum size plus the nodes an upgrade adds on
     * top (surge nodes, or a whole second pool for blue-green), less what this cluster's nodes already hold (they
     * are in the region's usage). Checked for vCPUs, GPUs and boot-disk gigabytes (SSD_TOTAL_GB for pd-ssd and
     * pd-balanced, DISKS_TOTAL_GB for pd-standard), and with public nodes their external addresses (IN_USE_ADDRESSES).
     */
    List<CheckResult> cpuQuotas(ClusterSpec spec, GcpTargetArgs args, Map<String, MachineShape> shapes, Map<String, Quota> quotas,
                                List<String> zones) {
        Map<String, Integer> needed = new LinkedHashMap<>();
        Map<String, Set<String>> whoNeeds = new LinkedHashMap<>();
        List<CheckResult> results = new ArrayList<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            String type = args.machineTypes().resolve(pool.size()).orElseThrow();
            MachineShape shape = shapes.get(type);
            if (shape == null) {
                results.add(CheckResult.unknown("quota", "could not check the quotas for pool " + pool.name() + ": the vCPUs of " + type + " are unknown"));
                continue;
            }
            int nodes = pool.maxNodes() + upgradeNodes(pool, args, zones.size());
            Map<String, Integer> perNode = new LinkedHashMap<>(shape.perNode(pool.spot(), args.diskType(), args.diskSizeGb(), quotas));
            if (!spec.network().privateNodes()) {
                // a node with a public address holds an ephemeral external address, counted as in use in the region
                perNode.put(EXTERNAL_ADDRESSES, 1);
            }
            for (Map.Entry<String, Integer> per : perNode.entrySet()) {
                needed.merge(per.getKey(), per.getValue() * nodes, Integer::sum);
                whoNeeds.computeIfAbsent(per.getKey(), m -> new LinkedHashSet<>()).add(pool.name());
            }
        }
        ClusterUsage existing = existingUsage(spec.name(), !spec.network().privateNodes(), args, zones, shapes, quotas);
        if (existing.error() != null) {
            results.add(CheckResult.unknown("quota", "could not count the nodes cluster " + spec.name() + " already has (" + existing.error()
                    + "); the quotas below count every node as new"));
        }
        for (var entry : needed.entrySet()) {
            String metric = entry.getKey();
            Quota quota = quotas.get(metric);
            String pools = "pool" + (whoNeeds.get(metric).size() == 1 ? " " : "s ") + String.join(", ", whoNeeds.get(metric));
            if (quota == null) {
                results.add(CheckResult.unknown("quota", "region " + args.region() + " reports no " + metric + " quota, needed by " + pools));
                continue;
            }
            results.add(quota.verdict(entry.getValue(), existing.byMetric().getOrDefault(metric, 0), pools, args.region(), args.project()));
        }
        return results;
    }

    /**
     * The nodes an upgrade or a replacement adds beside a pool at its maximum: surge nodes in every zone the pool
     * uses (GKE surges each zone of a regional pool), or, blue-green, a second set as large as the pool.
     */
    static int upgradeNodes(NodePool pool, GcpTargetArgs args, int zones) {
        if (args.upgradeStrategy() == io.codezero.gcp.UpgradeStrategy.BLUE_GREEN) {
            return pool.maxNodes();
        }
        return args.maxSurge() * Math.max(zones, 1);
    }

    /** What the nodes of this cluster hold already, per quota metric (they are part of the region's usage). */
    record ClusterUsage(Map<String, Integer> byMetric, String error) {
    }

    /**
     * This cluster's nodes, found by the label GKE puts on every node VM ({@code goog-k8s-cluster-name}), counted
     * against the same metrics as new nodes: none on a first deploy, all of them on every later one.
     */
    ClusterUsage existingUsage(String clusterName, boolean publicNodes, GcpTargetArgs args, List<String> zones, Map<String, MachineShape> shapes, Map<String, Quota> quotas) {
        GoogleRest.Response response = api.clusterInstances(args.project(), clusterName);
        if (!response.ok()) {
            return new ClusterUsage(Map.of(), response.error());
        }
        Map<String, Integer> usage = new LinkedHashMap<>();
        JsonObject items = response.body().has("items") && response.body().get("items").isJsonObject() ? response.body().getAsJsonObject("items") : new JsonObject();
        for (var scope : items.entrySet()) {
            String zone = lastSegment(scope.getKey());
            if (!zones.contains(zone) || !scope.getValue().isJsonObject() || !scope.getValue().getAsJsonObject().has("instances")) {
                continue;
            }
            for (JsonElement element : scope.getValue().getAsJsonObject().getAsJsonArray("instances")) {
                JsonObject instance = element.getAsJsonObject();
                String type = lastSegment(string(instance, "machineType"));
                MachineShape shape = shapes.get(type);
                if (shape == null) {
                    continue;  // a machine type no pool keeps: its nodes go away only after the new ones are up
                }
                JsonObject scheduling = instance.has("scheduling") ? instance.getAsJsonObject("scheduling") : new JsonObject();
                boolean spot = "SPOT".equals(string(scheduling, "provisioningModel")) || "true".equals(string(scheduling, "preemptible"));
                int disk = 0;
                String diskType = args.diskType();
                if (instance.has("disks")) {
                    for (JsonElement d : instance.getAsJsonArray("disks")) {
                        if ("true".equals(string(d.getAsJsonObject(), "boot"))) {
                            disk = (int) number(d.getAsJsonObject(), "diskSizeGb");
                        }
                    }
                }
                shape.perNode(spot, diskType, disk, quotas).forEach((metric, amount) -> usage.merge(metric, amount, Integer::sum));
                if (publicNodes) {
                    usage.merge(EXTERNAL_ADDRESSES, 1, Integer::sum);
                }
            }
        }
        return new ClusterUsage(usage, null);
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

    /**
     * The regional GPU quota of an accelerator type as Compute Engine names them: {@code nvidia-l4} counts against
     * {@code NVIDIA_L4_GPUS}, {@code nvidia-tesla-t4} against {@code NVIDIA_T4_GPUS}; Spot VMs against the
     * {@code PREEMPTIBLE_} metric when the project has it.
     */
    static String gpuMetric(String acceleratorType, boolean spot, Map<String, Quota> quotas) {
        String base = acceleratorType.toUpperCase(java.util.Locale.ROOT).replace("-TESLA-", "-").replace('-', '_') + "_GPUS";
        Quota preemptible = quotas.get("PREEMPTIBLE_" + base);
        return spot && preemptible != null && preemptible.limit() > 0 ? "PREEMPTIBLE_" + base : base;
    }

    /** A machine type's size from Compute's MachineType: vCPUs and attached GPUs. */
    record MachineShape(String type, int cpus, String acceleratorType, int accelerators) {
        /** What one node of this type takes from each regional quota. */
        Map<String, Integer> perNode(boolean spot, String diskType, int diskGb, Map<String, Quota> quotas) {
            Map<String, Integer> out = new LinkedHashMap<>();
            out.put(quotaMetric(type, spot, quotas), cpus);
            if (acceleratorType != null && accelerators > 0) {
                out.put(gpuMetric(acceleratorType, spot, quotas), accelerators);
            }
            // Compute Engine counts balanced and SSD persistent disks against SSD_TOTAL_GB, standard ones against DISKS_TOTAL_GB
            out.merge("pd-standard".equals(diskType) ? "DISKS_TOTAL_GB" : "SSD_TOTAL_GB", diskGb, Integer::sum);
            return out;
        }
    }

    /** Whether the GPUs the node pool names for driver installation are the ones Compute Engine says the type has. */
    static boolean acceleratorsAgree(String type, MachineShape shape) {
        var declared = io.codezero.gcp.GpuAccelerators.of(type);
        if (shape.acceleratorType() == null || shape.accelerators() == 0) {
            return declared.isEmpty();
        }
        return declared.isPresent() && declared.get().type().equals(shape.acceleratorType()) && declared.get().count() == shape.accelerators();
    }

    private static MachineShape shape(String type, JsonObject machineType) {
        String accelerator = null;
        int count = 0;
        if (machineType.has("accelerators") && machineType.get("accelerators").isJsonArray()) {
            for (JsonElement a : machineType.getAsJsonArray("accelerators")) {
                accelerator = string(a.getAsJsonObject(), "guestAcceleratorType");
                count += (int) number(a.getAsJsonObject(), "guestAcceleratorCount");
            }
        }
        return new MachineShape(type, (int) number(machineType, "guestCpus"), accelerator, count);
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
        /**
         * Enough room for {@code needed} (this cluster at its maximum, with upgrade nodes) when this cluster's own
         * {@code existing} share of the usage is counted as already held.
         */
        CheckResult verdict(int needed, int existing, String pools, String region, String project) {
            int free = (int) Math.floor(limit - usage);
            int increase = Math.max(needed - existing, 0);
            String unit = unit(metric);
            String held = existing > 0 ? " (" + existing + " of them by this cluster's nodes)" : "";
            if (increase > free) {
                return CheckResult.fail("quota", "quota " + metric + " in " + region + " is " + (int) limit + " with " + (int) usage
                        + " in use" + held + ", so " + Math.max(free, 0) + " are free, but " + pools + " need " + increase + " more " + unit
                        + " at maximum size with upgrade surge (" + needed + " in all); request more at https://console.cloud.google.com/iam-admin/quotas?project="
                        + project + " or lower maxNodes");
            }
            return CheckResult.pass("quota", metric + " in " + region + " has " + free + " " + unit + " free" + held + "; " + pools
                    + " need " + increase + " more (" + needed + " in all at maximum size with upgrade surge)");
        }

        private static String unit(String metric) {
            return metric.endsWith("_GB") ? "GB" : metric.endsWith("_GPUS") ? "GPUs" : metric.equals(EXTERNAL_ADDRESSES) ? "addresses" : "vCPUs";
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
