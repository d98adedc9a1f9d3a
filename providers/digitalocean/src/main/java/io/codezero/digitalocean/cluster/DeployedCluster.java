package io.codezero.digitalocean.cluster;

import com.google.gson.JsonObject;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.api.DoApi;
import java.util.Optional;

/**
 * The DOKS cluster a stack already runs, as DigitalOcean reports it ({@code GET /v2/kubernetes/clusters}):
 * found by {@link #own}: its name and region, and the stack's tag.
 *
 * @param id      the cluster's UUID
 * @param version its DOKS version slug, e.g. {@code 1.34.1-do.0}
 * @param state   {@code status.state}: running, provisioning, upgrading, degraded, error, deleting, ...
 * @param ha      whether its control plane is highly available (which DigitalOcean cannot turn off again)
 * @param nodesRunning whether every node of every pool reports {@code running} (surge upgrades add and drain nodes)
 * @param podRange     {@code cluster_subnet}, the pod range it was created with ("" if not reported)
 * @param serviceRange {@code service_subnet}, the service range it was created with ("" if not reported)
 * @param vpcId        {@code vpc_uuid}, the VPC its nodes run in ("" if not reported)
 * @param poolSizes    each pool's Droplet size slug by pool name
 */
public record DeployedCluster(String id, String version, String state, boolean ha, boolean nodesRunning, String podRange,
                              String serviceRange, String vpcId, java.util.Map<String, String> poolSizes) {

    /**
     * Copies the pool sizes.
     * @param id the cluster's UUID
     * @param version its DOKS version slug
     * @param state its {@code status.state}
     * @param ha whether its control plane is highly available
     * @param nodesRunning whether every node reports running
     * @param podRange its pod range, or ""
     * @param serviceRange its service range, or ""
     * @param vpcId its VPC's UUID, or ""
     * @param poolSizes each pool's Droplet size slug by pool name
     */
    public DeployedCluster {
        poolSizes = java.util.Map.copyOf(poolSizes);
    }

    /**
     * This stack's running cluster, if the account has one that is not being deleted. DigitalOcean deletes a cluster
     * in the background, so right after {@code pulumi destroy} the list may still hold it: an {@code up} that creates
     * the stack anew must not keep its version or be held to its ranges.
     *
     * @param adoptedProjectId the stack's adopted project ({@code project.id}), if any; see {@link #own}
     * @param api the DigitalOcean API
     * @param name the spec's cluster name
     * @param region the region slug
     * @param identity the Pulumi project and stack
     * @return the running cluster, or empty when the stack has none (or it is being deleted)
     */
    public static Optional<DeployedCluster> find(DoApi api, String name, String region, StackIdentity identity, Optional<String> adoptedProjectId) {
        return own(api.list("/v2/kubernetes/clusters", "kubernetes_clusters"), name, region, identity,
                inStacksProject(api, name, identity, adoptedProjectId)).map(DeployedCluster::of);
    }

    /**
     * Whether a cluster id is in the stack's project ({@link StackProject}); asked at most once, and only when needed.
     * @param api the DigitalOcean API, asked for the project's clusters
     * @param name the spec's cluster name
     * @param identity the Pulumi project and stack
     * @param adoptedProjectId the adopted project, if any
     * @return a test of cluster ids, memoizing the one lookup
     */
    public static java.util.function.Predicate<String> inStacksProject(DoApi api, String name, StackIdentity identity, Optional<String> adoptedProjectId) {
        var ids = new java.util.concurrent.atomic.AtomicReference<java.util.Set<String>>();
        return id -> {
            if (ids.get() == null) {
                ids.set(StackProject.clusterIds(api, name, identity, adoptedProjectId));
            }
            return ids.get().contains(id);
        };
    }

    /**
     * This stack's cluster among the account's (as {@code GET /v2/kubernetes/clusters} lists them), not being deleted:
     * the one named {@code name} in {@code region} carrying the stack's {@link StackIdentity#clusterTag()}. Cluster names
     * are not the stack's alone (another Pulumi project or stack may run a cluster of the same name and region), so a
     * cluster tagged for another stack is never taken. A cluster carrying no stack tag at all (made before CodeZero
     * tagged clusters; the next {@code up} tags it) is taken only if it sits in the stack's project, where CodeZero put it.
     * @param clusters the account's clusters as the API lists them
     * @param name the spec's cluster name
     * @param region the region slug
     * @param identity the Pulumi project and stack
     * @param inStacksProject whether a cluster id sits in the stack's project
     * @return the stack's cluster's JSON, or empty
     */
    public static Optional<JsonObject> own(java.util.List<JsonObject> clusters, String name, String region, StackIdentity identity,
                                           java.util.function.Predicate<String> inStacksProject) {
        Optional<JsonObject> untagged = Optional.empty();
        for (JsonObject cluster : clusters) {
            String state = cluster.has("status") && cluster.get("status").isJsonObject() ? text(cluster.getAsJsonObject("status"), "state") : "";
            if (!name.equals(text(cluster, "name")) || !region.equals(text(cluster, "region")) || state.equals("deleting") || state.equals("deleted")) {
                continue;
            }
            if (tags(cluster).contains(identity.clusterTag())) {
                return Optional.of(cluster);
            }
            if (untagged.isEmpty() && untagged(cluster) && inStacksProject.test(text(cluster, "id"))) {
                untagged = Optional.of(cluster);
            }
        }
        return untagged;
    }

    /**
     * Whether {@code cluster} may be this stack's in any state (one being deleted included, whose project membership is
     * gone): named {@code name} in {@code region}, and tagged for this stack, or tagged for none and either in the
     * stack's project or being deleted.
     * @param cluster one cluster as the API lists it
     * @param name the spec's cluster name
     * @param region the region slug
     * @param identity the Pulumi project and stack
     * @param inStacksProject whether a cluster id sits in the stack's project
     * @return true if it may be this stack's
     */
    public static boolean mayBeOwn(JsonObject cluster, String name, String region, StackIdentity identity,
                                   java.util.function.Predicate<String> inStacksProject) {
        if (!name.equals(text(cluster, "name")) || !region.equals(text(cluster, "region"))) {
            return false;
        }
        if (tags(cluster).contains(identity.clusterTag())) {
            return true;
        }
        String state = cluster.has("status") && cluster.get("status").isJsonObject() ? text(cluster.getAsJsonObject("status"), "state") : "";
        return untagged(cluster) && (state.equals("deleting") || state.equals("deleted") || inStacksProject.test(text(cluster, "id")));
    }

    private static boolean untagged(JsonObject cluster) {
        return tags(cluster).stream().noneMatch(t -> t.startsWith(StackIdentity.CLUSTER_TAG_PREFIX));
    }

    private static java.util.List<String> tags(JsonObject cluster) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (cluster.has("tags") && cluster.get("tags").isJsonArray()) {
            cluster.getAsJsonArray("tags").forEach(t -> out.add(t.isJsonNull() ? "" : t.getAsString()));
        }
        return out;
    }

    /**
     * The cluster with this id, read now ({@code GET /v2/kubernetes/clusters/{id}}).
     * @param api the DigitalOcean API
     * @param id the cluster's UUID
     * @return the cluster as it is now
     */
    public static DeployedCluster get(DoApi api, String id) {
        return of(api.get("/v2/kubernetes/clusters/" + id).getAsJsonObject("kubernetes_cluster"));
    }

    static DeployedCluster of(JsonObject cluster) {
        JsonObject status = cluster.has("status") && cluster.get("status").isJsonObject() ? cluster.getAsJsonObject("status") : null;
        boolean ha = cluster.has("ha") && !cluster.get("ha").isJsonNull() && cluster.get("ha").getAsBoolean();
        boolean nodesRunning = true;
        java.util.Map<String, String> poolSizes = new java.util.LinkedHashMap<>();
        if (cluster.has("node_pools") && cluster.get("node_pools").isJsonArray()) {
            for (var pool : cluster.getAsJsonArray("node_pools")) {
                JsonObject p = pool.getAsJsonObject();
                if (!text(p, "name").isEmpty() && !text(p, "size").isEmpty()) {
                    poolSizes.put(text(p, "name"), text(p, "size"));
                }
                if (p.has("nodes") && p.get("nodes").isJsonArray()) {
                    for (var node : p.getAsJsonArray("nodes")) {
                        JsonObject n = node.getAsJsonObject();
                        JsonObject nodeStatus = n.has("status") && n.get("status").isJsonObject() ? n.getAsJsonObject("status") : null;
                        nodesRunning &= "running".equals(text(nodeStatus, "state"));
                    }
                }
            }
        }
        return new DeployedCluster(text(cluster, "id"), text(cluster, "version"), text(status, "state"), ha, nodesRunning,
                text(cluster, "cluster_subnet"), text(cluster, "service_subnet"), text(cluster, "vpc_uuid"), poolSizes);
    }

    static String text(JsonObject object, String key) {
        return object != null && object.has(key) && !object.get(key).isJsonNull() ? object.get(key).getAsString() : "";
    }
}
