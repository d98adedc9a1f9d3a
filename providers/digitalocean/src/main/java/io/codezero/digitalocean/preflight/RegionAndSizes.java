package io.codezero.digitalocean.preflight;

import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.REGION;
import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.SIZES;
import static io.codezero.digitalocean.preflight.DigitalOceanPreflight.SIZE_REGIONS;
import static io.codezero.digitalocean.preflight.JsonFields.array;
import static io.codezero.digitalocean.preflight.JsonFields.bool;
import static io.codezero.digitalocean.preflight.JsonFields.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the cluster goes and what it runs on: the region offers DigitalOcean Kubernetes, every Droplet size the pools
 * use (the built-in pool's and each spec pool's) is offered for Kubernetes, and every one is sold in the region.
 * {@code /v2/kubernetes/options} answers the first two for all regions at once; only {@code /v2/sizes} says where a
 * size is sold, and DigitalOcean refuses a pool of a size the region lacks only once the cluster exists and is billed.
 */
final class RegionAndSizes {
    private RegionAndSizes() {
    }

    /** The region is among those {@code /v2/kubernetes/options} lists. */
    static CheckResult region(JsonObject options, DigitalOceanTargetArgs args) {
        Set<String> regions = slugs(options, "regions");
        if (regions.contains(args.region())) {
            return CheckResult.pass(REGION, "region " + args.region() + " offers Kubernetes");
        }
        return CheckResult.fail(REGION, "Region " + args.region() + " does not offer DigitalOcean Kubernetes: set digitalocean.region to one that does ("
                + String.join(", ", regions) + ").");
    }

    /** Every size the pools use is among those {@code /v2/kubernetes/options} lists. */
    static CheckResult offered(JsonObject options, ClusterSpec spec, DigitalOceanTargetArgs args) {
        Set<String> offered = slugs(options, "sizes");
        List<String> missing = new ArrayList<>();
        for (var entry : neededSizes(spec, args).entrySet()) {
            if (!offered.contains(entry.getValue())) {
                missing.add(entry.getKey() + " " + entry.getValue());
            }
        }
        if (missing.isEmpty()) {
            return CheckResult.pass(SIZES, "every pool's Droplet size is offered for Kubernetes");
        }
        return CheckResult.fail(SIZES, "DOKS does not offer " + String.join(", ", missing)
                + ": choose sizes it offers (GET /v2/kubernetes/options lists them) through digitalocean.dropletSizes or the pool's machineType.");
    }

    /**
     * Every size must be sold in the cluster's region: {@code /v2/kubernetes/options} does not say where a size is
     * sold, and a pool of a size the region lacks is refused only once the cluster already exists (and is billed).
     *
     * @param all the account's Droplet sizes ({@code GET /v2/sizes})
     */
    static CheckResult soldInRegion(List<JsonObject> all, ClusterSpec spec, DigitalOceanTargetArgs args) {
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

    /** The slugs of one list in {@code /v2/kubernetes/options} (its regions, its sizes), in the API's order. */
    private static Set<String> slugs(JsonObject options, String key) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonElement e : array(options, key)) {
            out.add(text(e.getAsJsonObject(), "slug"));
        }
        return out;
    }
}
