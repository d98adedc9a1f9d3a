package io.codezero.gcp;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Google-Cloud-specific about a cluster; the cloud-neutral part (version, pools, CIDRs,
 * API allowlist, tags) stays in the {@link io.codezero.core.spec.ClusterSpec}. Plain Java with no
 * Pulumi types, so the command-line preflight reads it too. Defaults are the secure ones.
 */
public final class GcpTargetArgs {
    /** The default kubeconfig exec command: the {@code codezero-gke-token} helper on the PATH (see docs/gcp.md). */
    public static final List<String> DEFAULT_TOKEN_COMMAND = List.of("codezero-gke-token");
    /** The control plane's private range: a /28 no VPC range overlaps by default. */
    public static final String DEFAULT_MASTER_CIDR = "172.16.0.0/28";
    /** Weekend nights (UTC): the only time GKE may start automatic maintenance. */
    public static final String DEFAULT_WINDOW_START = "2025-01-04T02:00:00Z";
    /** End of the default first maintenance window: 6 hours after {@link #DEFAULT_WINDOW_START}. */
    public static final String DEFAULT_WINDOW_END = "2025-01-04T08:00:00Z";
    /** The default recurrence: every Saturday and Sunday (RFC 5545 RRULE). */
    public static final String DEFAULT_WINDOW_RECURRENCE = "FREQ=WEEKLY;BYDAY=SA,SU";

    private final String project;
    private final String region;
    private final List<String> zones;
    private final String existingNetwork;
    private final String existingSubnetwork;
    private final String podRangeName;
    private final String serviceRangeName;
    private final String masterCidr;
    private final ReleaseChannel releaseChannel;
    private final String maintenanceStart;
    private final String maintenanceEnd;
    private final String maintenanceRecurrence;
    private final String noMinorUpgradesStart;
    private final String noMinorUpgradesEnd;
    private final Map<SizeClass, String> machineTypeOverrides;
    private final MachineTypes machineTypes;
    private final String kmsKeyName;
    private final boolean deletionProtection;
    private final List<String> tokenCommand;
    private final boolean preflight;
    private final boolean enableApis;
    private final UpgradeStrategy upgradeStrategy;
    private final int maxSurge;
    private final int maxUnavailable;
    private final String blueGreenSoak;
    private final int diskSizeGb;
    private final String diskType;

    private GcpTargetArgs(Builder b) {
        this.project = b.project;
        this.region = b.region;
        this.zones = List.copyOf(b.zones);
        this.existingNetwork = b.existingNetwork;
        this.existingSubnetwork = b.existingSubnetwork;
        this.podRangeName = b.podRangeName;
        this.serviceRangeName = b.serviceRangeName;
        this.masterCidr = b.masterCidr;
        this.releaseChannel = b.releaseChannel;
        this.maintenanceStart = b.maintenanceStart;
        this.maintenanceEnd = b.maintenanceEnd;
        this.maintenanceRecurrence = b.maintenanceRecurrence;
        this.noMinorUpgradesStart = b.noMinorUpgradesStart;
        this.noMinorUpgradesEnd = b.noMinorUpgradesEnd;
        this.machineTypeOverrides = Map.copyOf(b.machineTypeOverrides);
        this.machineTypes = MachineTypes.withOverrides(machineTypeOverrides);
        this.kmsKeyName = b.kmsKeyName;
        this.deletionProtection = b.deletionProtection;
        this.tokenCommand = List.copyOf(b.tokenCommand);
        this.preflight = b.preflight;
        this.enableApis = b.enableApis;
        this.upgradeStrategy = b.upgradeStrategy;
        this.maxSurge = b.maxSurge;
        this.maxUnavailable = b.maxUnavailable;
        this.blueGreenSoak = b.blueGreenSoak;
        this.diskSizeGb = b.diskSizeGb;
        this.diskType = b.diskType;
    }

    /**
     * Starts with the secure defaults: release channel REGULAR, weekend-night maintenance, deletion protection on,
     * surge upgrades (1 extra node, none unavailable), 100 GB pd-balanced disks, no preflight.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code codezero:gcp} config object. Type errors and unknown keys are added to the
     * object's problem list (never thrown), so the caller reports them with every other problem.
     * @param gcp the {@code codezero:gcp} config object
     * @return the arguments read; check the object's problems before using them
     */
    public static GcpTargetArgs fromConfig(ConfigObject gcp) {
        Builder b = builder();
        b.project(gcp.string("project", null));
        b.region(gcp.string("region", null));
        b.zones(gcp.distinctStrings("zones"));
        if (gcp.has("zones") && b.zones.isEmpty() && gcp.problems().stream().noneMatch(p -> p.field().startsWith(gcp.path() + ".zones"))) {
            gcp.problems().add(Problem.of(gcp.path() + ".zones", "[]", "is empty; list the zones for the nodes, or remove zones "
                    + "to let GKE choose three zones of the region"));
        }
        ConfigObject network = gcp.object("network");
        b.existingNetwork(network.string("name", null));
        b.existingSubnetwork(network.string("subnetwork", null));
        b.podRangeName(network.string("podRangeName", b.podRangeName));
        b.serviceRangeName(network.string("serviceRangeName", b.serviceRangeName));
        network.rejectUnknownKeys();
        b.masterCidr(gcp.string("masterCidr", b.masterCidr));
        String channel = gcp.string("releaseChannel", b.releaseChannel.name());
        ReleaseChannel.parse(channel).ifPresentOrElse(b::releaseChannel, () -> gcp.problems().add(Problem.of(
                gcp.path() + ".releaseChannel", channel, "is not a GKE release channel; valid channels are " + ReleaseChannel.validIds())));
        ConfigObject maintenance = gcp.object("maintenance");
        List<String> windowKeys = List.of("start", "end", "recurrence");
        if (windowKeys.stream().anyMatch(maintenance::has) && !windowKeys.stream().allMatch(maintenance::has)) {
            gcp.problems().add(Problem.of(maintenance.path(), windowKeys.stream().filter(maintenance::has).toList(), "gives only part of "
                    + "a maintenance window; give start, end and recurrence together (the defaults are a different window)"));
        }
        b.maintenanceWindow(maintenance.string("start", b.maintenanceStart), maintenance.string("end", b.maintenanceEnd),
                maintenance.string("recurrence", b.maintenanceRecurrence));
        ConfigObject freeze = maintenance.object("noMinorUpgrades");
        if (maintenance.has("noMinorUpgrades")) {
            b.noMinorUpgrades(freeze.string("start", null), freeze.string("end", null));
        }
        freeze.rejectUnknownKeys();
        maintenance.rejectUnknownKeys();
        ConfigObject types = gcp.object("machineTypes");
        for (SizeClass sizeClass : SizeClass.values()) {
            String type = types.string(sizeClass.id(), null);
            if (type != null) {
                b.machineType(sizeClass, type);
            }
        }
        types.rejectUnknownKeys();
        b.kmsKeyName(gcp.string("kmsKeyName", null));
        b.deletionProtection(gcp.bool("deletionProtection", b.deletionProtection));
        if (gcp.has("tokenCommand")) {
            b.tokenCommand(gcp.strings("tokenCommand"));
        }
        b.preflight(gcp.bool("preflight", b.preflight));
        b.enableApis(gcp.bool("enableApis", b.enableApis));
        ConfigObject upgrades = gcp.object("upgrades");
        String strategy = upgrades.string("strategy", b.upgradeStrategy.name());
        UpgradeStrategy.parse(strategy).ifPresentOrElse(b::upgradeStrategy, () -> gcp.problems().add(Problem.of(
                upgrades.path() + ".strategy", strategy, "is not a node pool upgrade strategy; valid strategies are " + UpgradeStrategy.validIds())));
        b.maxSurge(upgrades.integer("maxSurge", b.maxSurge));
        b.maxUnavailable(upgrades.integer("maxUnavailable", b.maxUnavailable));
        b.blueGreenSoak(upgrades.string("blueGreenSoak", b.blueGreenSoak));
        boolean blueGreen = strategy.equalsIgnoreCase("BLUE_GREEN") || strategy.equalsIgnoreCase("blue-green");
        for (String key : blueGreen ? List.of("maxSurge", "maxUnavailable") : List.of("blueGreenSoak")) {
            if (upgrades.has(key)) {
                gcp.problems().add(Problem.of(upgrades.path() + "." + key, "<set>", "is not used by the " + strategy + " upgrade strategy; "
                        + (blueGreen ? "maxSurge and maxUnavailable are for SURGE" : "blueGreenSoak is for BLUE_GREEN") + ": remove it or change strategy"));
            }
        }
        upgrades.rejectUnknownKeys();
        b.diskSizeGb(gcp.integer("diskSizeGb", b.diskSizeGb));
        b.diskType(gcp.string("diskType", b.diskType));
        gcp.rejectUnknownKeys();
        return b.build();
    }

    /** {@return the project ID the cluster lives in; {@code null} if none was set (validation refuses that)} */
    public String project() {
        return project;
    }

    /** {@return the cluster's region, e.g. {@code europe-west1}} */
    public String region() {
        return region;
    }

    /**
     * Explicit zones for the nodes; empty means GKE's choice of three zones in the region.
     * @return the zone names; may be empty
     */
    public List<String> zones() {
        return zones;
    }

    /** {@return true if an existing network or subnetwork is adopted rather than created} */
    public boolean adoptsNetwork() {
        return existingNetwork != null || existingSubnetwork != null;
    }

    /** {@return the adopted VPC network (name or self link), or empty to create one} */
    public Optional<String> existingNetwork() {
        return Optional.ofNullable(existingNetwork);
    }

    /** {@return the adopted subnetwork (name or self link), or empty to create one} */
    public Optional<String> existingSubnetwork() {
        return Optional.ofNullable(existingSubnetwork);
    }

    /**
     * Name of the subnet's secondary range for pods (ours, or the adopted subnet's).
     * @return the range's name (default {@code pods})
     */
    public String podRangeName() {
        return podRangeName;
    }

    /**
     * {@return the name of the subnet's secondary range for services (default {@code services}); must differ from the
     * pods' range}
     */
    public String serviceRangeName() {
        return serviceRangeName;
    }

    /** {@return the /28 of the control plane's private endpoint (default {@link #DEFAULT_MASTER_CIDR})} */
    public String masterCidr() {
        return masterCidr;
    }

    /** {@return the GKE release channel (default REGULAR; UNSPECIFIED lets nodes skip auto-upgrade)} */
    public ReleaseChannel releaseChannel() {
        return releaseChannel;
    }

    /** {@return the first maintenance window's start, RFC 3339 (default {@link #DEFAULT_WINDOW_START})} */
    public String maintenanceStart() {
        return maintenanceStart;
    }

    /** {@return the first maintenance window's end, RFC 3339 (default {@link #DEFAULT_WINDOW_END})} */
    public String maintenanceEnd() {
        return maintenanceEnd;
    }

    /** {@return how the maintenance window recurs, an RFC 5545 RRULE (default {@link #DEFAULT_WINDOW_RECURRENCE})} */
    public String maintenanceRecurrence() {
        return maintenanceRecurrence;
    }

    /**
     * A maintenance exclusion of scope NO_MINOR_UPGRADES: when set, GKE moves no minor version on its own.
     * @return true if a start or end of the exclusion was given
     */
    public boolean freezesMinorUpgrades() {
        return noMinorUpgradesStart != null || noMinorUpgradesEnd != null;
    }

    /** {@return the start of the no-minor-upgrades exclusion, RFC 3339, or {@code null} for none} */
    public String noMinorUpgradesStart() {
        return noMinorUpgradesStart;
    }

    /** {@return the end of the no-minor-upgrades exclusion, RFC 3339, or {@code null} for none} */
    public String noMinorUpgradesEnd() {
        return noMinorUpgradesEnd;
    }

    /** {@return the machine types set per size class, replacing the defaults for those classes} */
    public Map<SizeClass, String> machineTypeOverrides() {
        return machineTypeOverrides;
    }

    /** {@return the machine type per size class: the overrides over {@link MachineTypes#DEFAULTS}} */
    public MachineTypes machineTypes() {
        return machineTypes;
    }

    /** {@return the Cloud KMS key that encrypts Kubernetes secrets, or empty to create a key} */
    public Optional<String> kmsKeyName() {
        return Optional.ofNullable(kmsKeyName);
    }

    /** {@return whether GKE refuses to delete the cluster (default true)} */
    public boolean deletionProtection() {
        return deletionProtection;
    }

    /** {@return the kubeconfig exec command (default {@link #DEFAULT_TOKEN_COMMAND})} */
    public List<String> tokenCommand() {
        return tokenCommand;
    }

    /** {@return whether the preflight runs before anything registers (only under the Pulumi CLI; default false)} */
    public boolean preflight() {
        return preflight;
    }

    /**
     * Whether the deploy enables the APIs a cluster needs (container, compute, cloudkms, iam, cloudresourcemanager).
     * @return true if the deploy enables them (default false)
     */
    public boolean enableApis() {
        return enableApis;
    }

    /** {@return how node pools are upgraded (default SURGE)} */
    public UpgradeStrategy upgradeStrategy() {
        return upgradeStrategy;
    }

    /** {@return surge upgrades: how many extra nodes per zone an upgrade may add (0 or more, default 1)} */
    public int maxSurge() {
        return maxSurge;
    }

    /**
     * {@return surge upgrades: how many nodes per zone may be down at once (0 or more, default 0; with maxSurge not
     * both 0)}
     */
    public int maxUnavailable() {
        return maxUnavailable;
    }

    /**
     * {@return blue-green upgrades: how long the old nodes are kept, in seconds with an {@code s} suffix (default
     * {@code 1800s}, at most {@code 604800s})}
     */
    public String blueGreenSoak() {
        return blueGreenSoak;
    }

    /** {@return the nodes' boot disk size in GB (10 to 65536, default 100)} */
    public int diskSizeGb() {
        return diskSizeGb;
    }

    /** {@return the nodes' boot disk type: {@code pd-standard}, {@code pd-balanced} (default) or {@code pd-ssd}} */
    public String diskType() {
        return diskType;
    }

    /** Collects the arguments; unset values keep the defaults listed on {@link GcpTargetArgs#builder()}. */
    public static final class Builder {
        private String project;
        private String region;
        private final List<String> zones = new ArrayList<>();
        private String existingNetwork;
        private String existingSubnetwork;
        private String podRangeName = "pods";
        private String serviceRangeName = "services";
        private String masterCidr = DEFAULT_MASTER_CIDR;
        private ReleaseChannel releaseChannel = ReleaseChannel.REGULAR;
        private String maintenanceStart = DEFAULT_WINDOW_START;
        private String maintenanceEnd = DEFAULT_WINDOW_END;
        private String maintenanceRecurrence = DEFAULT_WINDOW_RECURRENCE;
        private String noMinorUpgradesStart;
        private String noMinorUpgradesEnd;
        private final Map<SizeClass, String> machineTypeOverrides = new EnumMap<>(SizeClass.class);
        private String kmsKeyName;
        private boolean deletionProtection = true;
        private final List<String> tokenCommand = new ArrayList<>(DEFAULT_TOKEN_COMMAND);
        private boolean preflight;
        private boolean enableApis;
        private UpgradeStrategy upgradeStrategy = UpgradeStrategy.SURGE;
        private int maxSurge = 1;
        private int maxUnavailable = 0;
        private String blueGreenSoak = "1800s";
        private int diskSizeGb = 100;
        private String diskType = "pd-balanced";

        /**
         * The project id the cluster lives in (required).
         * @param project a project ID such as {@code my-project-123}
         * @return this builder
         */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /**
         * The region of the (regional) cluster, e.g. europe-west1 (required).
         * @param region a region such as {@code europe-west1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Pins the node zones instead of GKE's choice of three in the region.
         * @param zones zone names in the cluster's region, e.g. {@code europe-west1-b}, none blank
         * @return this builder
         */
        public Builder zones(List<String> zones) {
            this.zones.clear();
            this.zones.addAll(io.codezero.core.validation.Arguments.items(zones, "GcpTargetArgs.Builder.zones"));
            return this;
        }

        /**
         * Adopt an existing VPC network (name or self link) instead of creating one; its subnetwork is then required.
         * @param network the network's name or self link
         * @return this builder
         */
        public Builder existingNetwork(String network) {
            this.existingNetwork = network;
            return this;
        }

        /**
         * The adopted subnetwork (name or self link) in the cluster's region, with secondary ranges for pods and services.
         * @param subnetwork the subnetwork's name or self link
         * @return this builder
         */
        public Builder existingSubnetwork(String subnetwork) {
            this.existingSubnetwork = subnetwork;
            return this;
        }

        /**
         * The subnet's secondary range for pods (ours, or one the adopted subnet has).
         * @param name the range's name (default {@code pods})
         * @return this builder
         */
        public Builder podRangeName(String name) {
            this.podRangeName = name;
            return this;
        }

        /**
         * The subnet's secondary range for services (ours, or one the adopted subnet has).
         * @param name the range's name (default {@code services}); must differ from the pods' range
         * @return this builder
         */
        public Builder serviceRangeName(String name) {
            this.serviceRangeName = name;
            return this;
        }

        /**
         * The /28 the control plane's private endpoint gets; must not overlap any range of the network.
         * @param cidr a /28 in private address space (default {@link #DEFAULT_MASTER_CIDR})
         * @return this builder
         */
        public Builder masterCidr(String cidr) {
            this.masterCidr = cidr;
            return this;
        }

        /**
         * The GKE release channel; any channel forces node auto-upgrade, UNSPECIFIED leaves every upgrade to you.
         * @param channel the channel (default REGULAR)
         * @return this builder
         */
        public Builder releaseChannel(ReleaseChannel channel) {
            this.releaseChannel = channel;
            return this;
        }

        /**
         * When GKE may start automatic maintenance: RFC 3339 start and end of the first window and an RFC 5545 RRULE.
         * @param start the first window's start, RFC 3339, e.g. {@code 2025-01-04T02:00:00Z}
         * @param end its end; GKE needs at least 4 hours per window and 48 hours in any 32 days
         * @param recurrence an RRULE such as {@code FREQ=WEEKLY;BYDAY=SA,SU}
         * @return this builder
         */
        public Builder maintenanceWindow(String start, String end, String recurrence) {
            this.maintenanceStart = start;
            this.maintenanceEnd = end;
            this.maintenanceRecurrence = recurrence;
            return this;
        }

        /**
         * No automatic minor upgrades between these RFC 3339 times (at most until the minor's end of support).
         * @param start the exclusion's start, RFC 3339
         * @param end its end, RFC 3339
         * @return this builder
         */
        public Builder noMinorUpgrades(String start, String end) {
            this.noMinorUpgradesStart = start;
            this.noMinorUpgradesEnd = end;
            return this;
        }

        /**
         * The machine type for one size class, replacing {@link MachineTypes#DEFAULTS}' choice.
         * @param sizeClass the class pools ask for
         * @param machineType a Compute Engine machine type such as {@code n2-standard-4}; the preflight checks the
         *     region offers it
         * @return this builder
         */
        public Builder machineType(SizeClass sizeClass, String machineType) {
            machineTypeOverrides.put(sizeClass, machineType);
            return this;
        }

        /**
         * Adopt a Cloud KMS key (projects/P/locations/REGION/keyRings/R/cryptoKeys/K) for secrets encryption.
         * @param name the key's full resource name, in the cluster's region
         * @return this builder
         */
        public Builder kmsKeyName(String name) {
            this.kmsKeyName = name;
            return this;
        }

        /**
         * Default true: `pulumi destroy` refuses to delete the cluster until this is set false and applied.
         * @param protect false to allow deletion (apply that before destroying)
         * @return this builder
         */
        public Builder deletionProtection(boolean protect) {
            this.deletionProtection = protect;
            return this;
        }

        /**
         * The kubeconfig exec command; default {@link #DEFAULT_TOKEN_COMMAND}.
         * @param command the program and its arguments, none blank
         * @return this builder
         */
        public Builder tokenCommand(List<String> command) {
            tokenCommand.clear();
            tokenCommand.addAll(io.codezero.core.validation.Arguments.items(command, "GcpTargetArgs.Builder.tokenCommand"));
            return this;
        }

        /**
         * Run the preflight before registering anything (only when the Pulumi CLI drives the program).
         * @param preflight true to check the project, APIs, quotas and machine types first
         * @return this builder
         */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        /**
         * Enable the APIs a cluster needs as part of the deploy, before anything that uses them (a fresh project has
         * them off, and GKE's service agent, which the KMS grant names, exists only once the container API is on).
         * They stay enabled after a destroy: other things in the project may use them.
         * @param enableApis true to enable them in the deploy (default false: they must be on already)
         * @return this builder
         */
        public Builder enableApis(boolean enableApis) {
            this.enableApis = enableApis;
            return this;
        }

        /**
         * How node pools are upgraded.
         * @param strategy SURGE (default) or BLUE_GREEN
         * @return this builder
         */
        public Builder upgradeStrategy(UpgradeStrategy strategy) {
            this.upgradeStrategy = strategy;
            return this;
        }

        /**
         * Surge upgrades: extra nodes per zone an upgrade may add.
         * @param maxSurge 0 or more (default 1); not 0 together with maxUnavailable
         * @return this builder
         */
        public Builder maxSurge(int maxSurge) {
            this.maxSurge = maxSurge;
            return this;
        }

        /**
         * Surge upgrades: nodes per zone that may be unavailable at once.
         * @param maxUnavailable 0 or more (default 0)
         * @return this builder
         */
        public Builder maxUnavailable(int maxUnavailable) {
            this.maxUnavailable = maxUnavailable;
            return this;
        }

        /**
         * Blue-green only: how long the old nodes are kept after the new ones took the load, e.g. 1800s.
         * @param duration seconds with an {@code s} suffix, at most {@code 604800s} (default {@code 1800s})
         * @return this builder
         */
        public Builder blueGreenSoak(String duration) {
            this.blueGreenSoak = duration;
            return this;
        }

        /**
         * The nodes' boot disk size.
         * @param gb 10 to 65536 GB (default 100)
         * @return this builder
         */
        public Builder diskSizeGb(int gb) {
            this.diskSizeGb = gb;
            return this;
        }

        /**
         * The nodes' boot disk type.
         * @param type {@code pd-standard}, {@code pd-balanced} (default) or {@code pd-ssd}
         * @return this builder
         */
        public Builder diskType(String type) {
            this.diskType = type;
            return this;
        }

        /**
         * Freezes the values; they are checked by the validator when the stack plans.
         * @return the arguments
         */
        public GcpTargetArgs build() {
            return new GcpTargetArgs(this);
        }
    }
}
