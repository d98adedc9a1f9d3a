package io.codezero.gcp;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Cidr;
import io.codezero.core.validation.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Cloud rules on top of the shared ones: what GKE, Compute Engine, IAM and Cloud KMS would
 * reject at deploy time, found at program time instead, all at once. Field paths match the config
 * keys ({@code gcp.*} for the {@code codezero:gcp} section).
 */
public final class GcpValidator {
    /** GKE node pool names: at most 40 characters; we append "-" and 4 hex digits (see NodePools). */
    static final int MAX_GKE_POOL_NAME = 40;
    static final int POOL_SUFFIX = 5;
    /** GKE accepts at most 50 control-plane authorized networks. */
    static final int MAX_AUTHORIZED_NETWORKS = 50;
    /** GKE upgrades at most 20 nodes of a pool at once (max surge + max unavailable). */
    static final int MAX_PARALLEL_UPGRADES = 20;
    static final Set<String> DISK_TYPES = Set.of("pd-standard", "pd-balanced", "pd-ssd");
    /** GKE's zones for a regional cluster's nodes when none are configured. */
    static final int DEFAULT_ZONES = 3;
    /** The prefix length of each node's pod range at GKE's default of 110 pods per node. */
    static final int POD_RANGE_PER_NODE = 24;
    /** Addresses Google keeps in every subnet's primary range (network, gateway, second-to-last, broadcast). */
    static final int RESERVED_SUBNET_ADDRESSES = 4;

    /** Project ids: 6-30 lowercase letters, digits or '-', starting with a letter, not ending with '-'. */
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    /** Regions: a continent, a direction and a number, e.g. europe-west1, us-central1, northamerica-northeast2. */
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]{1,2}");
    /** Compute resource names (RFC 1035): 1-63, lowercase letter first, no trailing '-'. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SELF_LINK = Pattern.compile(
            "(https://www\\.googleapis\\.com/compute/v1/)?projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/(global/networks|regions/([a-z]+-[a-z]+[0-9]{1,2})/subnetworks)/[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern KMS_KEY = Pattern.compile(
            "projects/([a-z][a-z0-9-]{4,28}[a-z0-9])/locations/([a-z0-9-]+)/keyRings/[a-zA-Z0-9_-]{1,63}/cryptoKeys/[a-zA-Z0-9_-]{1,63}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(\\.\\d{1,9})?s");

    private GcpValidator() {
    }

    /**
     * Everything about {@code args} (and the GKE-specific limits on {@code spec}) Google Cloud would refuse, checked
     * without calling it.
     * @param spec the cluster spec
     * @param args the Google Cloud settings
     * @return the problems found; empty if none
     */
    public static List<Problem> validate(ClusterSpec spec, GcpTargetArgs args) {
        List<Problem> problems = new ArrayList<>();
        validateLocation(args, problems);
        validateNetwork(spec, args, problems);
        validatePools(spec, args, problems);
        validateUpgrades(args, problems);
        validateArgs(args, problems);
        problems.addAll(GcpLabels.problems(spec.tags()));
        return problems;
    }

    private static void validateLocation(GcpTargetArgs args, List<Problem> problems) {
        String project = args.project();
        if (project == null || project.isBlank()) {
            problems.add(Problem.of("gcp.project", project, "is required: the id of the Google Cloud project, for example acme-platform-prod"));
        } else if (!PROJECT_ID.matcher(project).matches()) {
            problems.add(Problem.of("gcp.project", project,
                    "is not a project id: 6-30 lowercase letters, digits or '-', starting with a letter and not ending with '-' (the id, not the display name or number)"));
        }
        String region = args.region();
        if (region == null || region.isBlank()) {
            problems.add(Problem.of("gcp.region", region, "is required, for example europe-west1"));
        } else if (!REGION.matcher(region).matches()) {
            problems.add(Problem.of("gcp.region", region, "is not a Google Cloud region name; expected something like europe-west1 or us-central1 (a zone such as europe-west1-b is not a region)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.zones().size(); i++) {
            String zone = args.zones().get(i);
            if (region != null && !zone.matches(Pattern.quote(region) + "-[a-z]")) {
                problems.add(Problem.of("gcp.zones[" + i + "]", zone, "is not a zone of region " + region + " (expected " + region + "-a, " + region + "-b, ...)"));
            }
            if (!seen.add(zone)) {
                problems.add(Problem.of("gcp.zones[" + i + "]", zone, "is listed twice"));
            }
        }
    }

    private static void validateNetwork(ClusterSpec spec, GcpTargetArgs args, List<Problem> problems) {
        NetworkSpec network = spec.network();
        if (!network.privateApiOnly() && network.apiAccessAllowlist().isEmpty()) {
            problems.add(Problem.of("network.apiAccessAllowlist", "[]",
                    "is empty, so the public control-plane endpoint would accept the whole internet; list the CIDRs that may reach it (your office or CI egress /32) or set privateApiOnly: true"));
        }
        if (network.privateApiOnly() && !network.privateNodes()) {
            problems.add(Problem.of("network.privateApiOnly", true, "needs private nodes on GKE (a private endpoint exists only on a private cluster); remove privateNodes: false"));
        }
        if (network.privateApiOnly() && network.apiAccessAllowlist().isEmpty() && args.adoptsNetwork()) {
            problems.add(Problem.of("network.apiAccessAllowlist", "[]",
                    "is empty with privateApiOnly in an adopted network, whose ranges we do not know: list the private CIDRs (subnet, VPN, CI runners) from which pulumi up and kubectl reach the private endpoint"));
        }
        if (network.apiAccessAllowlist().size() > MAX_AUTHORIZED_NETWORKS) {
            problems.add(Problem.of("network.apiAccessAllowlist", network.apiAccessAllowlist().size() + " entries",
                    "GKE accepts at most " + MAX_AUTHORIZED_NETWORKS + " authorized networks; merge ranges"));
        }
        for (int i = 0; i < network.apiAccessAllowlist().size(); i++) {
            String cidr = network.apiAccessAllowlist().get(i);
            if (cidr != null && cidr.contains(":")) {
                problems.add(Problem.of("network.apiAccessAllowlist[" + i + "]", cidr, "GKE authorized networks are IPv4 only; use the IPv4 egress range"));
            }
        }
        Optional<Cidr> master = Cidr.parse(args.masterCidr());
        if (master.isEmpty() || master.get().prefixLength() != 28) {
            problems.add(Problem.of("gcp.masterCidr", args.masterCidr(), "must be an IPv4 /28 (GKE's rule for the control plane's private range), for example 172.16.0.0/28"));
        } else if (!isPrivate(master.get())) {
            problems.add(Problem.of("gcp.masterCidr", args.masterCidr(), "must be a private (RFC 1918) range such as 172.16.0.0/28"));
        } else {
            Map<String, String> ranges = args.adoptsNetwork() ? Map.of()
                    : Map.of("network.vpcCidr", network.vpcCidr(), "network.podCidr", network.podCidr(), "network.serviceCidr", network.serviceCidr());
            ranges.forEach((field, text) -> Cidr.parse(text).filter(master.get()::overlaps).ifPresent(c -> problems.add(Problem.of(
                    "gcp.masterCidr", args.masterCidr(), "overlaps " + field + " (" + text + "); choose a /28 outside every range of the network"))));
        }
        if (args.adoptsNetwork()) {
            checkAdopted("gcp.network.name", args.existingNetwork().orElse(null), "global/networks", problems);
            checkAdopted("gcp.network.subnetwork", args.existingSubnetwork().orElse(null), "subnetworks", problems);
            args.existingSubnetwork().map(SELF_LINK::matcher).filter(Matcher::matches).map(m -> m.group(3))
                    .filter(r -> args.region() != null && !r.equals(args.region()))
                    .ifPresent(r -> problems.add(Problem.of("gcp.network.subnetwork", args.existingSubnetwork().get(),
                            "is in region " + r + ", not " + args.region() + ": GKE nodes must use a subnet of the cluster's region")));
            for (SpecUnused unused : List.of(
                    new SpecUnused("network.vpcCidr", network.vpcCidr(), NetworkSpec.DEFAULT_VPC_CIDR),
                    new SpecUnused("network.podCidr", network.podCidr(), NetworkSpec.DEFAULT_POD_CIDR),
                    new SpecUnused("network.serviceCidr", network.serviceCidr(), NetworkSpec.DEFAULT_SERVICE_CIDR))) {
                if (!unused.defaultValue().equals(unused.value())) {
                    problems.add(Problem.of(unused.field(), unused.value(), "has no effect with an adopted network (its subnet and secondary ranges decide); remove it"));
                }
            }
        }
        if (!args.adoptsNetwork()) {
            checkNodeRoom(spec, args, problems);
        }
        checkRangeName("gcp.network.podRangeName", args.podRangeName(), problems);
        checkRangeName("gcp.network.serviceRangeName", args.serviceRangeName(), problems);
        if (args.podRangeName() != null && args.podRangeName().equals(args.serviceRangeName())) {
            problems.add(Problem.of("gcp.network.serviceRangeName", args.serviceRangeName(), "must differ from podRangeName: pods and services need separate ranges"));
        }
    }

    private record SpecUnused(String field, String value, String defaultValue) {
    }

    private static void checkAdopted(String field, String value, String kind, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(field, value, "is required when adopting a network: give both gcp.network.name and gcp.network.subnetwork"));
        } else if (!RESOURCE_NAME.matcher(value).matches() && !(SELF_LINK.matcher(value).matches() && value.contains(kind))) {
            problems.add(Problem.of(field, value, "is neither a resource name (lowercase letters, digits, '-', at most 63) nor a self link such as projects/P/" + kind.replace("subnetworks", "regions/R/subnetworks") + "/NAME"));
        }
    }

    /**
     * GKE gives every node a /24 of the pod range (110 pods per node, its default, which the target keeps) and one
     * address of the node subnet, whose first two and last two addresses Google reserves. A node that finds no free
     * /24 is never created ("Configure maximum Pods per node": node creation is limited by the pod range), so the
     * pools must fit at their maximum size plus the nodes an upgrade adds beside them.
     */
    private static void checkNodeRoom(ClusterSpec spec, GcpTargetArgs args, List<Problem> problems) {
        int zones = args.zones().isEmpty() ? DEFAULT_ZONES : args.zones().size();
        long nodes = 0;
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            nodes += pool.maxNodes() + (args.upgradeStrategy() == UpgradeStrategy.BLUE_GREEN ? pool.maxNodes() : (long) Math.max(args.maxSurge(), 0) * zones);
        }
        String need = "the pools reach " + nodes + " nodes at maxNodes with upgrade surge";
        Optional<Cidr> pods = Cidr.parse(spec.network().podCidr());
        if (pods.isPresent() && pods.get().prefixLength() <= POD_RANGE_PER_NODE && pods.get().size() / (1L << (32 - POD_RANGE_PER_NODE)) < nodes) {
            long fits = pods.get().size() / (1L << (32 - POD_RANGE_PER_NODE));
            problems.add(Problem.of("network.podCidr", spec.network().podCidr(), "holds pod ranges for " + fits + " nodes (GKE gives each node a /"
                    + POD_RANGE_PER_NODE + " for its 110 pods), but " + need + "; use a /" + prefixFor(nodes * (1L << (32 - POD_RANGE_PER_NODE)))
                    + " or larger, or lower maxNodes"));
        }
        Optional<Cidr> subnet = Cidr.parse(spec.network().vpcCidr());
        if (subnet.isPresent() && subnet.get().size() - RESERVED_SUBNET_ADDRESSES < nodes) {
            problems.add(Problem.of("network.vpcCidr", spec.network().vpcCidr(), "has " + Math.max(subnet.get().size() - RESERVED_SUBNET_ADDRESSES, 0)
                    + " addresses for nodes (Google reserves " + RESERVED_SUBNET_ADDRESSES + " of every subnet), but " + need + "; use a /"
                    + prefixFor(nodes + RESERVED_SUBNET_ADDRESSES) + " or larger, or lower maxNodes"));
        }
    }

    /** The longest prefix whose range holds {@code addresses}. */
    private static int prefixFor(long addresses) {
        int prefix = 32;
        while (prefix > 0 && (1L << (32 - prefix)) < addresses) {
            prefix--;
        }
        return prefix;
    }

    private static void checkRangeName(String field, String name, List<Problem> problems) {
        if (name == null || !RESOURCE_NAME.matcher(name).matches()) {
            problems.add(Problem.of(field, name, "is not a secondary range name: 1-63 lowercase letters, digits or '-', starting with a letter"));
        }
    }

    private static boolean isPrivate(Cidr cidr) {
        return within(cidr, "10.0.0.0/8") || within(cidr, "172.16.0.0/12") || within(cidr, "192.168.0.0/16");
    }

    private static boolean within(Cidr cidr, String range) {
        Cidr outer = Cidr.parse(range).orElseThrow();
        return cidr.network() >= outer.network() && cidr.lastAddress() <= outer.lastAddress();
    }

    private static void validatePools(ClusterSpec spec, GcpTargetArgs args, List<Problem> problems) {
        MachineTypes types = args.machineTypes();
        for (int i = 0; i < spec.nodePoolsOrDefault().size(); i++) {
            NodePool pool = spec.nodePoolsOrDefault().get(i);
            String at = "nodePools[" + i + "]";
            if (pool.name() != null && pool.name().length() + POOL_SUFFIX > MAX_GKE_POOL_NAME) {
                problems.add(Problem.of(at + ".name", pool.name(), "is too long for a GKE node pool: at most " + (MAX_GKE_POOL_NAME - POOL_SUFFIX)
                        + " characters (GKE allows " + MAX_GKE_POOL_NAME + " and CodeZero appends a 5-character suffix)"));
            }
            Optional<String> type = types.resolve(pool.size());
            if (pool.size().explicitMachineType().isPresent() && !MachineTypes.looksLikeMachineType(type.orElse(null))) {
                problems.add(Problem.of(at + ".size", pool.size(), "is not a Compute Engine machine type; expected family-kind-vcpus such as n2-standard-4"));
            }
            if (pool.size().knownClass().isPresent() && type.isEmpty()) {
                problems.add(Problem.of(at + ".size", pool.size(), "has no machine type mapping; set gcp.machineTypes." + pool.size().sizeClass()));
            }
            if (pool.size().knownClass().filter(c -> c == SizeClass.GPU).isPresent() && type.isPresent() && !MachineTypes.isGpu(type.get())) {
                problems.add(Problem.of(at + ".size", "gpu -> " + type.get(),
                        "the gpu class must map to an accelerator-optimized machine type with GPUs attached (a2, a3, g2 ...); fix gcp.machineTypes.gpu"));
            } else if (type.isPresent() && MachineTypes.isGpu(type.get()) && GpuAccelerators.of(type.get()).isEmpty()) {
                problems.add(Problem.of(at + ".size", type.get(), "is a GPU machine type whose GPUs CodeZero cannot name for GKE's driver"
                        + " installation; use a g2-standard, a2-highgpu/megagpu/ultragpu or a3-highgpu/megagpu type"));
            }
        }
        for (Map.Entry<SizeClass, String> e : args.machineTypeOverrides().entrySet()) {
            if (!MachineTypes.looksLikeMachineType(e.getValue())) {
                problems.add(Problem.of("gcp.machineTypes." + e.getKey().id(), e.getValue(), "is not a Compute Engine machine type; expected family-kind-vcpus such as n2-standard-4"));
            }
        }
    }

    private static void validateUpgrades(GcpTargetArgs args, List<Problem> problems) {
        if (args.maxSurge() < 0) {
            problems.add(Problem.of("gcp.upgrades.maxSurge", args.maxSurge(), "must be 0 or more"));
        }
        if (args.maxUnavailable() < 0) {
            problems.add(Problem.of("gcp.upgrades.maxUnavailable", args.maxUnavailable(), "must be 0 or more"));
        }
        int parallel = args.maxSurge() + args.maxUnavailable();
        if (args.upgradeStrategy() == UpgradeStrategy.SURGE && (parallel < 1 || parallel > MAX_PARALLEL_UPGRADES)) {
            problems.add(Problem.of("gcp.upgrades", "maxSurge " + args.maxSurge() + " + maxUnavailable " + args.maxUnavailable(),
                    "must add up to between 1 and " + MAX_PARALLEL_UPGRADES + " (GKE upgrades that many nodes at once; 1 + 0 is the gentlest)"));
        }
        Matcher soak = DURATION.matcher(args.blueGreenSoak() == null ? "" : args.blueGreenSoak());
        if (!soak.matches() || Long.parseLong(soak.group(1)) > 7 * 24 * 3600) {
            problems.add(Problem.of("gcp.upgrades.blueGreenSoak", args.blueGreenSoak(), "must be a duration in seconds such as 1800s, at most 604800s (7 days)"));
        }
    }

    private static void validateArgs(GcpTargetArgs args, List<Problem> problems) {
        args.kmsKeyName().ifPresent(key -> {
            Matcher m = KMS_KEY.matcher(key);
            if (!m.matches()) {
                problems.add(Problem.of("gcp.kmsKeyName", key, "is not a Cloud KMS key name; expected projects/P/locations/REGION/keyRings/RING/cryptoKeys/KEY"));
            } else if (args.region() != null && !m.group(2).equals(args.region())) {
                problems.add(Problem.of("gcp.kmsKeyName", key, "is in location " + m.group(2) + "; GKE secrets encryption needs a key in the cluster's region " + args.region()));
            }
        });
        if (args.tokenCommand().isEmpty() || args.tokenCommand().get(0).isBlank()) {
            problems.add(Problem.of("gcp.tokenCommand", args.tokenCommand(), "must name the kubeconfig credential helper, e.g. [codezero-gke-token]"));
        }
        if (args.diskSizeGb() < 10 || args.diskSizeGb() > 65536) {
            problems.add(Problem.of("gcp.diskSizeGb", args.diskSizeGb(), "must be between 10 and 65536 GB (GKE's limits for a node boot disk)"));
        }
        if (!DISK_TYPES.contains(args.diskType())) {
            problems.add(Problem.of("gcp.diskType", args.diskType(), "must be one of " + String.join(", ", new java.util.TreeSet<>(DISK_TYPES))));
        }
        Optional<Instant> start = time("gcp.maintenance.start", args.maintenanceStart(), problems);
        Optional<Instant> end = time("gcp.maintenance.end", args.maintenanceEnd(), problems);
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            problems.add(Problem.of("gcp.maintenance.end", args.maintenanceEnd(), "must be after gcp.maintenance.start"));
        }
        if (args.maintenanceRecurrence() == null
                || !args.maintenanceRecurrence().matches("FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[-+,A-Z0-9]+)*")) {
            problems.add(Problem.of("gcp.maintenance.recurrence", args.maintenanceRecurrence(), "must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=SA,SU"));
        } else if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get())) {
            MaintenanceAvailability.problem(java.time.Duration.between(start.get(), end.get()), args.maintenanceRecurrence())
                    .ifPresent(why -> problems.add(Problem.of("gcp.maintenance", args.maintenanceStart() + " to " + args.maintenanceEnd()
                            + " " + args.maintenanceRecurrence(), why)));
        }
        if (args.freezesMinorUpgrades() && args.releaseChannel() == ReleaseChannel.UNSPECIFIED) {
            problems.add(Problem.of("gcp.maintenance.noMinorUpgrades", args.noMinorUpgradesStart() + " to " + args.noMinorUpgradesEnd(),
                    "needs a release channel: GKE offers the NO_MINOR_UPGRADES scope only to clusters enrolled in one; set gcp.releaseChannel"
                            + " (REGULAR, STABLE or RAPID), or leave the channels without the exclusion (then node versions change only by `pulumi up`)"));
        }
        if (args.freezesMinorUpgrades()) {
            Optional<Instant> from = time("gcp.maintenance.noMinorUpgrades.start", args.noMinorUpgradesStart(), problems);
            Optional<Instant> until = time("gcp.maintenance.noMinorUpgrades.end", args.noMinorUpgradesEnd(), problems);
            if (from.isPresent() && until.isPresent() && !until.get().isAfter(from.get())) {
                problems.add(Problem.of("gcp.maintenance.noMinorUpgrades.end", args.noMinorUpgradesEnd(), "must be after its start"));
            }
        }
    }

    private static Optional<Instant> time(String field, String text, List<Problem> problems) {
        if (text == null) {
            problems.add(Problem.of(field, null, "is required: an RFC 3339 time such as 2026-12-05T02:00:00Z"));
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, text, "is not an RFC 3339 UTC time such as 2026-12-05T02:00:00Z"));
            return Optional.empty();
        }
    }
}
