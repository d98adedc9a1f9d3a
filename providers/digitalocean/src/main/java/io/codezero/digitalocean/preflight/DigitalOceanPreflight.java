package io.codezero.digitalocean.preflight;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.validation.Cidr;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import io.codezero.digitalocean.api.TokenScopes;
import io.codezero.digitalocean.cluster.DeployedCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Read-only checks against the DigitalOcean API before anything is created: the token works and
 * the account is active, the region offers Kubernetes, the version and every Droplet size are
 * offered and every size is sold in the region, the Droplet limit covers the pools at their maximum, and no range collides with an
 * existing VPC. Each failure is one sentence saying what to do.
 */
public final class DigitalOceanPreflight {
    public static final String TOKEN = "token";
    public static final String REGION = "region";
    public static final String VERSION = "version";
    public static final String SIZES = "droplet sizes";
    /** The version a new cluster gets supports what the plan turns on (HA control plane, autoscaling, registry). */
    public static final String FEATURES = "version features";
    /** Whether each pool's Droplet size is sold in the cluster's region ({@code /v2/sizes}). */
    public static final String SIZE_REGIONS = "droplet sizes in region";
    public static final String DROPLET_LIMIT = "droplet limit";
    public static final String VPC_RANGES = "vpc ranges";
    public static final String DEFAULT_VPC = "default vpc";
    public static final String CLUSTER_RANGES = "cluster ranges";
    public static final String PROJECT = "project";
    public static final String PROJECT_RESOURCES = "project resources";
    /** Whether the token may make every read above: a custom-scoped token lacking a scope is answered 403. */
    public static final String TOKEN_SCOPES = "token scopes";
    /** With {@code registryIntegration: true}: the account has a container registry to integrate. */
    public static final String REGISTRY = "registry";

    private final DoApi api;
    /** Why the last {@link #call} failed, for the UNKNOWN results that depend on it. */
    private String lastError = "";

    public DigitalOceanPreflight(DoApi api) {
        this.api = api;
    }

    /**
     * All checks. {@code identity} names the stack: the VPC and project it created on an earlier
     * {@code pulumi up} (recognised by name and {@link StackIdentity#marker()}) and its own running
     * cluster are its own, not collisions.
     */
    public PreflightReport run(ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        List<CheckResult> results = new ArrayList<>();
        Optional<JsonObject> account = account(results);
        Optional<JsonObject> options = call("/v2/kubernetes/options").map(o -> o.getAsJsonObject("options"));
        Optional<List<JsonObject>> clusters = list("/v2/kubernetes/clusters", "kubernetes_clusters");
        String clustersError = lastError;
        // this stack's own cluster on a later up (by name, region and the stack's tag, as everywhere): its version and nodes exist already
        var inStacksProject = DeployedCluster.inStacksProject(api, spec.name(), identity, args.existingProjectId());
        Optional<JsonObject> found;
        try {
            found = clusters.flatMap(all -> DeployedCluster.own(all, spec.name(), args.region(), identity, inStacksProject));
        } catch (DoApiException e) {
            // the stack's project could not be read: a cluster of our name without the stack's tag may or may not be ours
            found = Optional.empty();
        }
        Optional<JsonObject> own = found;
        if (options.isPresent()) {
            results.add(region(options.get(), args));
            results.add(version(options.get(), spec, args, own));
            results.add(sizes(options.get(), spec, args));
            results.add(features(options.get(), spec, args, own));
        } else {
            String why = lastError;
            results.add(CheckResult.unknown(REGION, "could not list Kubernetes options: " + why));
            results.add(CheckResult.unknown(VERSION, "could not list Kubernetes options: " + why));
            results.add(CheckResult.unknown(SIZES, "could not list Kubernetes options: " + why));
            results.add(CheckResult.unknown(FEATURES, "could not list Kubernetes options: " + why));
        }
        // /v2/kubernetes/options lists sizes for every region at once; whether the region sells one is /v2/sizes' answer
        Optional<List<JsonObject>> sizes = list("/v2/sizes", "sizes");
        results.add(sizes.map(all -> sizeRegions(all, spec, args))
                .orElseGet(() -> CheckResult.unknown(SIZE_REGIONS, "could not list the Droplet sizes: " + lastError)));
        results.add(dropletLimit(account, spec, args, own));
        Optional<List<JsonObject>> vpcs = list("/v2/vpcs", "vpcs");
        results.add(vpcs.map(v -> vpcRanges(v, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(VPC_RANGES, "could not list the account's VPCs: " + lastError)));
        results.add(vpcs.map(v -> defaultVpc(v, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(DEFAULT_VPC, "could not list the account's VPCs: " + lastError)));
        results.add(clusters.map(c -> clusterRanges(c, spec, args, identity, inStacksProject))
                .orElseGet(() -> CheckResult.unknown(CLUSTER_RANGES, "could not list the account's Kubernetes clusters: " + clustersError)));
        Optional<List<JsonObject>> projects = list("/v2/projects", "projects");
        String projectsError = lastError;
        results.add(projects.map(p -> project(p, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(PROJECT, "could not list the account's projects: " + projectsError)));
        results.add(projects.map(p -> new ProjectLeftovers(api).check(p, own, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(PROJECT_RESOURCES, "could not list the account's projects: " + projectsError)));
        if (args.registryIntegration()) {
            results.add(registry(args));
        }
        results.add(tokenScopes(results));
        return new PreflightReport("DigitalOcean", results);
    }

    /**
     * The provider enables registry integration only after the cluster is created and running (v2.96.0
     * resourceDigitalOceanKubernetesClusterCreate, then AddRegistry): without a registry the first up fails after the
     * cluster is billed. {@code GET /v2/registry} answers the registry, 412 when there are several, 404 when there is none.
     */
    private CheckResult registry(DigitalOceanTargetArgs args) {
        try {
            JsonObject registry = api.get("/v2/registry").getAsJsonObject("registry");
            return CheckResult.pass(REGISTRY, "container registry " + text(registry, "name") + " exists for the cluster to pull from");
        } catch (DoApiException e) {
            if (e.status() == 412) {
                return CheckResult.pass(REGISTRY, "the account has several container registries");
            }
            if (e.status() == 404) {
                return CheckResult.fail(REGISTRY, "digitalocean.registryIntegration is true but the account has no container registry ("
                        + e.getMessage() + "): create one first (doctl registry create <name> --region " + args.region()
                        + "), or set registryIntegration: false; DigitalOcean would refuse the integration only after the cluster is created.");
            }
            return CheckResult.unknown(REGISTRY, "could not read the container registry: " + e.getMessage());
        }
    }

    /**
     * A 403 on any read is a scope the token lacks, not an unknown: the provider reads back every resource it creates,
     * so {@code pulumi up} would stop part-way. DigitalOcean has no call that lists a token's scopes, so the write
     * scopes can only be listed (docs/digitalocean.md, "Token scopes"), not tried.
     */
    private CheckResult tokenScopes(List<CheckResult> results) {
        Set<String> forbidden = new java.util.TreeSet<>(api.forbiddenPaths());
        if (forbidden.isEmpty() && results.stream().anyMatch(r -> r.status() == io.codezero.core.preflight.CheckStatus.UNKNOWN)) {
            return CheckResult.unknown(TOKEN_SCOPES, "not every read could be made, so the token's scopes are not known");
        }
        if (forbidden.isEmpty()) {
            return CheckResult.pass(TOKEN_SCOPES, "the token may make every read (a custom-scoped token also needs the write scopes: "
                    + String.join(", ", TokenScopes.all()) + ")");
        }
        Set<String> missing = new java.util.TreeSet<>();
        forbidden.forEach(path -> missing.add(TokenScopes.forGet(path).orElse("the scope of GET " + path)));
        return CheckResult.fail(TOKEN_SCOPES, "The API token lacks " + String.join(", ", missing) + " (DigitalOcean answered 403 to GET "
                + String.join(", ", forbidden) + "): give a custom-scoped token every scope a stack needs ("
                + String.join(", ", TokenScopes.all()) + "), or use a full-access token.");
    }

    private Optional<JsonObject> call(String path) {
        try {
            return Optional.of(api.get(path));
        } catch (DoApiException e) {
            lastError = e.getMessage();
            return Optional.empty();
        }
    }

    private Optional<List<JsonObject>> list(String path, String key) {
        try {
            return Optional.of(api.list(path, key));
        } catch (DoApiException e) {
            lastError = e.getMessage();
            return Optional.empty();
        }
    }

    private Optional<JsonObject> account(List<CheckResult> results) {
        try {
            JsonObject account = api.get("/v2/account").getAsJsonObject("account");
            String status = text(account, "status");
            if (!"active".equals(status)) {
                results.add(CheckResult.fail(TOKEN, "The DigitalOcean account is " + status + " (" + text(account, "status_message").trim()
                        + "): resolve it in the control panel's billing or support pages before creating a cluster."));
            } else {
                results.add(CheckResult.pass(TOKEN, "token accepted; account " + text(account, "email") + " is active"));
            }
            return Optional.of(account);
        } catch (DoApiException e) {
            if (e.status() == 401) {
                results.add(CheckResult.fail(TOKEN, "DigitalOcean refused the API token (" + e.getMessage()
                        + "): create a token with read and write scopes in the control panel and export it as DIGITALOCEAN_TOKEN."));
            } else if (e.status() == 403) {
                results.add(CheckResult.fail(TOKEN, "The API token may not read the account (" + e.getMessage()
                        + "): give the token the account:read scope, or use a full-access token."));
            } else {
                results.add(CheckResult.unknown(TOKEN, "could not check the token: " + e.getMessage()));
            }
            return Optional.empty();
        }
    }

    private static CheckResult region(JsonObject options, DigitalOceanTargetArgs args) {
        Set<String> regions = slugs(options, "regions");
        if (regions.contains(args.region())) {
            return CheckResult.pass(REGION, "region " + args.region() + " offers Kubernetes");
        }
        return CheckResult.fail(REGION, "Region " + args.region() + " does not offer DigitalOcean Kubernetes: set digitalocean.region to one that does ("
                + String.join(", ", regions) + ").");
    }

    private static CheckResult version(JsonObject options, ClusterSpec spec, DigitalOceanTargetArgs args, Optional<JsonObject> own) {
        Map<String, String> offered = new LinkedHashMap<>();
        for (JsonElement v : array(options, "versions")) {
            offered.put(text(v.getAsJsonObject(), "slug"), text(v.getAsJsonObject(), "kubernetes_version"));
        }
        // The running cluster's slug is kept (VersionChoice) while the program names its minor or pins that very slug:
        // nothing is created at it, so DigitalOcean retiring the patch (or, before its forced upgrade, the minor) from
        // the new-cluster list must not stop a later up that changes something else.
        String running = own.map(c -> text(c, "version")).orElse("");
        if (!running.isEmpty() && args.versionSlug().map(running::equals)
                .orElse(running.startsWith(spec.kubernetesVersion() + "."))) {
            return CheckResult.pass(VERSION, "the running cluster keeps version " + running
                    + (offered.containsKey(running) ? "" : " (no longer offered for new clusters; upgrade when you choose)"));
        }
        if (args.versionSlug().isPresent()) {
            String slug = args.versionSlug().get();
            return offered.containsKey(slug)
                    ? CheckResult.pass(VERSION, "version " + slug + " is offered")
                    : CheckResult.fail(VERSION, "DOKS does not offer version " + slug + ": set digitalocean.versionSlug to one it offers ("
                    + String.join(", ", offered.keySet()) + ") or remove it to use the newest " + spec.kubernetesVersion() + ".x.");
        }
        String prefix = spec.kubernetesVersion() + ".";
        Optional<String> match = offered.entrySet().stream().filter(e -> e.getValue().startsWith(prefix)).map(Map.Entry::getKey).findFirst();
        return match.map(slug -> CheckResult.pass(VERSION, "Kubernetes " + spec.kubernetesVersion() + " is offered (" + slug + ")"))
                .orElseGet(() -> CheckResult.fail(VERSION, "DOKS offers no Kubernetes " + spec.kubernetesVersion() + ".x (it offers "
                        + String.join(", ", new LinkedHashSet<>(offered.values())) + "): set kubernetesVersion to an offered minor that CodeZero supports."));
    }

    private static CheckResult sizes(JsonObject options, ClusterSpec spec, DigitalOceanTargetArgs args) {
        Set<String> offered = slugs(options, "sizes");
        List<String> missing = new ArrayList<>();
        if (!offered.contains(args.builtInPoolSize())) {
            missing.add("digitalocean.builtInPool.size " + args.builtInPoolSize());
        }
        List<NodePool> pools = spec.nodePoolsOrDefault();
        for (int i = 0; i < pools.size(); i++) {
            String slug = args.dropletSizes().resolve(pools.get(i).size()).orElse("?");
            if (!offered.contains(slug)) {
                missing.add("nodePools[" + i + "] (" + pools.get(i).name() + ") " + slug);
            }
        }
        if (missing.isEmpty()) {
            return CheckResult.pass(SIZES, "every pool's Droplet size is offered for Kubernetes");
        }
        return CheckResult.fail(SIZES, "DOKS does not offer " + String.join(", ", missing)
                + ": choose sizes it offers (GET /v2/kubernetes/options lists them) through digitalocean.dropletSizes or the pool's machineType.");
    }

    /**
     * Each version lists its {@code supported_features} in {@code /v2/kubernetes/options}; a cluster created at a version
     * without {@code ha-control-plane}, {@code cluster-autoscaler} or {@code docr-integration} cannot have what the
     * plan turns on. A running cluster keeps its version and its features, so only a new cluster (or a new slug) is checked.
     */
    private static CheckResult features(JsonObject options, ClusterSpec spec, DigitalOceanTargetArgs args, Optional<JsonObject> own) {
        String running = own.map(c -> text(c, "version")).orElse("");
        if (!running.isEmpty() && args.versionSlug().map(running::equals).orElse(running.startsWith(spec.kubernetesVersion() + "."))) {
            return CheckResult.pass(FEATURES, "the running cluster keeps version " + running + " and its features");
        }
        String prefix = spec.kubernetesVersion() + ".";
        Optional<JsonObject> version = java.util.stream.StreamSupport.stream(array(options, "versions").spliterator(), false)
                .map(JsonElement::getAsJsonObject)
                .filter(v -> args.versionSlug().map(slug -> slug.equals(text(v, "slug"))).orElse(text(v, "kubernetes_version").startsWith(prefix)))
                .findFirst();
        if (version.isEmpty()) {
            return CheckResult.unknown(FEATURES, "the version is not offered (see the version check), so its features are unknown");
        }
        Set<String> supported = new LinkedHashSet<>();
        array(version.get(), "supported_features").forEach(f -> supported.add(f.getAsString()));
        Map<String, String> needed = new LinkedHashMap<>();
        if (args.highAvailability()) {
            needed.put("ha-control-plane", "digitalocean.highAvailability: true");
        }
        if (spec.nodePoolsOrDefault().stream().anyMatch(p -> p.minNodes() != p.maxNodes())) {
            needed.put("cluster-autoscaler", "a pool with minNodes < maxNodes");
        }
        if (args.registryIntegration()) {
            needed.put("docr-integration", "digitalocean.registryIntegration: true");
        }
        List<String> missing = needed.entrySet().stream().filter(e -> !supported.contains(e.getKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        String slug = text(version.get(), "slug");
        if (missing.isEmpty()) {
            return CheckResult.pass(FEATURES, slug + " supports " + (needed.isEmpty() ? "what the plan needs" : String.join(", ", needed.keySet())));
        }
        return CheckResult.fail(FEATURES, "DOKS " + slug + " does not support " + String.join(", ", missing)
                + ": choose a version that does (its supported_features in GET /v2/kubernetes/options), or turn the setting off.");
    }

    /** Each Droplet size the cluster needs, keyed by where it is set (the built-in pool, each spec pool). */
    private static Map<String, String> neededSizes(ClusterSpec spec, DigitalOceanTargetArgs args) {
        Map<String, String> needed = new LinkedHashMap<>();
        needed.put("digitalocean.builtInPool.size", args.builtInPoolSize());
        List<NodePool> pools = spec.nodePoolsOrDefault();
        for (int i = 0; i < pools.size(); i++) {
            needed.put("nodePools[" + i + "] (" + pools.get(i).name() + ")", args.dropletSizes().resolve(pools.get(i).size()).orElse("?"));
        }
        return needed;
    }

    /**
     * Every size must be sold in the cluster's region: {@code /v2/kubernetes/options} does not say where a size is
     * sold, and a pool of a size the region lacks is refused only once the cluster already exists (and is billed).
     */
    private static CheckResult sizeRegions(List<JsonObject> all, ClusterSpec spec, DigitalOceanTargetArgs args) {
        Map<String, JsonObject> bySlug = new LinkedHashMap<>();
        all.forEach(size -> bySlug.put(text(size, "slug"), size));
        List<String> elsewhere = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (var entry : neededSizes(spec, args).entrySet()) {
            JsonObject size = bySlug.get(entry.getValue());
            if (size == null) {
                unlisted.add(entry.getKey() + " " + entry.getValue());
                continue;
            }
            Set<String> regions = new TreeSet<>();
            array(size, "regions").forEach(r -> regions.add(r.getAsString()));
            boolean available = bool(size, "available");
            if (!available || !regions.contains(args.region())) {
                elsewhere.add(entry.getKey() + " " + entry.getValue() + (available && !regions.isEmpty()
                        ? " (sold in " + String.join(", ", regions) + ")" : " (not available in any region now)"));
            }
        }
        if (!elsewhere.isEmpty()) {
            return CheckResult.fail(SIZE_REGIONS, "DigitalOcean does not sell " + String.join(", ", elsewhere) + " in " + args.region()
                    + ": choose sizes sold there through digitalocean.dropletSizes or the pool's machineType, or a region that sells them"
                    + " (the pool would be refused after the cluster is created).");
        }
        if (!unlisted.isEmpty()) {
            return CheckResult.unknown(SIZE_REGIONS, "GET /v2/sizes does not list " + String.join(", ", unlisted) + ", so where it is sold is unknown");
        }
        return CheckResult.pass(SIZE_REGIONS, "every pool's Droplet size is sold in " + args.region());
    }

    /**
     * At most this many nodes a surge upgrade creates before it drains and deletes old ones (DigitalOcean's glossary,
     * "Surge Upgrade": duplicates, up to a maximum of 10); worker nodes count against the Droplet limit.
     */
    static final int SURGE_MAX_NODES = 10;

    /** Whether this up moves the running cluster to another version (a new minor, or another pinned slug). */
    private static boolean upgrades(JsonObject cluster, ClusterSpec spec, DigitalOceanTargetArgs args) {
        String running = text(cluster, "version");
        if (running.isEmpty()) {
            return false;
        }
        return args.versionSlug().map(slug -> !slug.equals(running)).orElse(!running.startsWith(spec.kubernetesVersion() + "."));
    }

    /** The surge an upgrade needs at least: the largest pool's nodes, at most {@link #SURGE_MAX_NODES}. */
    private static int surgeNodes(ClusterSpec spec, DigitalOceanTargetArgs args) {
        int largest = Math.max(args.builtInPoolNodes(), spec.nodePoolsOrDefault().stream().mapToInt(NodePool::maxNodes).max().orElse(0));
        return Math.min(SURGE_MAX_NODES, largest);
    }

    /** The nodes a cluster runs now, in all its pools. */
    private static int nodesOf(JsonObject cluster) {
        int nodes = 0;
        for (JsonElement pool : array(cluster, "node_pools")) {
            JsonObject p = pool.getAsJsonObject();
            nodes += p.has("nodes") && p.get("nodes").isJsonArray() ? p.getAsJsonArray("nodes").size() : 0;
        }
        return nodes;
    }

    private CheckResult dropletLimit(Optional<JsonObject> account, ClusterSpec spec, DigitalOceanTargetArgs args, Optional<JsonObject> own) {
        if (account.isEmpty()) {
            return CheckResult.unknown(DROPLET_LIMIT, "the account could not be read, so its Droplet limit is unknown");
        }
        int needed = args.builtInPoolNodes() + spec.nodePoolsOrDefault().stream().mapToInt(NodePool::maxNodes).sum();
        long limit = account.get().get("droplet_limit").getAsLong();
        long inUse;
        try {
            inUse = DoApi.total(api.get("/v2/droplets?per_page=1"));
        } catch (DoApiException e) {
            return CheckResult.unknown(DROPLET_LIMIT, "could not count the account's Droplets: " + e.getMessage());
        }
        if (inUse < 0) {
            return CheckResult.unknown(DROPLET_LIMIT, "the Droplet list carried no total");
        }
        // on a later up this stack's own nodes are among the Droplets in use and also among the pools' maximum: count them once
        int ownNodes = own.map(DigitalOceanPreflight::nodesOf).orElse(0);
        inUse = Math.max(0, inUse - ownNodes);
        int surge = own.filter(c -> upgrades(c, spec, args)).map(c -> surgeNodes(spec, args)).orElse(0);
        if (surge > 0 && inUse + needed + surge > limit) {
            return CheckResult.fail(DROPLET_LIMIT, "This up upgrades the running cluster, and surge upgrades add up to " + surge
                    + " new nodes before they remove old ones: the pools at their maximum (" + needed + ") plus those need "
                    + (needed + surge) + " Droplets, but the account's limit is " + limit + " with " + inUse + " in use besides the cluster's: "
                    + "ask DigitalOcean support to raise the Droplet limit to at least " + (inUse + needed + surge) + ", or lower maxNodes.");
        }
        if (inUse + needed > limit) {
            return CheckResult.fail(DROPLET_LIMIT, "The pools need up to " + needed + " Droplets at their maximum, but the account's limit is "
                    + limit + " with " + inUse + " in use: lower maxNodes, or ask DigitalOcean support to raise the Droplet limit to at least "
                    + (inUse + needed) + ".");
        }
        return CheckResult.pass(DROPLET_LIMIT, needed + " Droplets at the pools' maximum fit the limit of " + limit + " (" + inUse + " in use"
                + (ownNodes > 0 ? " besides this cluster's " + ownNodes + " nodes" : "") + ")");
    }

    /** Our own VPC from an earlier up: the name we give it, in our region, with our marker in its description. */
    private static boolean ours(JsonObject vpc, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        return !args.adoptsVpc() && identity.vpcName(spec.name(), args.region()).equals(text(vpc, "name"))
                && args.region().equals(text(vpc, "region")) && text(vpc, "description").contains(identity.marker());
    }

    private CheckResult vpcRanges(List<JsonObject> allVpcs, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        // a later up finds the VPC this stack created: its range is ours, not a collision
        List<JsonObject> vpcs = allVpcs.stream().filter(v -> !ours(v, spec, args, identity)).toList();
        List<JsonObject> named = vpcs.stream().filter(v -> !args.adoptsVpc() && identity.vpcName(spec.name(), args.region()).equals(text(v, "name"))).toList();
        if (!named.isEmpty()) {
            return CheckResult.fail(VPC_RANGES, "A VPC named " + identity.vpcName(spec.name(), args.region()) + " already exists (" + text(named.get(0), "id")
                    + ", not made by this stack) and VPC names are unique per account: adopt it with digitalocean.vpcId, or delete or rename it.");
        }
        Map<String, String> ours = new LinkedHashMap<>();
        if (args.adoptsVpc()) {
            String id = args.existingVpcId().orElseThrow();
            Optional<JsonObject> adopted = vpcs.stream().filter(v -> id.equals(text(v, "id"))).findFirst();
            if (adopted.isEmpty()) {
                return CheckResult.fail(VPC_RANGES, "VPC " + id + " (digitalocean.vpcId) does not exist in this account: use the id of one that does.");
            }
            if (!args.region().equals(text(adopted.get(), "region"))) {
                return CheckResult.fail(VPC_RANGES, "VPC " + id + " is in " + text(adopted.get(), "region") + ", not " + args.region()
                        + ": adopt a VPC in the cluster's region or change digitalocean.region.");
            }
            ours.put("the adopted VPC " + id, text(adopted.get(), "ip_range"));
        } else {
            ours.put("network.vpcCidr", spec.network().vpcCidr());
        }
        ours.put("network.podCidr", spec.network().podCidr());
        ours.put("network.serviceCidr", spec.network().serviceCidr());
        List<String> clashes = new ArrayList<>();
        for (var entry : ours.entrySet()) {
            Optional<Cidr> range = Cidr.parse(entry.getValue());
            if (range.isEmpty()) {
                continue;
            }
            for (JsonObject vpc : vpcs) {
                if (args.existingVpcId().filter(id -> id.equals(text(vpc, "id"))).isPresent()) {
                    continue;
                }
                Optional<Cidr> existing = Cidr.parse(text(vpc, "ip_range"));
                if (existing.isPresent() && existing.get().overlaps(range.get())) {
                    clashes.add(entry.getKey() + " " + entry.getValue() + " overlaps VPC " + text(vpc, "name") + " (" + text(vpc, "ip_range")
                            + ", " + text(vpc, "region") + ")");
                }
            }
        }
        if (clashes.isEmpty()) {
            return CheckResult.pass(VPC_RANGES, "no range overlaps the account's " + vpcs.size() + " VPCs");
        }
        return CheckResult.fail(VPC_RANGES, String.join("; ", clashes)
                + ": DigitalOcean ranges may not overlap within an account, so choose free private ranges.");
    }

    /**
     * The first VPC made in a region becomes its default, which DigitalOcean never deletes (API specification,
     * vpcs_create): a stack that creates the region's first VPC could never be destroyed completely.
     */
    private static CheckResult defaultVpc(List<JsonObject> vpcs, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        if (args.adoptsVpc()) {
            return CheckResult.pass(DEFAULT_VPC, "the cluster uses the adopted VPC " + args.existingVpcId().orElseThrow() + "; no VPC is created");
        }
        Optional<JsonObject> own = vpcs.stream().filter(v -> ours(v, spec, args, identity)).findFirst();
        if (own.isPresent() && bool(own.get(), "default")) {
            return CheckResult.fail(DEFAULT_VPC, "This stack's VPC " + text(own.get(), "name") + " is the default VPC of " + args.region()
                    + ", which DigitalOcean never deletes, so pulumi destroy would stop at it: make another VPC of the region its default "
                    + "(control panel, Networking, VPC), then run again.");
        }
        long inRegion = vpcs.stream().filter(v -> args.region().equals(text(v, "region"))).count();
        if (inRegion == 0) {
            return CheckResult.fail(DEFAULT_VPC, "The account has no VPC in " + args.region() + ", so the one this stack creates would become the "
                    + "region's default, which DigitalOcean never deletes (pulumi destroy would stop at it): create a VPC there first "
                    + "(doctl vpcs create --name default-" + args.region() + " --region " + args.region() + "), or adopt one with digitalocean.vpcId.");
        }
        return CheckResult.pass(DEFAULT_VPC, args.region() + " already has " + (own.isPresent() ? inRegion - 1 : inRegion)
                + " other VPC(s), so the one created is not the region's default and can be deleted");
    }

    /** Pod and service ranges of the account's other clusters: DigitalOcean refuses a cluster whose ranges overlap theirs. */
    private static CheckResult clusterRanges(List<JsonObject> clusters, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity,
                                             java.util.function.Predicate<String> inStacksProject) {
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("network.podCidr", spec.network().podCidr());
        ours.put("network.serviceCidr", spec.network().serviceCidr());
        if (!args.adoptsVpc()) {
            ours.put("network.vpcCidr", spec.network().vpcCidr());
        }
        List<String> clashes = new ArrayList<>();
        int others = 0;
        for (JsonObject cluster : clusters) {
            if (mayBeOwn(cluster, spec, args, identity, inStacksProject)) {
                continue; // this stack's own cluster, on a later up (or still being deleted after a destroy)
            }
            others++;
            for (String key : List.of("cluster_subnet", "service_subnet")) {
                Optional<Cidr> theirs = Cidr.parse(text(cluster, key));
                for (var entry : ours.entrySet()) {
                    Optional<Cidr> range = Cidr.parse(entry.getValue());
                    if (theirs.isPresent() && range.isPresent() && theirs.get().overlaps(range.get())) {
                        clashes.add(entry.getKey() + " " + entry.getValue() + " overlaps the " + (key.startsWith("cluster") ? "pod" : "service")
                                + " range " + text(cluster, key) + " of cluster " + text(cluster, "name") + " (" + text(cluster, "region") + ")");
                    }
                }
            }
        }
        if (clashes.isEmpty()) {
            return CheckResult.pass(CLUSTER_RANGES, "no range overlaps the pod or service ranges of the account's " + others + " other clusters");
        }
        return CheckResult.fail(CLUSTER_RANGES, String.join("; ", clashes)
                + ": DigitalOcean refuses a cluster whose ranges overlap another cluster's in the account, so choose other private ranges.");
    }

    private static boolean mayBeOwn(JsonObject cluster, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity,
                                    java.util.function.Predicate<String> inStacksProject) {
        try {
            return DeployedCluster.mayBeOwn(cluster, spec.name(), args.region(), identity, inStacksProject);
        } catch (DoApiException e) {
            return false; // the project could not be read: count the cluster as another's, which can only fail safe
        }
    }

    /** Project names are unique per account: a project of our name that this stack did not make would stop the create. */
    private static CheckResult project(List<JsonObject> projects, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity) {
        if (args.existingProjectId().isPresent()) {
            String id = args.existingProjectId().get();
            return projects.stream().anyMatch(p -> id.equals(text(p, "id")))
                    ? CheckResult.pass(PROJECT, "project " + id + " (digitalocean.project.id) exists")
                    : CheckResult.fail(PROJECT, "Project " + id + " (digitalocean.project.id) does not exist in this account: use the id of one that does.");
        }
        String name = identity.projectName(spec.name());
        Optional<JsonObject> same = projects.stream().filter(p -> name.equals(text(p, "name"))).findFirst();
        if (same.isEmpty()) {
            return CheckResult.pass(PROJECT, "no project is named " + name + " yet");
        }
        if (text(same.get(), "description").contains(identity.marker())) {
            return CheckResult.pass(PROJECT, "project " + name + " is this stack's own");
        }
        return CheckResult.fail(PROJECT, "A project named " + name + " already exists (" + text(same.get(), "id") + ", not made by this stack) and "
                + "project names are unique per account: adopt it with digitalocean.project.id: " + text(same.get(), "id")
                + ", or rename or delete it.");
    }

    private static boolean bool(JsonObject object, String key) {
        return object != null && object.has(key) && !object.get(key).isJsonNull() && object.get(key).getAsBoolean();
    }

    private static Set<String> slugs(JsonObject options, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonElement e : array(options, key)) {
            out.add(text(e.getAsJsonObject(), "slug"));
        }
        return out;
    }

    private static Iterable<JsonElement> array(JsonObject object, String key) {
        return object != null && object.has(key) && object.get(key).isJsonArray() ? object.getAsJsonArray(key) : List.of();
    }

    private static String text(JsonObject object, String key) {
        return object != null && object.has(key) && !object.get(key).isJsonNull() ? object.get(key).getAsString() : "";
    }
}
