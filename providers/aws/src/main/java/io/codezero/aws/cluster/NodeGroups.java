package io.codezero.aws.cluster;

import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.aws.AwsScope;
import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.InstanceTypes;
import io.codezero.aws.network.ClusterNetwork;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EKS managed node group per pool, each with its own launch template.
 *
 * <p>Upgrades in place: every input the AWS provider replaces a node group for (name, subnets,
 * instance types, capacity type, AMI type, disk size, role, launch template id/name) is derived
 * only from the pool's identity and size class, never from the Kubernetes version or the sizes.
 * The version and scaling config are updatable inputs, so EKS rolls nodes (respecting PDBs,
 * bounded by max-unavailable) instead of Pulumi replacing the group.
 */
final class NodeGroups {
    static final String POOL_LABEL = "codezero.io/pool";
    /** Path of the input that the cluster autoscaler owns once the group exists. */
    static final String DESIRED_SIZE = "scalingConfig.desiredSize";

    private NodeGroups() {
    }

    static List<NodeGroup> create(AwsScope scope, ClusterSpec spec, AwsTargetArgs args, Cluster cluster, Role nodeRole,
                                 ClusterNetwork network, List<Resource> dependsOn) {
        InstanceTypes types = args.instanceTypes();
        List<NodeGroup> groups = new ArrayList<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            String instanceType = types.resolve(pool.size()).orElseThrow();
            var template = launchTemplate(scope, args, pool);
            Map<String, String> labels = new LinkedHashMap<>(pool.labels());
            labels.put(POOL_LABEL, pool.name());
            var group = NodeGroupArgs.builder()
                    .clusterName(cluster.name())
                    // explicit and stable: an auto-generated name would be a replacement waiting to happen
                    .nodeGroupName(pool.name())
                    .nodeRoleArn(nodeRole.arn())
                    .subnetIds(network.privateSubnetIdList())
                    .instanceTypes(instanceType)
                    .amiType(InstanceTypes.amiTypeFor(instanceType))
                    .capacityType(pool.spot() ? "SPOT" : "ON_DEMAND")
                    .version(spec.kubernetesVersion())
                    .scalingConfig(NodeGroupScalingConfigArgs.builder()
                            .minSize(pool.minNodes())
                            .desiredSize(pool.desiredNodes())
                            .maxSize(pool.maxNodes())
                            .build())
                    .updateConfig(NodeGroupUpdateConfigArgs.builder()
                            .maxUnavailablePercentage(args.maxUnavailablePercent())
                            .build())
                    .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                            .id(template.id())
                            .version(template.latestVersion().applyValue(String::valueOf))
                            .build())
                    .labels(labels)
                    .taints(pool.taints().stream().map(NodeGroups::taint).toList())
                    .tags(scope.tags(scope.name(pool.name())))
                    .build();
            var options = CustomResourceOptions.builder().parent(scope.parent()).provider(scope.provider()).dependsOn(dependsOn)
                    .ignoreChanges(ignoredChanges(args));
            groups.add(new NodeGroup(scope.name(pool.name()), group, options.build()));
        }
        return groups;
    }

    /**
     * The cluster autoscaler (or an operator) owns a group's current size once it exists;
     * re-applying the initial desired size on every up would scale a busy pool back down. So
     * desired size is set at creation and then ignored, unless the user asks Pulumi to manage it.
     */
    static List<String> ignoredChanges(AwsTargetArgs args) {
        return args.manageDesiredSize() ? List.of() : List.of(DESIRED_SIZE);
    }

    /**
     * IMDSv2 only (no unauthenticated metadata reads), hop limit 1 by default so containers on
     * the pod network cannot reach the node's credentials (workloads use Pod Identity), and an
     * encrypted gp3 root volume.
     */
    private static LaunchTemplate launchTemplate(AwsScope scope, AwsTargetArgs args, NodePool pool) {
        String name = scope.name(pool.name() + "-lt");
        return new LaunchTemplate(name, LaunchTemplateArgs.builder()
                .description("Nodes of pool " + pool.name() + " in EKS cluster " + scope.clusterName())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(args.imdsHopLimit())
                        .instanceMetadataTags("disabled")
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName("/dev/xvda")
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType("gp3")
                                .volumeSize(args.rootVolumeGiB())
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(scope.tags(scope.name(pool.name()))).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(scope.tags(scope.name(pool.name()))).build())
                .updateDefaultVersion(true)
                .tags(scope.tags(name))
                .build(), scope.opts());
    }

    private static NodeGroupTaintArgs taint(Taint taint) {
        // EKS spells effects in upper snake case: NoSchedule -> NO_SCHEDULE
        String effect = taint.effect().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
        var args = NodeGroupTaintArgs.builder().key(taint.key()).effect(effect);
        if (taint.value() != null && !taint.value().isEmpty()) {
            args.value(taint.value());
        }
        return args.build();
    }
}
