package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.firstLine;
import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.core.exception.HttpResponseException;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;

/**
 * AKS creates the node resource group itself and refuses a name that exists
 * (NodeResourceGroupAlreadyExists): the target names it {@code <group>-nodes}, so a second cluster
 * in the same resource group, or a node group left behind by a delete that did not finish, would
 * fail the create after the network, vault and grants exist. Passes when the group does not
 * exist, or is the running cluster's own.
 */
final class NodeResourceGroup {
    private final AzureClients clients;

    NodeResourceGroup(AzureClients clients) {
        this.clients = clients;
    }

    /** @return PASS when the group does not exist or is the running cluster's own */
    CheckResult run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        String group = args.resourceGroupFor(spec.name());
        String nodes = io.codezero.azure.AksNames.nodeResourceGroup(group);
        com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner found;
        try {
            found = clients.resources(subscriptionId).getResourceGroups().get(nodes);
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return CheckResult.pass("node-resource-group", "node resource group " + nodes + " does not exist yet; AKS creates it with the cluster");
            }
            return CheckResult.unknown("node-resource-group", "could not read resource group " + nodes + " (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("node-resource-group", "could not read resource group " + nodes + " (" + firstLine(e) + ")");
        }
        // no cluster yet (404): the group is not its own
        String clusterNodes = RunningCluster.read(clients, subscriptionId, spec, args).map(c -> c.nodeResourceGroup()).orElse(null);
        if (nodes.equalsIgnoreCase(clusterNodes)) {
            return CheckResult.pass("node-resource-group", "node resource group " + nodes + " is cluster " + spec.name() + "'s own");
        }
        String owner = found.managedBy() == null ? "" : ", managed by " + found.managedBy();
        return CheckResult.fail("node-resource-group", "resource group " + nodes + " already exists" + owner + ", and AKS creates the cluster's node"
                + " resource group itself and refuses an existing one (NodeResourceGroupAlreadyExists); it is another cluster's in resource group "
                + group + " (give this cluster its own azure.resourceGroup) or a leftover of a delete that did not finish (delete it once"
                + " nothing in it is needed)");
    }
}
