package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigGuestAcceleratorArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs;
import io.codezero.gcp.GpuAccelerators;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigTaintArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsBlueGreenSettingsArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsBlueGreenSettingsStandardRolloutPolicyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.Taint;
import io.codezero.gcp.GcpScope;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.UpgradeStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One GKE node pool per pool of the spec, each its own resource (never the cluster's inline pools).
 *
 * <p>Upgrades in place: the Kubernetes version, the autoscaling limits, labels, upgrade settings
 * and zones are inputs GKE updates on a live pool. The inputs it cannot change (machine type, spot,
 * taints, disk; ForceNew in terraform-provider-google-beta 5.0.0, which com.pulumi:gcp 7.0.0 is
 * bridged from) also decide the pool's GKE name: {@code <pool>-<4 hex digits of their hash>}. So a
 * change that must replace a pool gives it a new name, and Pulumi creates the new pool before it
 * deletes the old one, whose nodes GKE drains (honouring PodDisruptionBudgets) onto the new one.
 */
final class NodePools {
    static final String POOL_LABEL = "codezero.io/pool";
    /** The autoscaler owns a pool's size once it exists; see {@link #IGNORED}. */
    static final String INITIAL_NODE_COUNT = "initialNodeCount";
    /**
     * GKE adds labels of its own ({@code goog-gke-*}) to a pool's {@code nodeConfig.resourceLabels}, and
     * terraform-provider-google-beta 5.0.0 reads them back with no diff suppression (node_config.go; upstream added
     * one in January 2025, magic-modules#12877, after com.pulumi:gcp 7.0.0): without this every {@code up} would
     * plan an update of every pool. Our labels are set when a pool is created; later tag changes reach the cluster's
     * labels, not an existing pool's VMs.
     */
    static final String RESOURCE_LABELS = "nodeConfig.resourceLabels";
    /**
     * Node settings we never set and GKE fills in on its own: since 2024 it answers a pool's {@code kubeletConfig}
     * with a default ({@code insecureKubeletReadonlyPortEnabled}), and the provider's 5.0.0 schema has the block
     * optional but not computed, so the read-back block is a diff that would remove it (upstream made it computed in
     * October 2024, magic-modules#11971; {@code linuxNodeConfig} likewise in August 2025). Applying that diff
     * updates the pool's node configuration, which GKE rolls out by recreating the nodes.
     */
    static final List<String> GKE_DEFAULTED = List.of("nodeConfig.kubeletConfig", "nodeConfig.linuxNodeConfig");
    static final List<String> IGNORED = Stream.concat(Stream.of(INITIAL_NODE_COUNT, RESOURCE_LABELS), GKE_DEFAULTED.stream()).toList();
    /** GKE's default for a regional cluster without explicit zones. */
    static final int DEFAULT_ZONES = 3;

    private NodePools() {
    }

    static List<NodePool> create(GcpScope scope, ClusterSpec spec, GcpTargetArgs args, Cluster cluster, Output<String> nodeVersion,
                                 Output<String> serviceAccount, List<Resource> dependsOn) {
        List<NodePool> pools = new ArrayList<>();
        int zones = args.zones().isEmpty() ? DEFAULT_ZONES : args.zones().size();
        for (io.codezero.core.spec.NodePool pool : spec.nodePoolsOrDefault()) {
            String machineType = args.machineTypes().resolve(pool.size()).orElseThrow();
            Map<String, String> labels = new LinkedHashMap<>(pool.labels());
            labels.put(POOL_LABEL, pool.name());
            var nodeConfig = NodePoolNodeConfigArgs.builder()
                    .machineType(machineType)
                    .spot(pool.spot())
                    .diskType(args.diskType())
                    .diskSizeGb(args.diskSizeGb())
                    .imageType("COS_CONTAINERD")
                    .serviceAccount(serviceAccount)
                    // access is decided by IAM roles of the service account, not by legacy scopes
                    .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                    .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                            .enableSecureBoot(true)
                            .enableIntegrityMonitoring(true)
                            .build())
                    // pods see the GKE metadata server (Workload Identity), never the node's credentials
                    .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                    .metadata(Map.of("disable-legacy-endpoints", "true"))
                    .labels(labels)
                    .resourceLabels(scope.labels())
                    .taints(pool.taints().stream().map(NodePools::taint).toList());
            // GPU machine types carry their GPUs, but GKE installs the NVIDIA driver only for a pool that names them
            GpuAccelerators.of(machineType).ifPresent(gpu -> nodeConfig.guestAccelerators(NodePoolNodeConfigGuestAcceleratorArgs.builder()
                    .type(gpu.type())
                    .count(gpu.count())
                    .gpuDriverInstallationConfig(NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs.builder()
                            .gpuDriverVersion(GpuAccelerators.DRIVER_VERSION).build())
                    .build()));
            var autoscaling = NodePoolAutoscalingArgs.builder()
                    .totalMinNodeCount(pool.minNodes())
                    .totalMaxNodeCount(pool.maxNodes())
                    // spot capacity comes where it is free; on-demand nodes stay spread over the zones
                    .locationPolicy(pool.spot() ? "ANY" : "BALANCED")
                    .build();
            var poolArgs = NodePoolArgs.builder()
                    .name(gkeName(pool.name(), machineType, pool.spot(), pool.taints(), args))
                    .cluster(cluster.name())
                    .location(scope.region())
                    .initialNodeCount(ceilDiv(pool.desiredNodes(), zones))
                    .autoscaling(autoscaling)
                    .management(NodePoolManagementArgs.builder()
                            .autoRepair(true)
                            .autoUpgrade(args.releaseChannel().forcesNodeAutoUpgrade())
                            .build())
                    .upgradeSettings(upgradeSettings(args))
                    .nodeConfig(nodeConfig.build());
            if (!args.releaseChannel().forcesNodeAutoUpgrade()) {
                // Only outside a channel: there auto-upgrade is forced on, and the provider documents that a pool
                // version and auto-upgrade fight each other (every GKE patch release would roll the nodes back to
                // ours on the next `up`). In a channel nodes follow the control plane through GKE's auto-upgrade.
                poolArgs.version(nodeVersion);
            }
            if (!args.zones().isEmpty()) {
                poolArgs.nodeLocations(args.zones());
            }
            var options = CustomResourceOptions.builder().parent(scope.parent()).provider(scope.provider())
                    .dependsOn(dependsOn).ignoreChanges(IGNORED).build();
            pools.add(new NodePool(scope.name(pool.name()), poolArgs.build(), options));
        }
        return pools;
    }

    /**
     * {@code <pool>-<hash>}: the hash covers exactly the inputs GKE cannot change on a live pool,
     * so it changes exactly when the pool must be replaced (and a size-class change is one).
     */
    static String gkeName(String pool, String machineType, boolean spot, List<Taint> taints, GcpTargetArgs args) {
        StringBuilder identity = new StringBuilder(machineType).append('|').append(spot).append('|')
                .append(args.diskType()).append('|').append(args.diskSizeGb());
        taints.forEach(t -> identity.append('|').append(t.key()).append('=').append(t.value()).append(':').append(t.effect()));
        // guestAccelerators cannot change on a live pool either (and a pool without them has no GPU driver)
        GpuAccelerators.of(machineType).ifPresent(gpu -> identity.append("|gpu=").append(gpu.type()).append('x').append(gpu.count())
                .append(':').append(GpuAccelerators.DRIVER_VERSION));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return pool + "-" + HexFormat.of().formatHex(digest, 0, 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static NodePoolUpgradeSettingsArgs upgradeSettings(GcpTargetArgs args) {
        if (args.upgradeStrategy() == UpgradeStrategy.BLUE_GREEN) {
            return NodePoolUpgradeSettingsArgs.builder()
                    .strategy("BLUE_GREEN")
                    .blueGreenSettings(NodePoolUpgradeSettingsBlueGreenSettingsArgs.builder()
                            .nodePoolSoakDuration(args.blueGreenSoak())
                            .standardRolloutPolicy(NodePoolUpgradeSettingsBlueGreenSettingsStandardRolloutPolicyArgs.builder()
                                    .batchPercentage(0.25)
                                    .batchSoakDuration("60s")
                                    .build())
                            .build())
                    .build();
        }
        // one extra node at a time, none taken away before its replacement is ready
        return NodePoolUpgradeSettingsArgs.builder().strategy("SURGE").maxSurge(args.maxSurge()).maxUnavailable(args.maxUnavailable()).build();
    }

    private static NodePoolNodeConfigTaintArgs taint(Taint taint) {
        // GKE spells effects in upper snake case: NoSchedule -> NO_SCHEDULE
        String effect = taint.effect().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return NodePoolNodeConfigTaintArgs.builder().key(taint.key()).value(taint.value() == null ? "" : taint.value()).effect(effect).build();
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
