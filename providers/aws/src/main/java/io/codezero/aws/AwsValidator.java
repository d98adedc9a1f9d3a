package io.codezero.aws;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Cidr;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS rules on top of the shared ones: what EKS, EC2 and IAM would reject at deploy time, found
 * at program time instead, all at once. Field paths match the config file keys.
 */
public final class AwsValidator {
    static final int MIN_ZONES = 2;
    static final int MAX_ZONES = 6;
    /** EKS node group names: 1-63 characters, alphanumeric first, then alphanumerics, '-' or '_'. */
    static final int MAX_NODE_GROUP_NAME = 63;
    /** EKS accepts at most 50 taints per managed node group. */
    static final int MAX_TAINTS = 50;

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern NODE_GROUP_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");
    private static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");
    private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+");

    /** The managed add-ons CodeZero installs (ClusterAddons), the only keys aws.addonVersions may pin. */
    private static final java.util.Set<String> ADDONS = java.util.Set.of("vpc-cni", "kube-proxy", "eks-pod-identity-agent", "coredns", "aws-ebs-csi-driver");

    private AwsValidator() {
    }

    /**
     * Everything about {@code args} (and the EKS-specific limits on {@code spec}) AWS would refuse, checked without
     * calling AWS.
     * @param spec the cluster spec
     * @param args the AWS settings
     * @return the problems found; empty if none
     */
    public static List<Problem> validate(ClusterSpec spec, AwsTargetArgs args) {
        List<Problem> problems = new ArrayList<>();
        validateRegionAndZones(args, problems);
        validateNetwork(spec, args, problems);
        validatePools(spec, args, problems);
        validateArgs(args, problems);
        validateSizeOwner(spec, args, problems);
        spec.tags().keySet().stream().filter(key -> key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")).forEach(key ->
                problems.add(Problem.of("tags." + key, key, "the 'aws:' prefix is reserved by AWS; choose another key")));
        return problems;
    }

    private static void validateRegionAndZones(AwsTargetArgs args, List<Problem> problems) {
        String region = args.region();
        if (region == null || region.isBlank()) {
            problems.add(Problem.of("aws.region", region, "is required, for example eu-west-1"));
        } else if (!REGION.matcher(region).matches()) {
            problems.add(Problem.of("aws.region", region, "is not an AWS region name; expected something like us-east-1 or eu-central-2"));
        }
        if (args.availabilityZones().isEmpty()) {
            if (args.zoneCount() < MIN_ZONES || args.zoneCount() > MAX_ZONES) {
                problems.add(Problem.of("aws.zoneCount", args.zoneCount(),
                        "must be between " + MIN_ZONES + " and " + MAX_ZONES + " (EKS needs subnets in at least two zones)"));
            }
        } else {
            if (args.availabilityZones().size() < MIN_ZONES || args.availabilityZones().size() > MAX_ZONES) {
                problems.add(Problem.of("aws.availabilityZones", args.availabilityZones(),
                        "must name between " + MIN_ZONES + " and " + MAX_ZONES + " zones"));
            }
            args.zoneCountGiven().filter(count -> count != args.availabilityZones().size()).ifPresent(count ->
                    problems.add(Problem.of("aws.zoneCount", count, "disagrees with aws.availabilityZones, which names "
                            + args.availabilityZones().size() + " zones " + args.availabilityZones()
                            + "; remove zoneCount (the named zones are used) or name " + count + " zones")));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < args.availabilityZones().size(); i++) {
                String zone = args.availabilityZones().get(i);
                if (region != null && !zone.matches(Pattern.quote(region) + "[a-z]")) {
                    problems.add(Problem.of("aws.availabilityZones[" + i + "]", zone, "is not a zone of region " + region + " (expected " + region + "a, " + region + "b, ...)"));
                }
                if (!seen.add(zone)) {
                    problems.add(Problem.of("aws.availabilityZones[" + i + "]", zone, "is listed twice"));
                }
            }
        }
    }

    private static void validateNetwork(ClusterSpec spec, AwsTargetArgs args, List<Problem> problems) {
        var network = spec.network();
        if (!network.privateApiOnly() && network.apiAccessAllowlist().isEmpty()) {
            problems.add(Problem.of("network.apiAccessAllowlist", "[]",
                    "is empty, so the public API endpoint would accept the whole internet; list the CIDRs that may reach it (e.g. your office or CI egress /32) or set privateApiOnly: true"));
        }
        if (network.privateApiOnly() && network.apiAccessAllowlist().isEmpty() && args.adoptsNetwork()) {
            problems.add(Problem.of("network.apiAccessAllowlist", "[]",
                    "is empty with privateApiOnly in an adopted VPC, whose CIDR we do not know: list the private CIDRs (VPC, VPN, CI runners) from which pulumi up and kubectl reach the private endpoint"));
        }
        if (!network.privateNodes()) {
            problems.add(Problem.of("network.privateNodes", false,
                    "is not supported on aws: nodes always run in private subnets; expose workloads through load balancers"));
        }
        if (args.adoptsNetwork()) {
            String vpcId = args.existingVpcId().orElseThrow();
            if (!VPC_ID.matcher(vpcId).matches()) {
                problems.add(Problem.of("aws.vpc.id", vpcId, "is not a VPC id; expected vpc- followed by 8 or 17 hex digits"));
            }
            checkSubnets("aws.vpc.privateSubnetIds", args.existingPrivateSubnetIds(), MIN_ZONES, problems);
            checkSubnets("aws.vpc.publicSubnetIds", args.existingPublicSubnetIds(), 0, problems);
        } else {
            if (!args.existingPrivateSubnetIds().isEmpty() || !args.existingPublicSubnetIds().isEmpty()) {
                problems.add(Problem.of("aws.vpc.id", null, "is required when subnet ids are given: subnets are adopted together with their VPC"));
            }
            Optional<Cidr> vpc = Cidr.parse(network.vpcCidr());
            if (vpc.isPresent() && (vpc.get().prefixLength() < 16 || vpc.get().prefixLength() > 20)) {
                problems.add(Problem.of("network.vpcCidr", network.vpcCidr(),
                        "must have a prefix between /16 and /20 so that every zone gets a private and a public subnet with room for pods (the VPC CNI gives pods VPC addresses)"));
            }
        }
        Optional<Cidr> service = Cidr.parse(network.serviceCidr());
        if (service.isPresent() && (service.get().prefixLength() < 12 || service.get().prefixLength() > 24)) {
            problems.add(Problem.of("network.serviceCidr", network.serviceCidr(), "must have a prefix between /12 and /24 (an EKS limit)"));
        }
    }

    private static void checkSubnets(String field, List<String> ids, int min, List<Problem> problems) {
        if (ids.size() < min) {
            problems.add(Problem.of(field, ids, "needs at least " + min + " subnets in different availability zones (an EKS requirement)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!SUBNET_ID.matcher(id).matches()) {
                problems.add(Problem.of(field + "[" + i + "]", id, "is not a subnet id; expected subnet- followed by 8 or 17 hex digits"));
            }
            if (!seen.add(id)) {
                problems.add(Problem.of(field + "[" + i + "]", id, "is listed twice"));
            }
        }
    }

    private static void validatePools(ClusterSpec spec, AwsTargetArgs args, List<Problem> problems) {
        InstanceTypes types = args.instanceTypes();
        for (int i = 0; i < spec.nodePoolsOrDefault().size(); i++) {
            NodePool pool = spec.nodePoolsOrDefault().get(i);
            String at = "nodePools[" + i + "]";
            if (pool.name() != null && (pool.name().length() > MAX_NODE_GROUP_NAME || !NODE_GROUP_NAME.matcher(pool.name()).matches())) {
                problems.add(Problem.of(at + ".name", pool.name(),
                        "cannot name an EKS node group: 1-" + MAX_NODE_GROUP_NAME + " letters, digits, '-' or '_', starting with a letter or digit"));
            }
            if (pool.taints().size() > MAX_TAINTS) {
                problems.add(Problem.of(at + ".taints", pool.taints().size() + " taints", "EKS allows at most " + MAX_TAINTS + " taints per node group"));
            }
            Optional<String> type = types.resolve(pool.size());
            if (pool.size().explicitMachineType().isPresent() && !InstanceTypes.looksLikeInstanceType(type.orElse(null))) {
                problems.add(Problem.of(at + ".size", pool.size(), "is not an EC2 instance type; expected family.size such as m6i.xlarge"));
            }
            if (pool.size().knownClass().isPresent() && type.isEmpty()) {
                problems.add(Problem.of(at + ".size", pool.size(), "has no instance type mapping; set aws.instanceTypes." + pool.size().sizeClass()));
            }
            type.flatMap(InstanceTypes::unsupportedReason).ifPresent(reason ->
                    problems.add(Problem.of(at + ".size", pool.size() + " -> " + type.get(), reason)));
            if (pool.size().knownClass().filter(c -> c == SizeClass.GPU).isPresent() && type.isPresent() && !InstanceTypes.isGpu(type.get())) {
                problems.add(Problem.of(at + ".size", "gpu -> " + type.get(),
                        "the gpu class must map to a GPU instance type (g4dn, g5, g6, p4d, p5 ...); fix aws.instanceTypes.gpu"));
            }
        }
        for (Map.Entry<SizeClass, String> e : args.instanceTypeOverrides().entrySet()) {
            if (!InstanceTypes.looksLikeInstanceType(e.getValue())) {
                problems.add(Problem.of("aws.instanceTypes." + e.getKey().id(), e.getValue(), "is not an EC2 instance type; expected family.size such as m6i.xlarge"));
            }
        }
    }

    private static void validateArgs(AwsTargetArgs args, List<Problem> problems) {
        args.kmsKeyArn().filter(arn -> !KMS_KEY_ARN.matcher(arn).matches()).ifPresent(arn ->
                problems.add(Problem.of("aws.kmsKeyArn", arn, "is not a KMS key ARN; expected arn:aws:kms:<region>:<account>:key/<key-id>")));
        String region = args.region();
        args.kmsKeyArn().filter(arn -> KMS_KEY_ARN.matcher(arn).matches() && region != null && arn.split(":").length > 3
                && !arn.split(":")[3].equals(region)).ifPresent(arn -> problems.add(Problem.of("aws.kmsKeyArn", arn,
                "is a key in " + arn.split(":")[3] + ", and the cluster is in " + region + "; EKS encrypts secrets only with a key of "
                        + "the cluster's own region")));
        args.addonVersions().forEach((addon, version) -> {
            if (!ADDONS.contains(addon)) {
                problems.add(Problem.of("aws.addonVersions." + addon, addon, "is not an add-on CodeZero installs; pin one of "
                        + String.join(", ", new java.util.TreeSet<>(ADDONS))));
            } else if (!version.matches("v\\d+\\.\\d+\\.\\d+-eksbuild\\.\\d+")) {
                problems.add(Problem.of("aws.addonVersions." + addon, version, "is not an EKS add-on version; expected one as "
                        + "aws eks describe-addon-versions lists it, e.g. v1.19.2-eksbuild.1"));
            }
        });
        for (int i = 0; i < args.controlPlaneLogTypes().size(); i++) {
            String type = args.controlPlaneLogTypes().get(i);
            if (!AwsTargetArgs.ALL_LOG_TYPES.contains(type)) {
                problems.add(Problem.of("aws.controlPlaneLogs[" + i + "]", type, "is not an EKS log type; valid types are " + String.join(", ", AwsTargetArgs.ALL_LOG_TYPES)));
            }
        }
        for (int i = 0; i < args.adminPrincipalArns().size(); i++) {
            String arn = args.adminPrincipalArns().get(i);
            if (!PRINCIPAL_ARN.matcher(arn).matches()) {
                problems.add(Problem.of("aws.adminPrincipalArns[" + i + "]", arn, "is not an IAM role or user ARN; expected arn:aws:iam::<account>:role/<name>"));
            }
        }
        if (args.tokenCommand().isEmpty() || args.tokenCommand().get(0).isBlank()) {
            problems.add(Problem.of("aws.tokenCommand", args.tokenCommand(), "must name the kubeconfig credential helper, e.g. [codezero-eks-token]"));
        }
        if (args.maxUnavailablePercent() < 1 || args.maxUnavailablePercent() > 100) {
            problems.add(Problem.of("aws.maxUnavailablePercent", args.maxUnavailablePercent(), "must be between 1 and 100"));
        }
        if (args.rootVolumeGiB() < 20 || args.rootVolumeGiB() > 16384) {
            problems.add(Problem.of("aws.rootVolumeGiB", args.rootVolumeGiB(), "must be between 20 and 16384 GiB"));
        }
        if (!AwsTargetArgs.SUPPORT_TYPES.contains(args.supportType())) {
            problems.add(Problem.of("aws.supportType", args.supportType(), "is not an EKS support type; valid types are "
                    + String.join(", ", AwsTargetArgs.SUPPORT_TYPES) + " (EXTENDED keeps a version past standard support, billed extra)"));
        }
        problems.addAll(args.clusterAutoscaler().validate("aws.clusterAutoscaler"));
        if (args.imdsHopLimit() < 1 || args.imdsHopLimit() > 2) {
            problems.add(Problem.of("aws.imdsHopLimit", args.imdsHopLimit(),
                    "must be 1 (pods cannot reach the instance metadata service; the default) or 2 (pods can, and so can steal the node role)"));
        }
    }

    /**
     * One owner for a pool's size. With the Cluster Autoscaler on, {@code manageDesiredSize} would send
     * each pool's {@code desiredNodes} on every up, and EKS would resize the group to it: a pool the
     * autoscaler grew for pending pods loses those nodes, then the autoscaler grows it again.
     */
    private static void validateSizeOwner(ClusterSpec spec, AwsTargetArgs args, List<Problem> problems) {
        if (args.manageDesiredSize() && args.clusterAutoscaler().appliesTo(spec)) {
            problems.add(Problem.of("aws.manageDesiredSize", true, "cannot be true while the Cluster Autoscaler runs (some pool has "
                    + "minNodes < maxNodes, or clusterAutoscaler.enabled is true): every up would reset the pools it scaled to desiredNodes; "
                    + "leave manageDesiredSize false, or set clusterAutoscaler.enabled: false to size the pools yourself"));
        }
    }
}
