package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.DROPLET_LIMIT;
import static io.codezero.digitalocean.preflight.JsonFields.array;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import java.util.Optional;

/**
 * The account's Droplet limit covers the pools at their maximum: each worker node is a Droplet and counts against the
 * limit, besides the account's other Droplets. On a later up that upgrades the running cluster, surge upgrades add new
 * nodes before they remove old ones, so those count too; the running cluster's own nodes are counted once.
 */
final class DropletLimit {
    /**
     * At most this many nodes a surge upgrade creates before it drains and deletes old ones (DigitalOcean's glossary,
     * "Surge Upgrade": duplicates, up to a maximum of 10); worker nodes count against the Droplet limit.
     */
    static final int SURGE_MAX_NODES = 10;

    private final DoApi api;

    DropletLimit(DoApi api) {
        this.api = api;
    }

    /**
     * @param account the account ({@code GET /v2/account}, carrying {@code droplet_limit}), empty when it could not be read
     * @param own     this stack's running cluster, as the cluster list reports it, if any
     */
    CheckResult check(Optional<JsonObject> account, ClusterSpec spec, DigitalOceanTargetArgs args, Optional<JsonObject> own) {
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
        int ownNodes = own.map(DropletLimit::nodesOf).orElse(0);
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

    /** Whether this up moves the running cluster to another version (a new minor, or another pinned slug). */
    private static boolean upgrades(JsonObject cluster, ClusterSpec spec, DigitalOceanTargetArgs args) {
        String running = text(cluster, "version");
        return !running.isEmpty() && !VersionAndFeatures.keepsRunning(running, spec, args);
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
}
