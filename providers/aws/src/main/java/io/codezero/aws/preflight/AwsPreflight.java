package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.InstanceTypes;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import io.codezero.aws.cluster.ClusterCreator;
import io.codezero.aws.cluster.ManagedPolicies;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.eks.model.ClusterVersionInformation;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Read-only checks against the AWS account before anything is created, so a deploy does not
 * fail half-way: credentials, region, zones, instance types offered in the chosen zones, the
 * Kubernetes version offered by EKS, and vCPU quotas for every pool at its maximum size; on a
 * later {@code up}, the version step and node group limits against the live cluster
 * ({@link ExistingClusterChecks}). Each
 * failure is one sentence saying what is wrong and what to do. A check that cannot be made is
 * reported as UNKNOWN, never as a pass.
 */
public final class AwsPreflight {
    private final AwsClients clients;

    public AwsPreflight(AwsClients clients) {
        this.clients = clients;
    }

    public static AwsPreflight forRegion(String region, Optional<String> profile) {
        return new AwsPreflight(AwsClients.forRegion(region, profile));
    }

    public PreflightReport run(ClusterSpec spec, AwsTargetArgs args) {
        List<CheckResult> results = new ArrayList<>();
        try {
            CheckResult credentials = credentials();
            results.add(credentials);
            if (credentials.status() != CheckStatus.PASS) {
                return new PreflightReport("AWS", results);
            }
            results.add(adminsExcludeTheCreator(spec.name(), args.adminPrincipalArns()));
            results.addAll(adminPrincipalsExist(args.adminPrincipalArns()));
            CheckResult region = region(args.region());
            results.add(region);
            if (region.status() != CheckStatus.PASS) {
                return new PreflightReport("AWS", results);
            }
            List<String> zones = new ArrayList<>();
            results.add(zones(args, zones));
            Map<String, List<NodePool>> poolsByType = poolsByInstanceType(spec, args);
            if (!zones.isEmpty()) {
                results.addAll(instanceTypesOffered(poolsByType, zones));
                if (!args.adoptsNetwork()) {
                    Optional<Boolean> exists = clusterExists(spec.name());
                    if (exists.isEmpty()) {
                        results.add(CheckResult.unknown(NetworkQuotas.CHECK, "could not tell whether cluster " + spec.name()
                                + " exists (eks:DescribeCluster), so not whether its VPC is still to be created"));
                    } else if (!exists.get()) {
                        results.addAll(new NetworkQuotas(clients).run(args, zones));
                    }
                }
            }
            boolean vpcMayExist = args.adoptsNetwork() || clusterExists(spec.name()).orElse(true);
            clients.publicAddressEcho().flatMap(echo -> ApiAccessFromHere.run(spec, echo, vpcMayExist)).ifPresent(results::add);
            results.add(kubernetesVersion(spec.kubernetesVersion(), args.supportType()));
            results.addAll(firstUpPermissions(spec, args));
            results.addAll(new ExistingClusterChecks(clients).run(spec, args));
            results.addAll(vcpuQuotas(spec, args, poolsByType.keySet()));
            return new PreflightReport("AWS", results);
        } finally {
            clients.close();
        }
    }

    /** The deployer's IAM permissions for the calls of a first {@code up}; nothing on a later up (the cluster exists). */
    private List<CheckResult> firstUpPermissions(ClusterSpec spec, AwsTargetArgs args) {
        Optional<Boolean> exists = clusterExists(spec.name());
        if (exists.isPresent() && exists.get()) {
            return List.of();
        }
        try {
            GetCallerIdentityResponse me = clients.sts().getCallerIdentity();
            return List.of(new DeployerPermissions(clients).run(me.arn(), me.account(), spec, args),
                    new SecretsKeyCheck(clients).run(spec.name(), args));
        } catch (SdkException e) {
            return List.of(CheckResult.unknown(DeployerPermissions.CHECK, "could not read the caller (" + reason(e) + ")"));
        }
    }

    private List<CheckResult> adminPrincipalsExist(List<String> admins) {
        try {
            return new AdminPrincipals(clients).run(clients.sts().getCallerIdentity().account(), admins);
        } catch (SdkException e) {
            return List.of(CheckResult.unknown(AdminPrincipals.CHECK, "could not read the caller's account (" + reason(e) + ")"));
        }
    }

    /** Whether EKS has the cluster already: on a later {@code up} the VPC exists and draws on no new quota. */
    private Optional<Boolean> clusterExists(String name) {
        try {
            clients.eks().describeCluster(r -> r.name(name));
            return Optional.of(true);
        } catch (software.amazon.awssdk.services.eks.model.ResourceNotFoundException e) {
            return Optional.of(false);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    CheckResult credentials() {
        try {
            GetCallerIdentityResponse me = clients.sts().getCallerIdentity();
            return CheckResult.pass("credentials", "signed in as " + me.arn() + " (account " + me.account() + ")");
        } catch (SdkException e) {
            return CheckResult.fail("credentials", "AWS credentials are not valid (" + reason(e)
                    + "); set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or refresh your SSO session with aws sso login");
        }
    }

    /**
     * Access entries, both ways. A new cluster's creator gets EKS's bootstrap access entry; listing it
     * in adminPrincipalArns as well fails the deploy with 409 ResourceInUseException after the control
     * plane is up. An existing cluster must let the caller in (a second {@code up} by another identity),
     * or every Kubernetes resource fails with Unauthorized.
     */
    CheckResult adminsExcludeTheCreator(String clusterName, List<String> admins) {
        try {
            String caller = ClusterCreator.principalOf(clients.sts().getCallerIdentity().arn());
            Map<String, String> tags;
            try {
                tags = clients.eks().describeCluster(r -> r.name(clusterName)).cluster().tags();
            } catch (software.amazon.awssdk.services.eks.model.ResourceNotFoundException e) {
                return newClusterAccess(caller, admins);
            }
            Optional<Boolean> hasEntry;
            Optional<EntryRights> rights = Optional.empty();
            try {
                var entry = clients.eks().describeAccessEntry(r -> r.clusterName(clusterName).principalArn(caller)).accessEntry();
                hasEntry = Optional.of(true);
                rights = entryRights(clusterName, caller, entry == null ? List.of() : entry.kubernetesGroups());
            } catch (software.amazon.awssdk.services.eks.model.ResourceNotFoundException e) {
                hasEntry = Optional.of(false);
            } catch (SdkException e) {
                hasEntry = Optional.empty();
            }
            return existingClusterAccess(clusterName, caller, tags == null ? null : tags.get(ClusterCreator.TAG), admins, hasEntry, rights);
        } catch (SdkException e) {
            return CheckResult.unknown(ACCESS, "could not compare adminPrincipalArns with the caller (" + reason(e) + ")");
        }
    }

    static final String ACCESS = "access-entries";

    /** A cluster about to be created by {@code caller}: it must not be listed again. */
    static CheckResult newClusterAccess(String caller, List<String> admins) {
        for (int i = 0; i < admins.size(); i++) {
            if (ClusterCreator.sameIdentity(caller, admins.get(i))) {
                return CheckResult.fail(ACCESS, ClusterCreator.problem(i, admins.get(i), caller).toString());
            }
        }
        return CheckResult.pass(ACCESS, "the creator " + caller + " becomes admin through EKS's bootstrap entry and is not listed again");
    }

    /**
     * An existing cluster: the caller gets in as its creator, as a listed admin (its entry exists or
     * this up creates it), or through an access entry made elsewhere; otherwise the Kubernetes
     * provider is refused. {@code hasEntry} empty: DescribeAccessEntry could not be asked.
     */
    static CheckResult existingClusterAccess(String cluster, String caller, String creator, List<String> admins, Optional<Boolean> hasEntry) {
        return existingClusterAccess(cluster, caller, creator, admins, hasEntry, Optional.of(EntryRights.CLUSTER_ADMIN));
    }

    /** What an access entry lets its principal do, as far as EKS tells. */
    enum EntryRights {
        /** AmazonEKSClusterAdminPolicy associated at cluster scope. */
        CLUSTER_ADMIN,
        /** Kubernetes groups: what RBAC binds to them is not visible to the preflight. */
        GROUPS_ONLY,
        /** Neither: authenticated, but every request is Forbidden except what narrower policies allow. */
        NOT_ADMIN
    }

    private Optional<EntryRights> entryRights(String clusterName, String principal, List<String> groups) {
        try {
            boolean admin = clients.eks().listAssociatedAccessPolicies(r -> r.clusterName(clusterName).principalArn(principal))
                    .associatedAccessPolicies().stream()
                    .anyMatch(p -> p.policyArn() != null && p.policyArn().endsWith("/" + ManagedPolicies.CLUSTER_ADMIN_ACCESS)
                            && p.accessScope() != null && "cluster".equals(p.accessScope().typeAsString()));
            if (admin) {
                return Optional.of(EntryRights.CLUSTER_ADMIN);
            }
            return Optional.of(groups != null && !groups.isEmpty() ? EntryRights.GROUPS_ONLY : EntryRights.NOT_ADMIN);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #existingClusterAccess(String, String, String, List, Optional)}, and an access entry of
     * the caller's own must make it cluster admin: the platform creates cluster-wide objects (CRDs,
     * cluster roles, namespaces, webhooks), which an entry without AmazonEKSClusterAdminPolicy at
     * cluster scope is refused (Forbidden) half-way through the up.
     */
    static CheckResult existingClusterAccess(String cluster, String caller, String creator, List<String> admins, Optional<Boolean> hasEntry,
                                             Optional<EntryRights> rights) {
        for (int i = 0; creator != null && i < admins.size(); i++) {
            if (ClusterCreator.sameIdentity(creator, admins.get(i))) {
                return CheckResult.fail(ACCESS, ClusterCreator.problem(i, admins.get(i), creator).toString());
            }
        }
        if (creator != null && ClusterCreator.sameIdentity(creator, caller)) {
            return CheckResult.pass(ACCESS, caller + " created cluster " + cluster + " and is admin through its bootstrap entry");
        }
        if (admins.stream().anyMatch(a -> ClusterCreator.sameIdentity(a, caller))) {
            return CheckResult.pass(ACCESS, caller + " is listed in adminPrincipalArns");
        }
        if (hasEntry.isEmpty()) {
            return CheckResult.unknown(ACCESS, "could not check whether " + caller + " has an access entry on cluster " + cluster);
        }
        if (hasEntry.get()) {
            if (rights.isEmpty()) {
                return CheckResult.unknown(ACCESS, caller + " has an access entry on cluster " + cluster
                        + ", but its access policies could not be listed (eks:ListAssociatedAccessPolicies)");
            }
            if (rights.get() == EntryRights.NOT_ADMIN) {
                String partition = caller.startsWith("arn:") ? caller.split(":")[1] : "aws";
                return CheckResult.fail(ACCESS, caller + " has an access entry on cluster " + cluster + " without "
                        + ManagedPolicies.CLUSTER_ADMIN_ACCESS + " at cluster scope, so the platform's cluster-wide objects (CRDs, "
                        + "cluster roles, namespaces) would fail with Forbidden; associate it with: aws eks associate-access-policy"
                        + " --cluster-name " + cluster + " --principal-arn " + caller + " --policy-arn "
                        + ManagedPolicies.accessPolicyArn(partition, ManagedPolicies.CLUSTER_ADMIN_ACCESS) + " --access-scope type=cluster"
                        + ", or have an admin list it in aws.adminPrincipalArns and run pulumi up");
            }
            return CheckResult.pass(ACCESS, caller + " has an access entry on cluster " + cluster
                    + (rights.get() == EntryRights.GROUPS_ONLY ? " with Kubernetes groups (what RBAC grants them is not checked here)"
                            : " with " + ManagedPolicies.CLUSTER_ADMIN_ACCESS));
        }
        return CheckResult.fail(ACCESS, caller + " has no access entry on the existing cluster " + cluster
                + ", so pulumi up cannot reach its Kubernetes API (every Kubernetes resource would fail with Unauthorized); "
                + "run as " + (creator != null ? creator : "an identity that is admin") + ", or have an admin add "
                + caller + " to aws.adminPrincipalArns and run pulumi up first");
    }

    CheckResult region(String region) {
        try {
            List<Region> regions = clients.regionDirectory().describeRegions(r -> r.allRegions(true)).regions();
            Optional<Region> match = regions.stream().filter(r -> r.regionName().equals(region)).findFirst();
            if (match.isEmpty()) {
                return CheckResult.fail("region", "region " + region + " does not exist; regions are "
                        + regions.stream().map(Region::regionName).sorted().collect(Collectors.joining(", ")));
            }
            String optIn = match.get().optInStatus();
            if ("not-opted-in".equals(optIn)) {
                return CheckResult.fail("region", "region " + region + " exists but is not enabled for this account; enable it under Account settings, AWS Regions");
            }
            return CheckResult.pass("region", "region " + region + " is available");
        } catch (SdkException e) {
            return CheckResult.unknown("region", "could not list regions (" + reason(e) + ")");
        }
    }

    /** Checks the zones and puts the ones the cluster will use into {@code chosen}. */
    CheckResult zones(AwsTargetArgs args, List<String> chosen) {
        try {
            List<String> available = clients.ec2().describeAvailabilityZones(r -> r.filters(
                            Filter.builder().name("zone-type").values("availability-zone").build())).availabilityZones().stream()
                    .filter(z -> z.state() == AvailabilityZoneState.AVAILABLE)
                    .map(AvailabilityZone::zoneName).sorted().toList();
            if (!args.availabilityZones().isEmpty()) {
                List<String> missing = args.availabilityZones().stream().filter(z -> !available.contains(z)).toList();
                if (!missing.isEmpty()) {
                    return CheckResult.fail("zones", "availability zone" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                            + " not available in " + args.region() + "; available zones are " + String.join(", ", available));
                }
                chosen.addAll(args.availabilityZones());
            } else {
                if (available.size() < args.zoneCount()) {
                    return CheckResult.fail("zones", "region " + args.region() + " has " + available.size() + " available zones but aws.zoneCount is "
                            + args.zoneCount() + "; lower it to " + available.size());
                }
                chosen.addAll(available.subList(0, args.zoneCount()));
            }
            return CheckResult.pass("zones", "zones " + String.join(", ", chosen) + " are available");
        } catch (SdkException e) {
            return CheckResult.unknown("zones", "could not list availability zones (" + reason(e) + ")");
        }
    }

    List<CheckResult> instanceTypesOffered(Map<String, List<NodePool>> poolsByType, List<String> zones) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, Set<String>> offeredZones = new LinkedHashMap<>();
        try {
            clients.ec2().describeInstanceTypeOfferingsPaginator(r -> r
                            .locationType(LocationType.AVAILABILITY_ZONE)
                            .filters(Filter.builder().name("instance-type").values(poolsByType.keySet()).build(),
                                    Filter.builder().name("location").values(zones).build()))
                    .instanceTypeOfferings()
                    .forEach(o -> offeredZones.computeIfAbsent(o.instanceTypeAsString(), k -> new TreeSet<>()).add(o.location()));
        } catch (SdkException e) {
            results.add(CheckResult.unknown("instance-types", "could not list instance type offerings (" + reason(e) + ")"));
            return results;
        }
        for (var entry : poolsByType.entrySet()) {
            String type = entry.getKey();
            Set<String> offered = offeredZones.getOrDefault(type, Set.of());
            List<String> missing = zones.stream().filter(z -> !offered.contains(z)).toList();
            String pools = poolNames(entry.getValue());
            if (missing.isEmpty()) {
                results.add(CheckResult.pass("instance-types", type + " (" + pools + ") is offered in " + String.join(", ", zones)));
            } else {
                results.add(CheckResult.fail("instance-types", "instance type " + type + " (" + pools + ") is not offered in "
                        + String.join(", ", missing) + (offered.isEmpty() ? "" : "; it is offered in " + String.join(", ", offered))
                        + "; pick other zones with aws.availabilityZones or another type with aws.instanceTypes"));
            }
        }
        return results;
    }

    CheckResult kubernetesVersion(String version, String supportType) {
        try {
            List<ClusterVersionInformation> versions = clients.eks().describeClusterVersions(r -> r.includeAll(true)).clusterVersions();
            Set<String> offered = versions.stream().map(ClusterVersionInformation::clusterVersion).collect(Collectors.toSet());
            CheckResult offeredVerdict = versionVerdict(version, offered, clients.region());
            if (offeredVerdict.status() != CheckStatus.PASS) {
                return offeredVerdict;
            }
            return versions.stream().filter(v -> version.equals(v.clusterVersion())).findFirst()
                    .map(v -> supportVerdict(version, supportType, v.versionStatusAsString(), v.endOfStandardSupportDate()))
                    .orElse(offeredVerdict);
        } catch (SdkException e) {
            return CheckResult.unknown("kubernetes-version", "could not check whether EKS offers Kubernetes " + version
                    + " (DescribeClusterVersions: " + reason(e) + ")");
        }
    }

    /** The verdict once EKS has said which versions it offers. */
    /**
     * EKS's default upgrade policy is EXTENDED; CodeZero's is STANDARD, under which EKS does not keep
     * a version that has left standard support. Such a version with STANDARD fails here, with both
     * ways out, instead of at deploy time or as a surprise upgrade.
     */
    static CheckResult supportVerdict(String version, String supportType, String versionStatus, java.time.Instant endOfStandardSupport) {
        if ("STANDARD".equals(supportType) && "EXTENDED_SUPPORT".equals(versionStatus)) {
            return CheckResult.fail("kubernetes-version", "Kubernetes " + version + " left EKS standard support"
                    + (endOfStandardSupport == null ? "" : " on " + endOfStandardSupport.toString().substring(0, 10))
                    + ", and aws.supportType is STANDARD, under which EKS does not keep it; upgrade kubernetesVersion, or set "
                    + "supportType: EXTENDED and accept the extended-support price per cluster-hour");
        }
        return CheckResult.pass("kubernetes-version", "EKS offers Kubernetes " + version
                + ("STANDARD_SUPPORT".equals(versionStatus) ? " in standard support" : ""));
    }

    static CheckResult versionVerdict(String version, Set<String> offered, String region) {
        offered = new TreeSet<>(offered);
        if (offered.contains(version)) {
            return CheckResult.pass("kubernetes-version", "EKS offers Kubernetes " + version);
        }
        return CheckResult.fail("kubernetes-version", "EKS in " + region + " does not offer Kubernetes " + version
                + "; it offers " + String.join(", ", offered) + "; set kubernetesVersion to one of them");
    }

    /** {@code allTypes}: the instance types of the pools, resolved once by the caller. */
    List<CheckResult> vcpuQuotas(ClusterSpec spec, AwsTargetArgs args, Set<String> allTypes) {
        List<CheckResult> results = new ArrayList<>();
        InstanceTypes types = args.instanceTypes();
        Map<String, Integer> vcpus;
        try {
            vcpus = vcpusOf(allTypes);
        } catch (SdkException e) {
            results.add(CheckResult.unknown("vcpu-quota", "could not read vCPU counts of " + String.join(", ", allTypes) + " (" + reason(e) + ")"));
            return results;
        }
        Map<VcpuQuota, Integer> needed = new EnumMap<>(VcpuQuota.class);
        Map<VcpuQuota, List<NodePool>> pools = new EnumMap<>(VcpuQuota.class);
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            String type = types.resolve(pool.size()).orElseThrow();
            Optional<VcpuQuota> quota = VcpuQuota.forInstanceType(type, pool.spot());
            if (quota.isEmpty() || !vcpus.containsKey(type)) {
                results.add(CheckResult.unknown("vcpu-quota", "could not check the vCPU quota for " + type + " (pool " + pool.name()
                        + "): " + (quota.isEmpty() ? "its family has no known quota" : "EC2 does not describe this type")));
                continue;
            }
            needed.merge(quota.get(), vcpus.get(type) * pool.maxNodes(), Integer::sum);
            pools.computeIfAbsent(quota.get(), k -> new ArrayList<>()).add(pool);
        }
        // running instances are listed once for every quota, on the first quota that needs them
        Map<VcpuQuota, Integer> inUseByQuota = null;
        for (var entry : needed.entrySet()) {
            VcpuQuota quota = entry.getKey();
            double limit;
            try {
                limit = clients.quotas().getServiceQuota("ec2", quota.code());
            } catch (ServiceQuotasApi.QuotaUnavailableException e) {
                results.add(CheckResult.unknown("vcpu-quota", "could not read vCPU quota " + quota.code() + " (" + quota.title() + "): "
                        + e.getMessage() + "; check it in the Service Quotas console: " + poolsNeed(pools.get(quota)) + " "
                        + entry.getValue() + " vCPUs at maximum size"));
                continue;
            }
            try {
                if (inUseByQuota == null) {
                    inUseByQuota = vcpusInUse();
                }
            } catch (SdkException e) {
                results.add(CheckResult.unknown("vcpu-quota", "could not count running instances for quota " + quota.code() + " (" + reason(e) + ")"));
                continue;
            }
            results.add(quota.evaluate(entry.getValue(), inUseByQuota.getOrDefault(quota, 0), limit, poolsNeed(pools.get(quota))));
        }
        return results;
    }

    private Map<String, Integer> vcpusOf(Set<String> types) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (types.isEmpty()) {
            return out;
        }
        clients.ec2().describeInstanceTypesPaginator(r -> r.instanceTypesWithStrings(types)).instanceTypes()
                .forEach(info -> out.put(info.instanceTypeAsString(), info.vCpuInfo().defaultVCpus()));
        return out;
    }

    /** vCPUs of running and pending instances per quota they count against (spot requests count against the spot quotas). */
    Map<VcpuQuota, Integer> vcpusInUse() {
        Map<VcpuQuota, Map<String, Integer>> counts = new EnumMap<>(VcpuQuota.class);
        clients.ec2().describeInstancesPaginator(r -> r.filters(Filter.builder().name("instance-state-name")
                        .values(InstanceStateName.RUNNING.toString(), InstanceStateName.PENDING.toString()).build()))
                .reservations().forEach(res -> res.instances().forEach(i -> {
                    boolean spot = i.instanceLifecycle() != null && "spot".equals(i.instanceLifecycleAsString());
                    String type = i.instanceTypeAsString();
                    VcpuQuota.forInstanceType(type, spot).ifPresent(q ->
                            counts.computeIfAbsent(q, k -> new LinkedHashMap<>()).merge(type, 1, Integer::sum));
                }));
        Map<VcpuQuota, Integer> out = new EnumMap<>(VcpuQuota.class);
        if (counts.isEmpty()) {
            return out;
        }
        Map<String, Integer> vcpus = vcpusOf(counts.values().stream().flatMap(c -> c.keySet().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        counts.forEach((quota, byType) -> out.put(quota,
                byType.entrySet().stream().mapToInt(e -> e.getValue() * vcpus.getOrDefault(e.getKey(), 0)).sum()));
        return out;
    }

    private static Map<String, List<NodePool>> poolsByInstanceType(ClusterSpec spec, AwsTargetArgs args) {
        InstanceTypes types = args.instanceTypes();
        Map<String, List<NodePool>> out = new LinkedHashMap<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            out.computeIfAbsent(types.resolve(pool.size()).orElseThrow(), k -> new ArrayList<>()).add(pool);
        }
        return out;
    }

    private static String poolNames(List<NodePool> pools) {
        return (pools.size() == 1 ? "pool " : "pools ") + pools.stream().map(NodePool::name).collect(Collectors.joining(", "));
    }

    private static String poolsNeed(List<NodePool> pools) {
        return poolNames(pools) + (pools.size() == 1 ? " needs" : " need");
    }

    static String reason(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            if (code == null && (service.statusCode() == 401 || service.statusCode() == 403)) {
                return "HTTP " + service.statusCode() + ", refused: the access key is unknown or expired, or lacks permission";
            }
            return (code == null ? "HTTP " + service.statusCode() : code) + (message == null || message.isBlank() ? "" : ": " + message);
        }
        return e.getMessage();
    }
}
