package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.resourcemanager.containerservice.models.KubernetesVersion;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * AKS must offer the Kubernetes version asked for in the location (Managed Clusters - List Kubernetes
 * Versions), generally available and with the support plan of azure.supportPlan: AKS refuses to create a
 * cluster with a version it does not offer there, and a preview version comes without support.
 */
final class OfferedKubernetesVersion {
    private final AzureClients clients;

    OfferedKubernetesVersion(AzureClients clients) {
        this.clients = clients;
    }

    /** @param version the Kubernetes version of the cluster spec */
    CheckResult run(String subscriptionId, AzureTargetArgs args, String version) {
        List<KubernetesVersion> offered;
        try {
            offered = clients.containerService(subscriptionId).getManagedClusters().listKubernetesVersions(args.location()).values();
        } catch (RuntimeException e) {
            return CheckResult.unknown("kubernetes-version", "could not list the Kubernetes versions AKS offers in " + args.location() + " (" + reason(e) + ")");
        }
        Set<String> all = offered == null ? Set.of() : offered.stream().map(KubernetesVersion::version).collect(Collectors.toCollection(TreeSet::new));
        Optional<KubernetesVersion> match = offered == null ? Optional.empty() : offered.stream().filter(v -> version.equals(v.version())).findFirst();
        if (match.isEmpty()) {
            return CheckResult.fail("kubernetes-version", "AKS does not offer Kubernetes " + version + " in " + args.location()
                    + "; it offers " + String.join(", ", all) + "; set kubernetesVersion to one of them");
        }
        if (Boolean.TRUE.equals(match.get().isPreview())) {
            return CheckResult.fail("kubernetes-version", "AKS offers Kubernetes " + version + " in " + args.location()
                    + " only as a preview, without support; set kubernetesVersion to a generally available version");
        }
        var plans = match.get().capabilities() == null || match.get().capabilities().supportPlan() == null ? List.<Object>of()
                : match.get().capabilities().supportPlan().stream().map(Object::toString).map(s -> (Object) s).toList();
        if (!plans.isEmpty() && !plans.contains(args.supportPlan())) {
            return CheckResult.fail("kubernetes-version", "AKS offers Kubernetes " + version + " in " + args.location() + " only with support plan "
                    + plans.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; set azure.supportPlan accordingly or choose another version");
        }
        return CheckResult.pass("kubernetes-version", "AKS offers Kubernetes " + version + " in " + args.location());
    }
}
