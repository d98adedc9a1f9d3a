package io.codezero.digitalocean.preflight;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import io.codezero.digitalocean.cluster.DeployedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only checks against the DigitalOcean API before anything is created: the token works and
 * the account is active, the region offers Kubernetes, the version and every Droplet size are
 * offered and every size is sold in the region, the Droplet limit covers the pools at their maximum, and no range collides with an
 * existing VPC. Each failure is one sentence saying what to do.
 *
 * <p>This class makes the reads several checks share and keeps their order; each check is its own class in this
 * package: {@link AccountStatus}, {@link RegionAndSizes}, {@link VersionAndFeatures}, {@link DropletLimit},
 * {@link VpcRanges}, {@link DefaultVpc}, {@link ClusterRanges}, {@link ProjectName}, {@link ProjectLeftovers},
 * {@link ContainerRegistry} and, last because it reads what the others were refused, {@link TokenScopesCheck}.
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
        Optional<JsonObject> account = new AccountStatus(api).check(results);
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
            results.add(RegionAndSizes.region(options.get(), args));
            results.add(VersionAndFeatures.version(options.get(), spec, args, own));
            results.add(RegionAndSizes.offered(options.get(), spec, args));
            results.add(VersionAndFeatures.features(options.get(), spec, args, own));
        } else {
            String why = lastError;
            results.add(CheckResult.unknown(REGION, "could not list Kubernetes options: " + why));
            results.add(CheckResult.unknown(VERSION, "could not list Kubernetes options: " + why));
            results.add(CheckResult.unknown(SIZES, "could not list Kubernetes options: " + why));
            results.add(CheckResult.unknown(FEATURES, "could not list Kubernetes options: " + why));
        }
        // /v2/kubernetes/options lists sizes for every region at once; whether the region sells one is /v2/sizes' answer
        Optional<List<JsonObject>> sizes = list("/v2/sizes", "sizes");
        results.add(sizes.map(all -> RegionAndSizes.soldInRegion(all, spec, args))
                .orElseGet(() -> CheckResult.unknown(SIZE_REGIONS, "could not list the Droplet sizes: " + lastError)));
        results.add(new DropletLimit(api).check(account, spec, args, own));
        Optional<List<JsonObject>> vpcs = list("/v2/vpcs", "vpcs");
        results.add(vpcs.map(v -> VpcRanges.check(v, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(VPC_RANGES, "could not list the account's VPCs: " + lastError)));
        results.add(vpcs.map(v -> DefaultVpc.check(v, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(DEFAULT_VPC, "could not list the account's VPCs: " + lastError)));
        results.add(clusters.map(c -> ClusterRanges.check(c, spec, args, identity, inStacksProject))
                .orElseGet(() -> CheckResult.unknown(CLUSTER_RANGES, "could not list the account's Kubernetes clusters: " + clustersError)));
        Optional<List<JsonObject>> projects = list("/v2/projects", "projects");
        String projectsError = lastError;
        results.add(projects.map(p -> ProjectName.check(p, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(PROJECT, "could not list the account's projects: " + projectsError)));
        results.add(projects.map(p -> new ProjectLeftovers(api).check(p, own, spec, args, identity))
                .orElseGet(() -> CheckResult.unknown(PROJECT_RESOURCES, "could not list the account's projects: " + projectsError)));
        if (args.registryIntegration()) {
            results.add(new ContainerRegistry(api).check(args));
        }
        results.add(new TokenScopesCheck(api).check(results));
        return new PreflightReport("DigitalOcean", results);
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
}
