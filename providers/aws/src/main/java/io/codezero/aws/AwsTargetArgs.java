package io.codezero.aws;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything AWS-specific about a cluster; the cloud-neutral part (version, pools, CIDRs, API
 * allowlist) stays in the {@link io.codezero.core.spec.ClusterSpec}. Plain Java with no Pulumi
 * types, so the command-line preflight can read it too.
 */
public final class AwsTargetArgs {
    public static final List<String> ALL_LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    public static final List<String> DEFAULT_TOKEN_COMMAND = List.of("codezero-eks-token");

    private final String region;
    private final int zoneCount;
    private final List<String> availabilityZones;
    private final NatMode natMode;
    private final String existingVpcId;
    private final List<String> existingPrivateSubnetIds;
    private final List<String> existingPublicSubnetIds;
    private final Map<SizeClass, String> instanceTypeOverrides;
    private final InstanceTypes instanceTypes;
    private final String kmsKeyArn;
    private final List<String> controlPlaneLogTypes;
    private final List<String> adminPrincipalArns;
    private final List<String> tokenCommand;
    private final String awsProfile;
    private final boolean preflight;
    private final int maxUnavailablePercent;
    private final int rootVolumeGiB;
    private final int imdsHopLimit;
    private final boolean manageDesiredSize;
    private final Map<String, String> addonVersions;
    private final Integer zoneCountGiven;
    private final String supportType;
    private final io.codezero.aws.autoscaling.AutoscalerSettings clusterAutoscaler;

    /** EKS support tiers ({@code upgradePolicy.supportType}): STANDARD ends with the version's standard support. */
    public static final List<String> SUPPORT_TYPES = List.of("STANDARD", "EXTENDED");

    private AwsTargetArgs(Builder b) {
        this.region = b.region;
        this.zoneCount = b.availabilityZones.isEmpty() ? b.zoneCount : b.availabilityZones.size();
        this.zoneCountGiven = b.zoneCountGiven ? b.zoneCount : null;
        this.supportType = b.supportType;
        this.clusterAutoscaler = b.clusterAutoscaler;
        this.availabilityZones = List.copyOf(b.availabilityZones);
        this.natMode = Objects.requireNonNullElse(b.natMode, NatMode.ONE_PER_ZONE);
        this.existingVpcId = b.existingVpcId;
        this.existingPrivateSubnetIds = List.copyOf(b.existingPrivateSubnetIds);
        this.existingPublicSubnetIds = List.copyOf(b.existingPublicSubnetIds);
        this.instanceTypeOverrides = Map.copyOf(b.instanceTypeOverrides);
        this.instanceTypes = InstanceTypes.withOverrides(instanceTypeOverrides);
        this.kmsKeyArn = b.kmsKeyArn;
        this.controlPlaneLogTypes = List.copyOf(b.controlPlaneLogTypes);
        this.adminPrincipalArns = List.copyOf(b.adminPrincipalArns);
        this.tokenCommand = List.copyOf(b.tokenCommand);
        this.awsProfile = b.awsProfile;
        this.preflight = b.preflight;
        this.maxUnavailablePercent = b.maxUnavailablePercent;
        this.rootVolumeGiB = b.rootVolumeGiB;
        this.imdsHopLimit = b.imdsHopLimit;
        this.manageDesiredSize = b.manageDesiredSize;
        this.addonVersions = Map.copyOf(b.addonVersions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code codezero:aws} config object. Type errors and unknown keys are added to the
     * object's problem list (never thrown), so the caller reports them with every other problem.
     */
    public static AwsTargetArgs fromConfig(ConfigObject aws) {
        Builder b = builder();
        b.region(aws.string("region", null));
        if (aws.has("zoneCount")) {
            b.zoneCount(aws.integer("zoneCount", b.zoneCount));
        }
        b.availabilityZones(aws.strings("availabilityZones"));
        String nat = aws.string("natMode", NatMode.ONE_PER_ZONE.name());
        try {
            b.natMode(NatMode.valueOf(nat.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            aws.problems().add(Problem.of(aws.path() + ".natMode", nat, "is not a NAT mode; valid modes are " + NatMode.validIds()));
        }
        ConfigObject vpc = aws.object("vpc");
        b.existingVpcId(vpc.string("id", null));
        b.existingPrivateSubnetIds(vpc.strings("privateSubnetIds"));
        b.existingPublicSubnetIds(vpc.strings("publicSubnetIds"));
        vpc.rejectUnknownKeys();
        ConfigObject types = aws.object("instanceTypes");
        for (SizeClass sizeClass : SizeClass.values()) {
            // null when absent, or when not a single value (already a problem): the default stays
            String type = types.string(sizeClass.id(), null);
            if (type != null) {
                b.instanceType(sizeClass, type);
            }
        }
        types.rejectUnknownKeys();
        b.kmsKeyArn(aws.string("kmsKeyArn", null));
        if (aws.has("controlPlaneLogs")) {
            b.controlPlaneLogTypes(aws.distinctStrings("controlPlaneLogs"));
        }
        b.adminPrincipalArns(aws.distinctStrings("adminPrincipalArns"));
        if (aws.has("tokenCommand")) {
            b.tokenCommand(aws.strings("tokenCommand"));
        }
        b.awsProfile(aws.string("profile", null));
        b.preflight(aws.bool("preflight", b.preflight));
        b.maxUnavailablePercent(aws.integer("maxUnavailablePercent", b.maxUnavailablePercent));
        b.rootVolumeGiB(aws.integer("rootVolumeGiB", b.rootVolumeGiB));
        b.imdsHopLimit(aws.integer("imdsHopLimit", b.imdsHopLimit));
        b.manageDesiredSize(aws.bool("manageDesiredSize", b.manageDesiredSize));
        b.addonVersions(aws.stringMap("addonVersions"));
        b.supportType(aws.string("supportType", b.supportType));
        if (aws.has("clusterAutoscaler")) {
            b.clusterAutoscaler(io.codezero.aws.autoscaling.AutoscalerSettings.fromConfig(aws.object("clusterAutoscaler")));
        }
        aws.rejectUnknownKeys();
        return b.build();
    }

    public String region() {
        return region;
    }

    public int zoneCount() {
        return zoneCount;
    }

    /** Explicit zone names; empty means "the first {@link #zoneCount()} available zones of the region". */
    public List<String> availabilityZones() {
        return availabilityZones;
    }

    public NatMode natMode() {
        return natMode;
    }

    public Optional<String> existingVpcId() {
        return Optional.ofNullable(existingVpcId);
    }

    public boolean adoptsNetwork() {
        return existingVpcId != null;
    }

    public List<String> existingPrivateSubnetIds() {
        return existingPrivateSubnetIds;
    }

    public List<String> existingPublicSubnetIds() {
        return existingPublicSubnetIds;
    }

    public InstanceTypes instanceTypes() {
        return instanceTypes;
    }

    public Map<SizeClass, String> instanceTypeOverrides() {
        return instanceTypeOverrides;
    }

    public Optional<String> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public List<String> controlPlaneLogTypes() {
        return controlPlaneLogTypes;
    }

    public List<String> adminPrincipalArns() {
        return adminPrincipalArns;
    }

    public List<String> tokenCommand() {
        return tokenCommand;
    }

    public Optional<String> awsProfile() {
        return Optional.ofNullable(awsProfile);
    }

    public boolean preflight() {
        return preflight;
    }

    public int maxUnavailablePercent() {
        return maxUnavailablePercent;
    }

    public int rootVolumeGiB() {
        return rootVolumeGiB;
    }

    public int imdsHopLimit() {
        return imdsHopLimit;
    }

    public boolean manageDesiredSize() {
        return manageDesiredSize;
    }

    public Map<String, String> addonVersions() {
        return addonVersions;
    }

    /** The zone count the user wrote, if any (it may disagree with {@link #availabilityZones()}). */
    public Optional<Integer> zoneCountGiven() {
        return Optional.ofNullable(zoneCountGiven);
    }

    /**
     * The cluster's {@code upgradePolicy.supportType}: STANDARD (default) lets EKS upgrade a version
     * whose standard support ends; EXTENDED keeps it, billed per cluster-hour as extended support.
     */
    public String supportType() {
        return supportType;
    }

    /** The Cluster Autoscaler's settings; see {@link io.codezero.aws.autoscaling.AutoscalerSettings}. */
    public io.codezero.aws.autoscaling.AutoscalerSettings clusterAutoscaler() {
        return clusterAutoscaler;
    }

    public static final class Builder {
        private String region;
        private int zoneCount = 3;
        private final List<String> availabilityZones = new ArrayList<>();
        private NatMode natMode = NatMode.ONE_PER_ZONE;
        private String existingVpcId;
        private final List<String> existingPrivateSubnetIds = new ArrayList<>();
        private final List<String> existingPublicSubnetIds = new ArrayList<>();
        private final Map<SizeClass, String> instanceTypeOverrides = new EnumMap<>(SizeClass.class);
        private String kmsKeyArn;
        private final List<String> controlPlaneLogTypes = new ArrayList<>(ALL_LOG_TYPES);
        private final List<String> adminPrincipalArns = new ArrayList<>();
        private final List<String> tokenCommand = new ArrayList<>(DEFAULT_TOKEN_COMMAND);
        private String awsProfile;
        private boolean preflight;
        private int maxUnavailablePercent = 33;
        private int rootVolumeGiB = 50;
        private int imdsHopLimit = 1;
        private boolean manageDesiredSize;
        private final Map<String, String> addonVersions = new LinkedHashMap<>();
        private boolean zoneCountGiven;
        private String supportType = "STANDARD";
        private io.codezero.aws.autoscaling.AutoscalerSettings clusterAutoscaler = io.codezero.aws.autoscaling.AutoscalerSettings.DEFAULTS;

        /** The AWS region, e.g. eu-west-1 (required). */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** How many zones to spread over when no zone names are given; default 3. */
        public Builder zoneCount(int zoneCount) {
            this.zoneCount = zoneCount;
            this.zoneCountGiven = true;
            return this;
        }

        public Builder availabilityZones(List<String> zones) {
            availabilityZones.clear();
            availabilityZones.addAll(io.codezero.core.validation.Arguments.items(zones, "AwsTargetArgs.Builder.availabilityZones"));
            return this;
        }

        public Builder natMode(NatMode natMode) {
            this.natMode = io.codezero.core.validation.Arguments.given(natMode, "AwsTargetArgs.Builder.natMode");
            return this;
        }

        /** Adopt an existing VPC instead of creating one; its private subnets are then required. */
        public Builder existingVpcId(String vpcId) {
            this.existingVpcId = vpcId;
            return this;
        }

        public Builder existingPrivateSubnetIds(List<String> subnetIds) {
            existingPrivateSubnetIds.clear();
            existingPrivateSubnetIds.addAll(io.codezero.core.validation.Arguments.items(subnetIds, "AwsTargetArgs.Builder.existingPrivateSubnetIds"));
            return this;
        }

        /** Public subnets of the adopted VPC; without them only internal load balancers are offered. */
        public Builder existingPublicSubnetIds(List<String> subnetIds) {
            existingPublicSubnetIds.clear();
            existingPublicSubnetIds.addAll(io.codezero.core.validation.Arguments.items(subnetIds, "AwsTargetArgs.Builder.existingPublicSubnetIds"));
            return this;
        }

        public Builder instanceType(SizeClass sizeClass, String instanceType) {
            instanceTypeOverrides.put(sizeClass, instanceType);
            return this;
        }

        /** Adopt an existing KMS key for secrets encryption instead of creating one. */
        public Builder kmsKeyArn(String arn) {
            this.kmsKeyArn = arn;
            return this;
        }

        public Builder controlPlaneLogTypes(List<String> types) {
            controlPlaneLogTypes.clear();
            controlPlaneLogTypes.addAll(io.codezero.core.validation.Arguments.items(types, "AwsTargetArgs.Builder.controlPlaneLogTypes"));
            return this;
        }

        /** IAM principals (roles, users) that get cluster-admin through an access entry. */
        public Builder adminPrincipalArns(List<String> arns) {
            adminPrincipalArns.clear();
            adminPrincipalArns.addAll(io.codezero.core.validation.Arguments.items(arns, "AwsTargetArgs.Builder.adminPrincipalArns"));
            return this;
        }

        /** The kubeconfig exec command; default {@code codezero-eks-token} on the PATH. */
        public Builder tokenCommand(List<String> command) {
            tokenCommand.clear();
            tokenCommand.addAll(io.codezero.core.validation.Arguments.items(command, "AwsTargetArgs.Builder.tokenCommand"));
            return this;
        }

        public Builder awsProfile(String profile) {
            this.awsProfile = profile;
            return this;
        }

        /** Run {@link io.codezero.aws.preflight.AwsPreflight} before registering anything (real engine only). */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        public Builder maxUnavailablePercent(int percent) {
            this.maxUnavailablePercent = percent;
            return this;
        }

        public Builder rootVolumeGiB(int gib) {
            this.rootVolumeGiB = gib;
            return this;
        }

        public Builder imdsHopLimit(int hops) {
            this.imdsHopLimit = hops;
            return this;
        }

        /** Let Pulumi reset node-group desired sizes on every up; off by default so autoscaling wins. */
        public Builder manageDesiredSize(boolean manage) {
            this.manageDesiredSize = manage;
            return this;
        }

        /** Pins for EKS add-on versions by add-on name; unpinned add-ons follow EKS's default for the cluster version. */
        public Builder addonVersions(Map<String, String> versions) {
            addonVersions.clear();
            addonVersions.putAll(io.codezero.core.validation.Arguments.entries(versions, "AwsTargetArgs.Builder.addonVersions"));
            return this;
        }

        /**
         * EKS's upgrade policy: STANDARD (the default here; EKS's own default is EXTENDED, billed extra once a
         * version leaves standard support) or EXTENDED.
         */
        public Builder supportType(String supportType) {
            this.supportType = supportType;
            return this;
        }

        /** The Cluster Autoscaler's settings (default: on when a pool has minNodes &lt; maxNodes). */
        public Builder clusterAutoscaler(io.codezero.aws.autoscaling.AutoscalerSettings settings) {
            this.clusterAutoscaler = io.codezero.core.validation.Arguments.given(settings, "AwsTargetArgs.Builder.clusterAutoscaler");
            return this;
        }

        /** The immutable arguments; validation happens in {@link AwsValidator}, with every other problem. */
        public AwsTargetArgs build() {
            return new AwsTargetArgs(this);
        }
    }
}
