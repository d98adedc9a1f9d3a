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
    /**
     * Every EKS control-plane log type, the default of {@link #controlPlaneLogTypes()} (sent to CloudWatch Logs,
     * billed per GB).
     */
    public static final List<String> ALL_LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    /** The default kubeconfig exec command: the {@code codezero-eks-token} helper on the PATH (see docs/aws.md). */
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

    /**
     * Starts with the defaults: 3 zones, a NAT gateway per zone, all control-plane logs, 50 GiB root volumes, IMDS
     * hop limit 1, STANDARD support, no preflight.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code codezero:aws} config object. Type errors and unknown keys are added to the
     * object's problem list (never thrown), so the caller reports them with every other problem.
     * @param aws the {@code codezero:aws} config object
     * @return the arguments read; check the object's problems before using them
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

    /** {@return the AWS region, e.g. {@code eu-west-1}; {@code null} if none was set (validation refuses that)} */
    public String region() {
        return region;
    }

    /** {@return how many zones the created VPC spans when no zone names are given (2 to 6, default 3)} */
    public int zoneCount() {
        return zoneCount;
    }

    /**
     * Explicit zone names; empty means "the first {@link #zoneCount()} available zones of the region".
     * @return the zone names, in order; may be empty
     */
    public List<String> availabilityZones() {
        return availabilityZones;
    }

    /** {@return how private subnets reach the internet (default one NAT gateway per zone)} */
    public NatMode natMode() {
        return natMode;
    }

    /** {@return the ID of the VPC to adopt, or empty to create one from {@code network.vpcCidr}} */
    public Optional<String> existingVpcId() {
        return Optional.ofNullable(existingVpcId);
    }

    /** {@return true if an existing VPC and its subnets are adopted rather than created} */
    public boolean adoptsNetwork() {
        return existingVpcId != null;
    }

    /** {@return the adopted VPC's subnets for nodes and internal load balancers (required when adopting)} */
    public List<String> existingPrivateSubnetIds() {
        return existingPrivateSubnetIds;
    }

    /** {@return the adopted VPC's subnets for internet-facing load balancers; may be empty} */
    public List<String> existingPublicSubnetIds() {
        return existingPublicSubnetIds;
    }

    /** {@return the instance type per size class: the overrides over {@link InstanceTypes#DEFAULTS}} */
    public InstanceTypes instanceTypes() {
        return instanceTypes;
    }

    /** {@return the instance types set per size class, replacing the defaults for those classes} */
    public Map<SizeClass, String> instanceTypeOverrides() {
        return instanceTypeOverrides;
    }

    /** {@return the ARN of the KMS key that encrypts Kubernetes secrets, or empty to create a key} */
    public Optional<String> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /** {@return the control-plane log types sent to CloudWatch Logs (default {@link #ALL_LOG_TYPES})} */
    public List<String> controlPlaneLogTypes() {
        return controlPlaneLogTypes;
    }

    /** {@return the IAM roles and users given cluster-admin through EKS access entries, besides the deployer} */
    public List<String> adminPrincipalArns() {
        return adminPrincipalArns;
    }

    /** {@return the kubeconfig exec command (default {@link #DEFAULT_TOKEN_COMMAND})} */
    public List<String> tokenCommand() {
        return tokenCommand;
    }

    /**
     * {@return the named AWS profile used by the provider, the preflight and the kubeconfig, or empty for the default
     * credentials chain}
     */
    public Optional<String> awsProfile() {
        return Optional.ofNullable(awsProfile);
    }

    /** {@return whether the preflight runs before anything registers (real engine only; default false)} */
    public boolean preflight() {
        return preflight;
    }

    /**
     * {@return how many nodes of a group a rolling update may take down at once, in percent (1 to 100, default 33)}
     */
    public int maxUnavailablePercent() {
        return maxUnavailablePercent;
    }

    /** {@return the nodes' root volume size in GiB (20 to 16384, default 50)} */
    public int rootVolumeGiB() {
        return rootVolumeGiB;
    }

    /** {@return the IMDSv2 hop limit: 1 keeps pods away from the node's role (default), 2 lets them reach it} */
    public int imdsHopLimit() {
        return imdsHopLimit;
    }

    /**
     * {@return whether every {@code pulumi up} resets node groups' desired sizes (default false, so autoscaling keeps
     * its choice)}
     */
    public boolean manageDesiredSize() {
        return manageDesiredSize;
    }

    /**
     * {@return the add-on versions pinned by add-on name; unpinned add-ons take EKS's default for the cluster
     * version}
     */
    public Map<String, String> addonVersions() {
        return addonVersions;
    }

    /**
     * The zone count the user wrote, if any (it may disagree with {@link #availabilityZones()}).
     * @return the count as written, or empty if none was
     */
    public Optional<Integer> zoneCountGiven() {
        return Optional.ofNullable(zoneCountGiven);
    }

    /**
     * The cluster's {@code upgradePolicy.supportType}: STANDARD (default) lets EKS upgrade a version
     * whose standard support ends; EXTENDED keeps it, billed per cluster-hour as extended support.
     * @return {@code STANDARD} or {@code EXTENDED}
     */
    public String supportType() {
        return supportType;
    }

    /**
     * The Cluster Autoscaler's settings; see {@link io.codezero.aws.autoscaling.AutoscalerSettings}.
     * @return the settings (default {@link io.codezero.aws.autoscaling.AutoscalerSettings#DEFAULTS})
     */
    public io.codezero.aws.autoscaling.AutoscalerSettings clusterAutoscaler() {
        return clusterAutoscaler;
    }

    /** Collects the arguments; unset values keep the defaults listed on {@link AwsTargetArgs#builder()}. */
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

        /**
         * The AWS region, e.g. eu-west-1 (required).
         * @param region a region code such as {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * How many zones to spread over when no zone names are given; default 3.
         * @param zoneCount 2 to 6 zones; must match the zone names if both are
         *     given
         * @return this builder
         */
        public Builder zoneCount(int zoneCount) {
            this.zoneCount = zoneCount;
            this.zoneCountGiven = true;
            return this;
        }

        /**
         * Names the zones to use instead of the region's first {@link #zoneCount(int)}.
         * @param zones zone names such as {@code eu-west-1a}, none blank
         * @return this builder
         */
        public Builder availabilityZones(List<String> zones) {
            availabilityZones.clear();
            availabilityZones.addAll(io.codezero.core.validation.Arguments.items(zones, "AwsTargetArgs.Builder.availabilityZones"));
            return this;
        }

        /**
         * How private subnets reach the internet; ignored when a VPC is adopted.
         * @param natMode one NAT gateway per zone (default) or a single one; not {@code null}
         * @return this builder
         */
        public Builder natMode(NatMode natMode) {
            this.natMode = io.codezero.core.validation.Arguments.given(natMode, "AwsTargetArgs.Builder.natMode");
            return this;
        }

        /**
         * Adopt an existing VPC instead of creating one; its private subnets are then required.
         * @param vpcId the VPC's ID ({@code vpc-...}) in the target region
         * @return this builder
         */
        public Builder existingVpcId(String vpcId) {
            this.existingVpcId = vpcId;
            return this;
        }

        /**
         * The adopted VPC's private subnets, where nodes and internal load balancers go; required with {@link
         * #existingVpcId(String)}.
         * @param subnetIds subnet IDs ({@code subnet-...}), none blank
         * @return this builder
         */
        public Builder existingPrivateSubnetIds(List<String> subnetIds) {
            existingPrivateSubnetIds.clear();
            existingPrivateSubnetIds.addAll(io.codezero.core.validation.Arguments.items(subnetIds, "AwsTargetArgs.Builder.existingPrivateSubnetIds"));
            return this;
        }

        /**
         * Public subnets of the adopted VPC; without them only internal load balancers are offered.
         * @param subnetIds subnet IDs ({@code subnet-...}), none blank
         * @return this builder
         */
        public Builder existingPublicSubnetIds(List<String> subnetIds) {
            existingPublicSubnetIds.clear();
            existingPublicSubnetIds.addAll(io.codezero.core.validation.Arguments.items(subnetIds, "AwsTargetArgs.Builder.existingPublicSubnetIds"));
            return this;
        }

        /**
         * The instance type for one size class, replacing {@link InstanceTypes#DEFAULTS}' choice.
         * @param sizeClass the class pools ask for
         * @param instanceType an EC2 instance type such as {@code m7i.xlarge}; the preflight checks the region offers
         *     it
         * @return this builder
         */
        public Builder instanceType(SizeClass sizeClass, String instanceType) {
            instanceTypeOverrides.put(sizeClass, instanceType);
            return this;
        }

        /**
         * Adopt an existing KMS key for secrets encryption instead of creating one.
         * @param arn the key's ARN, in the cluster's region
         * @return this builder
         */
        public Builder kmsKeyArn(String arn) {
            this.kmsKeyArn = arn;
            return this;
        }

        /**
         * Which control-plane logs go to CloudWatch Logs; an empty list sends none.
         * @param types any of {@link #ALL_LOG_TYPES}, none blank
         * @return this builder
         */
        public Builder controlPlaneLogTypes(List<String> types) {
            controlPlaneLogTypes.clear();
            controlPlaneLogTypes.addAll(io.codezero.core.validation.Arguments.items(types, "AwsTargetArgs.Builder.controlPlaneLogTypes"));
            return this;
        }

        /**
         * IAM principals (roles, users) that get cluster-admin through an access entry.
         * @param arns IAM role or user ARNs, none blank
         * @return this builder
         */
        public Builder adminPrincipalArns(List<String> arns) {
            adminPrincipalArns.clear();
            adminPrincipalArns.addAll(io.codezero.core.validation.Arguments.items(arns, "AwsTargetArgs.Builder.adminPrincipalArns"));
            return this;
        }

        /**
         * The kubeconfig exec command; default {@code codezero-eks-token} on the PATH.
         * @param command the program and its arguments, none blank
         * @return this builder
         */
        public Builder tokenCommand(List<String> command) {
            tokenCommand.clear();
            tokenCommand.addAll(io.codezero.core.validation.Arguments.items(command, "AwsTargetArgs.Builder.tokenCommand"));
            return this;
        }

        /**
         * An AWS profile (from {@code ~/.aws/config}) for the provider, the preflight and the kubeconfig; {@code
         * null} uses the default credentials chain.
         * @param profile the profile's name
         * @return this builder
         */
        public Builder awsProfile(String profile) {
            this.awsProfile = profile;
            return this;
        }

        /**
         * Run {@link io.codezero.aws.preflight.AwsPreflight} before registering anything (real engine only).
         * @param preflight true to check the account, region and quotas first
         * @return this builder
         */
        public Builder preflight(boolean preflight) {
            this.preflight = preflight;
            return this;
        }

        /**
         * How many nodes of a group a rolling update may replace at once.
         * @param percent 1 to 100 (default 33)
         * @return this builder
         */
        public Builder maxUnavailablePercent(int percent) {
            this.maxUnavailablePercent = percent;
            return this;
        }

        /**
         * The root volume of every node.
         * @param gib 20 to 16384 GiB (default 50)
         * @return this builder
         */
        public Builder rootVolumeGiB(int gib) {
            this.rootVolumeGiB = gib;
            return this;
        }

        /**
         * The IMDSv2 hop limit of the nodes' launch template.
         * @param hops 1 (default: pods cannot reach the metadata service) or 2 (pods can, and so can use the node
         *     role)
         * @return this builder
         */
        public Builder imdsHopLimit(int hops) {
            this.imdsHopLimit = hops;
            return this;
        }

        /**
         * Let Pulumi reset node-group desired sizes on every up; off by default so autoscaling wins.
         * @param manage true to let Pulumi reset the sizes
         * @return this builder
         */
        public Builder manageDesiredSize(boolean manage) {
            this.manageDesiredSize = manage;
            return this;
        }

        /**
         * Pins for EKS add-on versions by add-on name; unpinned add-ons follow EKS's default for the cluster version.
         * @param versions add-on name to version, e.g. {@code vpc-cni} to {@code v1.19.2-eksbuild.1}
         * @return this builder
         */
        public Builder addonVersions(Map<String, String> versions) {
            addonVersions.clear();
            addonVersions.putAll(io.codezero.core.validation.Arguments.entries(versions, "AwsTargetArgs.Builder.addonVersions"));
            return this;
        }

        /**
         * EKS's upgrade policy: STANDARD (the default here; EKS's own default is EXTENDED, billed extra once a
         * version leaves standard support) or EXTENDED.
         * @param supportType {@code STANDARD} or {@code EXTENDED}
         * @return this builder
         */
        public Builder supportType(String supportType) {
            this.supportType = supportType;
            return this;
        }

        /**
         * The Cluster Autoscaler's settings (default: on when a pool has minNodes &lt; maxNodes).
         * @param settings the settings; not {@code null}
         * @return this builder
         */
        public Builder clusterAutoscaler(io.codezero.aws.autoscaling.AutoscalerSettings settings) {
            this.clusterAutoscaler = io.codezero.core.validation.Arguments.given(settings, "AwsTargetArgs.Builder.clusterAutoscaler");
            return this;
        }

        /**
         * The immutable arguments; validation happens in {@link AwsValidator}, with every other problem.
         * @return the arguments
         */
        public AwsTargetArgs build() {
            return new AwsTargetArgs(this);
        }
    }
}
