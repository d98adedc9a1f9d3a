package io.codezero.digitalocean;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Cidr;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DigitalOcean rules on top of the shared ones: what the DigitalOcean API would reject at deploy
 * time, found at program time instead, all at once. Field paths match the config file keys.
 */
public final class DigitalOceanValidator {
    /** Region slugs: three letters and a digit (nyc1, fra1, sfo3). Which regions offer DOKS is the preflight's question. */
    private static final Pattern REGION = Pattern.compile("[a-z]{3}[1-9]");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern START_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern VERSION_SLUG = Pattern.compile("(\\d+\\.\\d+)\\.\\d+-do\\.\\d+");
    /** The VPC's range: the provider documents /16 to /24 (the API allows down to /28, too small for a cluster's nodes). */
    static final int VPC_MIN_PREFIX = 16;
    static final int VPC_MAX_PREFIX = 24;
    /** DOKS keeps at least one node in every pool (the API's min_nodes >= 1; scale-to-zero is a private preview). */
    static final int MIN_POOL_NODES = 1;
    static final int MIN_CREDENTIAL_SECONDS = 600;
    static final int MAX_CREDENTIAL_SECONDS = 86_400;
    private static final List<Cidr> RFC1918 = List.of(
            Cidr.parse("10.0.0.0/8").orElseThrow(), Cidr.parse("172.16.0.0/12").orElseThrow(), Cidr.parse("192.168.0.0/16").orElseThrow());

    private DigitalOceanValidator() {
    }

    /**
     * Everything about {@code args} (and the DigitalOcean-specific limits on {@code spec}) DigitalOcean would refuse,
     * checked without calling its API.
     * @param spec the cluster spec
     * @param args the DigitalOcean settings
     * @return the problems found; empty if none
     */
    public static List<Problem> validate(ClusterSpec spec, DigitalOceanTargetArgs args) {
        List<Problem> problems = new ArrayList<>();
        validateRegion(args, problems);
        validateNetwork(spec, args, problems);
        validatePools(spec, args, problems);
        validateArgs(spec, args, problems);
        spec.tags().forEach((key, value) -> DoTags.whyInvalid(key, value)
                .ifPresent(why -> problems.add(Problem.of("tags." + key, value == null || value.isEmpty() ? key : key + ": " + value, why))));
        return problems;
    }

    private static void validateRegion(DigitalOceanTargetArgs args, List<Problem> problems) {
        String region = args.region();
        if (region == null || region.isBlank()) {
            problems.add(Problem.of("digitalocean.region", region, "is required: a region slug such as fra1, nyc1 or sgp1"));
        } else if (!REGION.matcher(region).matches()) {
            problems.add(Problem.of("digitalocean.region", region, "is not a DigitalOcean region slug; expected three lowercase letters and a digit, such as fra1 or nyc3"));
        }
    }

    private static void validateNetwork(ClusterSpec spec, DigitalOceanTargetArgs args, List<Problem> problems) {
        NetworkSpec network = spec.network();
        if (network.privateNodes()) {
            problems.add(Problem.of("network.privateNodes", true,
                    "cannot be honoured on DigitalOcean: DOKS gives every worker Droplet a public address (provider 4.76.0 has no way to turn that off); "
                            + "set network.privateNodes: false to acknowledge it (workloads are still reached only through load balancers)"));
        }
        if (network.apiAccessAllowlist().isEmpty() && !network.apiOpenToInternet()) {
            problems.add(Problem.of("network.apiAccessAllowlist", "[]",
                    "is empty, so the API endpoint would accept the whole internet; list the CIDRs that may reach it (your office or CI egress /32), "
                            + "or set network.apiOpenToInternet: true to accept that explicitly"));
        }
        if (!network.apiAccessAllowlist().isEmpty() && !args.controlPlaneFirewall()) {
            problems.add(Problem.of("network.apiAccessAllowlist", network.apiAccessAllowlist(),
                    "is enforced on DOKS only by the control-plane firewall, which DigitalOcean offers in early availability, by invitation: "
                            + "if your account has it, set digitalocean.controlPlaneFirewall: true; otherwise remove the allowlist and set "
                            + "network.apiOpenToInternet: true (the API endpoint then takes any address and still needs a token)"));
        }
        if (args.adoptsVpc()) {
            String vpcId = args.existingVpcId().orElseThrow();
            if (!UUID.matcher(vpcId).matches()) {
                problems.add(Problem.of("digitalocean.vpcId", vpcId, "is not a VPC id; expected a UUID such as 5a4981aa-9653-4bd1-bef5-d6bff52042e4"));
            }
            if (!NetworkSpec.DEFAULT_VPC_CIDR.equals(network.vpcCidr())) {
                problems.add(Problem.of("network.vpcCidr", network.vpcCidr(),
                        "is the range of a VPC we create, but digitalocean.vpcId adopts an existing one whose range is its own; remove one of the two"));
            }
        } else {
            Cidr.parse(network.vpcCidr()).ifPresent(vpc -> {
                if (vpc.prefixLength() < VPC_MIN_PREFIX || vpc.prefixLength() > VPC_MAX_PREFIX) {
                    problems.add(Problem.of("network.vpcCidr", network.vpcCidr(),
                            "must have a prefix between /" + VPC_MIN_PREFIX + " and /" + VPC_MAX_PREFIX + " (DigitalOcean's VPC size limits)"));
                }
                requirePrivate("network.vpcCidr", network.vpcCidr(), vpc, problems);
            });
        }
        Cidr.parse(network.podCidr()).ifPresent(pods -> requirePrivate("network.podCidr", network.podCidr(), pods, problems));
        Cidr.parse(network.serviceCidr()).ifPresent(services -> requirePrivate("network.serviceCidr", network.serviceCidr(), services, problems));
    }

    private static void requirePrivate(String field, String text, Cidr range, List<Problem> problems) {
        boolean inside = RFC1918.stream().anyMatch(block -> block.network() <= range.network() && range.lastAddress() <= block.lastAddress());
        if (!inside) {
            problems.add(Problem.of(field, text, "must lie in a private (RFC 1918) block: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16"));
        }
    }

    private static void validatePools(ClusterSpec spec, DigitalOceanTargetArgs args, List<Problem> problems) {
        List<NodePool> pools = spec.nodePoolsOrDefault();
        for (int i = 0; i < pools.size(); i++) {
            NodePool pool = pools.get(i);
            String at = "nodePools[" + i + "]";
            if (DigitalOceanTargetArgs.BUILT_IN_POOL.equals(pool.name())) {
                problems.add(Problem.of(at + ".name", pool.name(), "is the name of the cluster's built-in pool; choose another name"));
            }
            if (pool.minNodes() < MIN_POOL_NODES) {
                problems.add(Problem.of(at + ".minNodes", pool.minNodes(), "must be at least " + MIN_POOL_NODES
                        + ": a DOKS node pool cannot scale to zero (min_nodes >= 1; scale-to-zero is a private preview); "
                        + "use minNodes: 1, or remove the pool until it is needed"));
            }
            if (pool.spot()) {
                problems.add(Problem.of(at + ".spot", true, "DigitalOcean has no spot or preemptible Droplets; remove spot"));
            }
            Optional<String> slug = args.dropletSizes().resolve(pool.size());
            if (pool.size().explicitMachineType().isPresent() && !DropletSizes.looksLikeSlug(slug.orElse(null))) {
                problems.add(Problem.of(at + ".machineType", pool.size(), "is not a Droplet size slug; expected one such as s-4vcpu-8gb or g-4vcpu-16gb"));
            }
            if (pool.size().knownClass().filter(c -> c == SizeClass.GPU).isPresent() && slug.isPresent() && !DropletSizes.isGpu(slug.get())) {
                problems.add(Problem.of(at + ".size", "gpu -> " + slug.get(),
                        "the gpu class must map to a GPU Droplet (gpu-...); fix digitalocean.dropletSizes.gpu"));
            }
        }
        for (Map.Entry<SizeClass, String> e : args.dropletSizeOverrides().entrySet()) {
            if (!DropletSizes.looksLikeSlug(e.getValue())) {
                problems.add(Problem.of("digitalocean.dropletSizes." + e.getKey().id(), e.getValue(),
                        "is not a Droplet size slug; expected one such as s-4vcpu-8gb or g-4vcpu-16gb"));
            }
        }
    }

    private static void validateArgs(ClusterSpec spec, DigitalOceanTargetArgs args, List<Problem> problems) {
        if (!DropletSizes.looksLikeSlug(args.builtInPoolSize())) {
            problems.add(Problem.of("digitalocean.builtInPool.size", args.builtInPoolSize(), "is not a Droplet size slug; expected one such as s-2vcpu-4gb"));
        }
        if (args.builtInPoolNodes() < 1 || args.builtInPoolNodes() > 10) {
            problems.add(Problem.of("digitalocean.builtInPool.nodes", args.builtInPoolNodes(),
                    "must be between 1 and 10: the built-in pool is small and fixed; put capacity into nodePools"));
        }
        if (!DigitalOceanTargetArgs.MAINTENANCE_DAYS.contains(args.maintenanceDay())) {
            problems.add(Problem.of("digitalocean.maintenanceWindow.day", args.maintenanceDay(),
                    "is not a maintenance day; valid days are " + String.join(", ", DigitalOceanTargetArgs.MAINTENANCE_DAYS)));
        }
        if (args.maintenanceStartTime() == null || !START_TIME.matcher(args.maintenanceStartTime()).matches()) {
            problems.add(Problem.of("digitalocean.maintenanceWindow.startTime", args.maintenanceStartTime(), "must be a UTC time HH:MM, such as 04:00"));
        }
        args.projectEnvironment().filter(env -> !DigitalOceanTargetArgs.PROJECT_ENVIRONMENTS.contains(env)).ifPresent(env ->
                problems.add(Problem.of("digitalocean.project.environment", env,
                        "is not a project environment; valid values are " + String.join(", ", DigitalOceanTargetArgs.PROJECT_ENVIRONMENTS))));
        args.existingProjectId().filter(id -> !UUID.matcher(id).matches()).ifPresent(id ->
                problems.add(Problem.of("digitalocean.project.id", id, "is not a project id; expected a UUID")));
        if (args.existingProjectId().isPresent() && args.projectEnvironment().isPresent()) {
            problems.add(Problem.of("digitalocean.project.environment", args.projectEnvironment().get(),
                    "applies to a project we create, but project.id adopts an existing one; remove one of the two"));
        }
        args.versionSlug().ifPresent(slug -> {
            var m = VERSION_SLUG.matcher(slug);
            if (!m.matches()) {
                problems.add(Problem.of("digitalocean.versionSlug", slug, "is not a DOKS version slug; expected one such as 1.34.1-do.0"));
            } else if (!m.group(1).equals(spec.kubernetesVersion())) {
                problems.add(Problem.of("digitalocean.versionSlug", slug,
                        "is Kubernetes " + m.group(1) + " but kubernetesVersion is " + spec.kubernetesVersion() + "; make them agree"));
            }
        });
        if (args.tokenCommand().isEmpty() || args.tokenCommand().get(0).isBlank()) {
            problems.add(Problem.of("digitalocean.tokenCommand", args.tokenCommand(), "must name the kubeconfig credential helper, e.g. [codezero-doks-token]"));
        }
        if (args.credentialSeconds() < MIN_CREDENTIAL_SECONDS || args.credentialSeconds() > MAX_CREDENTIAL_SECONDS) {
            problems.add(Problem.of("digitalocean.credentialSeconds", args.credentialSeconds(),
                    "must be between " + MIN_CREDENTIAL_SECONDS + " and " + MAX_CREDENTIAL_SECONDS + " seconds (the helper renews them 5 minutes before they expire)"));
        }
    }
}
