package io.codezero.azure.preflight;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.Optional;

/**
 * AKS upgrades a cluster one minor version at a time and never downgrades it: compare the version
 * asked for with the running cluster's. Not made when AKS owns the version (channel stable or
 * rapid: the program then never sends it) or on a first up.
 */
final class KubernetesUpgrade {
    private final AzureClients clients;

    KubernetesUpgrade(AzureClients clients) {
        this.clients = clients;
    }

    /** @return empty when AKS owns the version, on a first up, or when a version cannot be read */
    Optional<CheckResult> run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        if (io.codezero.azure.cluster.AksCluster.clusterIgnoredChanges(args).contains("kubernetesVersion")) {
            return Optional.empty();
        }
        var cluster = RunningCluster.read(clients, subscriptionId, spec, args).orElse(null);
        if (cluster == null) {
            return Optional.empty(); // a first up: nothing to compare
        }
        String running = cluster.currentKubernetesVersion() != null ? cluster.currentKubernetesVersion() : cluster.kubernetesVersion();
        Optional<int[]> from = majorMinor(running);
        Optional<int[]> to = majorMinor(spec.kubernetesVersion());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        int[] f = from.get();
        int[] t = to.get();
        String next = f[0] + "." + (f[1] + 1);
        if (t[0] < f[0] || (t[0] == f[0] && t[1] < f[1])) {
            return Optional.of(CheckResult.fail("kubernetes-upgrade", "cluster " + spec.name() + " runs Kubernetes " + running
                    + " and AKS never downgrades a cluster: set kubernetesVersion to " + f[0] + "." + f[1] + " or " + next));
        }
        if (t[0] != f[0] || t[1] > f[1] + 1) {
            return Optional.of(CheckResult.fail("kubernetes-upgrade", "cluster " + spec.name() + " runs Kubernetes " + running
                    + " and AKS upgrades one minor version at a time: set kubernetesVersion to " + next + ", run pulumi up, and repeat up to "
                    + spec.kubernetesVersion()));
        }
        return Optional.of(CheckResult.pass("kubernetes-upgrade", "Kubernetes " + running + " -> " + spec.kubernetesVersion()
                + " is within one minor version"));
    }

    private static Optional<int[]> majorMinor(String version) {
        if (version == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v?(\\d+)\\.(\\d+)").matcher(version.trim());
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) : Optional.empty();
    }
}
