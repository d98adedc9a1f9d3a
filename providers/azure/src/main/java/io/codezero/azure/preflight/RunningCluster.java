package io.codezero.azure.preflight;

import com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.spec.ClusterSpec;
import java.util.Optional;

/**
 * This stack's cluster as AKS reports it (Managed Clusters - Get), which several checks compare the
 * settings asked for with: its pools, version, node resource group and API server. Each check reads it
 * itself, so each result stands on its own answer.
 */
final class RunningCluster {
    private RunningCluster() {
    }

    /**
     * @return the cluster, or empty when it does not exist yet (404 on a first up) or cannot be read;
     *     each check says what it makes of that
     */
    static Optional<ManagedClusterInner> read(AzureClients clients, String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        try {
            return Optional.ofNullable(clients.containerService(subscriptionId).getManagedClusters()
                    .getByResourceGroup(args.resourceGroupFor(spec.name()), spec.name()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
