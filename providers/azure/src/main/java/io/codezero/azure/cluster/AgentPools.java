package io.codezero.azure.cluster;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.inputs.AgentPoolUpgradeSettingsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.azure.AzureScope;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AKS agent pool resource per pool of the spec, outside the cluster resource, so adding,
 * resizing or removing a pool never touches the cluster.
 *
 * <p>Upgrades in place: the inputs for which azure-native 2.10.0 replaces an agent pool (its path:
 * resource group, cluster, pool name; and vmSize, gpuInstanceProfile) derive only from the pool's
 * name and size class. {@link #REPLACE_ON_CHANGE} adds the inputs AKS refuses to change on an
 * existing pool, so changing them (spot, zones, OS disk) is a planned replacement instead of an
 * Azure error. The orchestrator version and the scaling bounds are updatable: AKS surges and drains
 * nodes, honouring PodDisruptionBudgets.
 */
public final class AgentPools {
    public static final String POOL_LABEL = "codezero.io/pool";
    /**
     * Agent pool properties AKS rejects changes of on an existing pool ("Changing property ... is
     * not allowed"); the provider does not mark them, so the engine is told to replace instead.
     */
    public static final List<String> REPLACE_ON_CHANGE = List.of("scaleSetPriority", "scaleSetEvictionPolicy",
            "availabilityZones", "osDiskSizeGB", "osDiskType", "osSKU", "osType", "vnetSubnetID", "maxPods", "enableNodePublicIP");
    /** The label and taint AKS puts on every spot pool (AKS docs, "Add an Azure Spot node pool"). */
    public static final String SPOT_LABEL_KEY = "kubernetes.azure.com/scalesetpriority";
    public static final String SPOT_TAINT = "kubernetes.azure.com/scalesetpriority=spot:NoSchedule";
    /** The input the cluster autoscaler owns once the pool exists. */
    public static final String COUNT = "count";

    private AgentPools() {
    }

    static List<Resource> create(AzureScope scope, ClusterSpec spec, AzureTargetArgs args, Output<String> clusterName,
                                 Output<String> subnetId, List<Resource> dependsOn) {
        List<Resource> pools = new ArrayList<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            String vmSize = args.vmSizes().resolve(pool.size()).orElseThrow();
            Map<String, String> labels = new LinkedHashMap<>(pool.labels());
            labels.put(POOL_LABEL, pool.name());
            boolean autoscale = pool.minNodes() < pool.maxNodes();
            var builder = AgentPoolArgs.builder()
                    .resourceGroupName(scope.resourceGroupName())
                    .resourceName(clusterName)
                    // explicit and stable: the pool's name is its identity in AKS
                    .agentPoolName(pool.name())
                    .mode("User")
                    .type("VirtualMachineScaleSets")
                    .osType("Linux")
                    .osSKU(args.osSku())
                    .osDiskType("Managed")
                    .osDiskSizeGB(args.osDiskSizeGB())
                    .vmSize(vmSize)
                    .vnetSubnetID(subnetId)
                    .enableNodePublicIP(false)
                    .maxPods(AksCluster.MAX_PODS)
                    .orchestratorVersion(spec.kubernetesVersion())
                    .count(pool.desiredNodes())
                    .enableAutoScaling(autoscale)
                    .nodeLabels(labels)
                    .nodeTaints(pool.taints().stream().map(AgentPools::taint).toList())
                    .tags(scope.tags());
            if (autoscale) {
                builder.minCount(pool.minNodes()).maxCount(pool.maxNodes());
            }
            if (!args.zones().isEmpty()) {
                builder.availabilityZones(args.zones());
            }
            if (pool.spot()) {
                // -1: pay up to the on-demand price, evicted only for capacity. AKS adds its spot label and taint to
                // the pool; declared here too, or every refresh shows them as a diff that the next up would try to remove
                builder.scaleSetPriority("Spot").scaleSetEvictionPolicy("Delete").spotMaxPrice(-1.0);
                labels.put(SPOT_LABEL_KEY, "spot");
                List<String> taints = new ArrayList<>(pool.taints().stream().map(AgentPools::taint).toList());
                taints.add(SPOT_TAINT);
                builder.nodeLabels(labels).nodeTaints(taints);
            } else {
                // AKS refuses upgrade settings on spot pools
                builder.scaleSetPriority("Regular")
                        .upgradeSettings(AgentPoolUpgradeSettingsArgs.builder().maxSurge(args.maxSurge()).build());
            }
            var options = scope.optsBuilder().dependsOn(dependsOn)
                    .replaceOnChanges(REPLACE_ON_CHANGE)
                    // the pool keeps its AKS name, so the old one must go before the new one can exist
                    .deleteBeforeReplace(true)
                    .ignoreChanges(ignoredChanges(args, pool));
            pools.add(new AgentPool(scope.name(pool.name()), builder.build(), options.build()));
        }
        return pools;
    }

    /**
     * The autoscaler owns an autoscaling pool's node count once it exists; re-applying the initial
     * count on every up would scale a busy pool back down. Set at creation, then ignored, unless the
     * user asks Pulumi to manage it. A fixed-size pool (min == max) has no autoscaler: its count is
     * the size the user asked for, and a resize (3/3 to 5/5) must reach AKS.
     */
    public static List<String> ignoredChanges(AzureTargetArgs args, NodePool pool) {
        boolean autoscaled = pool.minNodes() < pool.maxNodes();
        List<String> ignored = new ArrayList<>(autoscaled && !args.manageNodeCount() ? List.of(COUNT) : List.of());
        if (AksCluster.MINOR_UPGRADE_CHANNELS.contains(args.autoUpgradeChannel())) {
            // AKS upgrades the pools with the cluster: re-sending the configured version would be a refused downgrade
            ignored.add("orchestratorVersion");
        }
        return List.copyOf(ignored);
    }

    /** AKS spells taints as kubectl does: key=value:Effect. */
    static String taint(Taint taint) {
        String value = taint.value() == null || taint.value().isEmpty() ? "" : "=" + taint.value();
        return taint.key() + value + ":" + taint.effect();
    }
}
