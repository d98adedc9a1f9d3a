package io.codezero.azure.preflight;

import io.codezero.azure.AksNames;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The inline system pool's VM size, zones, OS disk size and OS SKU cannot change on an existing
 * cluster (the program ignores such changes rather than half-apply them): say so, with the way out.
 */
final class SystemPoolChange {
    private final AzureClients clients;

    SystemPoolChange(AzureClients clients) {
        this.clients = clients;
    }

    /** @return empty on a first up (nothing to compare) */
    Optional<CheckResult> run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        var cluster = RunningCluster.read(clients, subscriptionId, spec, args).orElse(null);
        if (cluster == null || cluster.agentPoolProfiles() == null) {
            return Optional.empty(); // a first up: nothing to compare
        }
        var system = cluster.agentPoolProfiles().stream().filter(p -> AksNames.SYSTEM_POOL.equals(p.name())).findFirst();
        if (system.isEmpty()) {
            return Optional.empty();
        }
        var pool = system.get();
        List<String> changed = new ArrayList<>();
        if (pool.vmSize() != null && !pool.vmSize().equalsIgnoreCase(args.systemPoolVmSize())) {
            changed.add("vmSize " + pool.vmSize() + " -> " + args.systemPoolVmSize());
        }
        List<String> zones = pool.availabilityZones() == null ? List.of() : pool.availabilityZones();
        if (!new TreeSet<>(zones).equals(new TreeSet<>(args.zones()))) {
            changed.add("zones " + zones + " -> " + args.zones());
        }
        if (pool.osDiskSizeGB() != null && pool.osDiskSizeGB() != args.osDiskSizeGB()) {
            changed.add("osDiskSizeGB " + pool.osDiskSizeGB() + " -> " + args.osDiskSizeGB());
        }
        if (pool.osSku() != null && !pool.osSku().toString().equalsIgnoreCase(args.osSku())) {
            changed.add("osSku " + pool.osSku() + " -> " + args.osSku());
        }
        if (changed.isEmpty()) {
            return Optional.of(CheckResult.pass("system-pool", "the system pool's fixed settings are unchanged"));
        }
        return Optional.of(CheckResult.fail("system-pool", "the system pool " + AksNames.SYSTEM_POOL + " cannot change " + String.join(", ", changed)
                + " in place (AKS refuses it, so the program leaves them as they are); keep the old values, or destroy the cluster alone"
                + " (protectCluster: false, then pulumi destroy --target <cluster URN> --target-dependents) and run up again (docs/azure.md, \"The system pool\")"));
    }
}
