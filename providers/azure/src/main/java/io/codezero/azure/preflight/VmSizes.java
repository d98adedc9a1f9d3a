package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictions;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictionsType;
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
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every pool's VM size (the system pool's and each node pool's) must be offered in the location and in
 * each of the chosen zones, and not restricted for this subscription there (Resource Skus - List):
 * otherwise AKS refuses the pool. The SKUs found feed {@link VcpuQuotas}.
 */
final class VmSizes {
    private final AzureClients clients;

    VmSizes(AzureClients clients) {
        this.clients = clients;
    }

    /** Checks every VM size the cluster uses; puts the SKUs found into {@code found} for the quota check. */
    List<CheckResult> run(String subscriptionId, AzureTargetArgs args, Map<String, List<String>> poolsBySize, Map<String, ResourceSkuInner> found) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, ResourceSkuInner> skus = new LinkedHashMap<>();
        try {
            for (ResourceSkuInner sku : clients.compute(subscriptionId).getResourceSkus()
                    .list("location eq '" + args.location() + "'", null, com.azure.core.util.Context.NONE)) {
                if ("virtualMachines".equalsIgnoreCase(sku.resourceType())) {
                    skus.put(sku.name().toLowerCase(Locale.ROOT), sku);
                }
            }
        } catch (RuntimeException e) {
            results.add(CheckResult.unknown("vm-sizes", "could not list the VM sizes of " + args.location() + " (" + reason(e) + ")"));
            return results;
        }
        for (var entry : poolsBySize.entrySet()) {
            String size = entry.getKey();
            String pools = poolNames(entry.getValue());
            ResourceSkuInner sku = skus.get(size.toLowerCase(Locale.ROOT));
            Optional<List<String>> zonesHere = sku == null ? Optional.empty() : sku.locationInfo() == null ? Optional.of(List.<String>of())
                    : sku.locationInfo().stream().filter(i -> args.location().equalsIgnoreCase(i.location())).findFirst()
                            .map(i -> i.zones() == null ? List.<String>of() : i.zones());
            if (sku == null || zonesHere.isEmpty()) {
                results.add(CheckResult.fail("vm-sizes", "VM size " + size + " (" + pools + ") is not offered in " + args.location()
                        + "; choose another size with azure.vmSizes or azure.systemPool.vmSize, or another location"));
                continue;
            }
            Optional<String> restricted = restriction(sku, args);
            if (restricted.isPresent()) {
                results.add(CheckResult.fail("vm-sizes", "VM size " + size + " (" + pools + ") " + restricted.get()));
                continue;
            }
            List<String> missing = args.zones().stream().filter(z -> !zonesHere.get().contains(z)).toList();
            if (!missing.isEmpty()) {
                results.add(CheckResult.fail("vm-sizes", "VM size " + size + " (" + pools + ") is not offered in zone" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + " of " + args.location() + (zonesHere.get().isEmpty() ? "" : "; it is offered in zones "
                        + String.join(", ", new TreeSet<>(zonesHere.get()))) + "; set azure.zones to zones it is offered in, or choose another size"));
                continue;
            }
            found.put(size, sku);
            results.add(CheckResult.pass("vm-sizes", size + " (" + pools + ") is offered in " + args.location()
                    + (args.zones().isEmpty() ? "" : " zones " + String.join(", ", args.zones()))));
        }
        return results;
    }

    /** Why the subscription may not use this size in the location or the chosen zones, if it may not. */
    private static Optional<String> restriction(ResourceSkuInner sku, AzureTargetArgs args) {
        if (sku.restrictions() == null) {
            return Optional.empty();
        }
        for (ResourceSkuRestrictions r : sku.restrictions()) {
            String reason = r.reasonCode() == null ? "restricted" : r.reasonCode().toString();
            if (r.type() == ResourceSkuRestrictionsType.LOCATION) {
                return Optional.of("is restricted for this subscription in " + args.location() + " (" + reason
                        + "); request access with an Azure support request (quota type: VM size availability) or choose another size");
            }
            if (r.type() == ResourceSkuRestrictionsType.ZONE && r.restrictionInfo() != null && r.restrictionInfo().zones() != null) {
                List<String> blocked = args.zones().stream().filter(r.restrictionInfo().zones()::contains).toList();
                if (!blocked.isEmpty()) {
                    return Optional.of("is restricted for this subscription in zone" + (blocked.size() == 1 ? " " : "s ") + String.join(", ", blocked)
                            + " of " + args.location() + " (" + reason + "); remove those zones from azure.zones, request access, or choose another size");
                }
            }
        }
        return Optional.empty();
    }

    /** VM size -> the pools (system pool first) that use it. */
    static Map<String, List<String>> poolsBySize(ClusterSpec spec, AzureTargetArgs args) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.computeIfAbsent(args.systemPoolVmSize(), k -> new ArrayList<>()).add(AksNames.SYSTEM_POOL);
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            out.computeIfAbsent(args.vmSizes().resolve(pool.size()).orElseThrow(), k -> new ArrayList<>()).add(pool.name());
        }
        return out;
    }

    /** "pool a" or "pools a, b", as the results name them. */
    static String poolNames(List<String> pools) {
        return (pools.size() == 1 ? "pool " : "pools ") + String.join(", ", pools);
    }
}
