package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.fluent.models.UsageInner;
import io.codezero.azure.AksNames;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each VM family's regional vCPU quota and the regional total (for spot pools the low-priority quota)
 * must have room for every pool at its maximum size (Usage - List), or the create, or a later scale-out
 * to that size, fails half-way on the quota. The usage already counts this cluster's running nodes, so
 * a later up needs only the increase, plus the surge nodes an upgrade of an existing regular pool adds
 * on top of its maximum.
 */
final class VcpuQuotas {
    private final AzureClients clients;

    VcpuQuotas(AzureClients clients) {
        this.clients = clients;
    }

    /** @param skus the SKUs of the sizes {@link VmSizes} found offered, by size */
    List<CheckResult> run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args, Map<String, ResourceSkuInner> skus) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, UsageInner> usages = new LinkedHashMap<>();
        try {
            for (UsageInner usage : clients.compute(subscriptionId).getUsages().list(args.location())) {
                if (usage.name() != null && usage.name().value() != null) {
                    usages.put(usage.name().value().toLowerCase(Locale.ROOT), usage);
                }
            }
        } catch (RuntimeException e) {
            results.add(CheckResult.unknown("vcpu-quota", "could not read the vCPU quotas of " + args.location() + " (" + reason(e) + ")"));
            return results;
        }
        // the usage already counts this cluster's running nodes: a later up needs only the increase
        Map<String, ExistingPool> running = existingPools(subscriptionId, spec, args);
        // quota name -> vCPUs needed beyond what runs now, and who needs them
        Map<String, Integer> needed = new LinkedHashMap<>();
        Map<String, Integer> runningVcpus = new LinkedHashMap<>();
        Map<String, Integer> surgeVcpus = new LinkedHashMap<>();
        Map<String, List<String>> needers = new LinkedHashMap<>();
        List<Need> needs = new ArrayList<>();
        needs.add(new Need(AksNames.SYSTEM_POOL, args.systemPoolVmSize(), args.systemPoolCount(), false));
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            needs.add(new Need(pool.name(), args.vmSizes().resolve(pool.size()).orElseThrow(), pool.maxNodes(), pool.spot()));
        }
        for (Need need : needs) {
            ResourceSkuInner sku = skus.get(need.size);
            if (sku == null) {
                continue; // its size already failed
            }
            int vcpus = vcpus(sku);
            ExistingPool now = running.get(need.pool);
            // a pool of another size is replaced, delete first: count nothing as running, to stay conservative
            int nodesNow = now != null && now.vmSize.equalsIgnoreCase(need.size) ? now.count : 0;
            // an existing regular pool upgrades with surge nodes on top of its maximum (AKS refuses surge on spot pools)
            int surge = nodesNow > 0 && !need.spot ? surgeNodes(args.maxSurge(), need.nodes) : 0;
            int more = Math.max(0, need.nodes - nodesNow) + surge;
            // spot VMs count against the regional low-priority quota, regular ones against their family's and the regional total
            List<String> quotas = need.spot ? List.of("lowPriorityCores") : List.of(sku.family(), "cores");
            for (String quota : quotas) {
                needed.merge(quota, vcpus * more, Integer::sum);
                runningVcpus.merge(quota, vcpus * Math.min(nodesNow, need.nodes), Integer::sum);
                surgeVcpus.merge(quota, vcpus * surge, Integer::sum);
                needers.computeIfAbsent(quota, k -> new ArrayList<>()).add(need.pool);
            }
        }
        for (var entry : needed.entrySet()) {
            String quota = entry.getKey();
            UsageInner usage = usages.get(quota.toLowerCase(Locale.ROOT));
            String who = VmSizes.poolNames(needers.get(quota)) + (needers.get(quota).size() == 1 ? " needs " : " need ");
            if (usage == null) {
                results.add(CheckResult.unknown("vcpu-quota", "the subscription reports no quota named " + quota + " in " + args.location()
                        + "; " + who + entry.getValue() + " vCPUs of it at maximum size: check Usage + quotas in the Azure portal"));
                continue;
            }
            long free = usage.limit() - usage.currentValue();
            int inUse = runningVcpus.getOrDefault(quota, 0);
            int surge = surgeVcpus.getOrDefault(quota, 0);
            String beyond = inUse == 0 ? "" : " more than the " + inUse + " this cluster already runs (upgrade surge " + surge + " included)";
            if (entry.getValue() > free) {
                results.add(CheckResult.fail("vcpu-quota", who + entry.getValue() + " vCPUs of quota " + quota + " in " + args.location()
                        + " at maximum size" + beyond + " but only " + Math.max(0, free) + " of " + usage.limit() + " are free; request a quota increase for "
                        + quota + " (Subscriptions, Usage + quotas) or lower maxNodes"));
            } else {
                results.add(CheckResult.pass("vcpu-quota", who + entry.getValue() + " vCPUs of quota " + quota + beyond + "; " + free + " of " + usage.limit() + " are free"));
            }
        }
        return results;
    }

    private record Need(String pool, String size, int nodes, boolean spot) {
    }

    private record ExistingPool(String vmSize, int count) {
    }

    /**
     * The pools of this cluster as AKS reports them (Managed Clusters - Get): empty when it does not
     * exist yet or cannot be read (then everything counts as new, which can only over-count).
     */
    private Map<String, ExistingPool> existingPools(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        Map<String, ExistingPool> pools = new LinkedHashMap<>();
        var cluster = RunningCluster.read(clients, subscriptionId, spec, args).orElse(null);
        if (cluster != null && cluster.agentPoolProfiles() != null) {
            for (var pool : cluster.agentPoolProfiles()) {
                pools.put(pool.name(), new ExistingPool(String.valueOf(pool.vmSize()), pool.count() == null ? 0 : pool.count()));
            }
        }
        return pools;
    }

    /** Surge nodes of a pool of {@code nodes} nodes: a count ("1") or a percentage rounded up ("33%"), as AKS computes it. */
    static int surgeNodes(String maxSurge, int nodes) {
        if (maxSurge == null || maxSurge.isBlank()) {
            return 1; // AKS's default surge is one node
        }
        if (maxSurge.endsWith("%")) {
            int percent = Integer.parseInt(maxSurge.substring(0, maxSurge.length() - 1));
            return (int) Math.ceil(nodes * percent / 100.0);
        }
        return Integer.parseInt(maxSurge);
    }

    private static int vcpus(ResourceSkuInner sku) {
        if (sku.capabilities() != null) {
            for (var c : sku.capabilities()) {
                if ("vCPUs".equals(c.name())) {
                    return Integer.parseInt(c.value());
                }
            }
        }
        return 0;
    }
}
