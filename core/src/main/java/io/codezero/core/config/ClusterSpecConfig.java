package io.codezero.core.config;

import io.codezero.core.Versions;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.Taint;
import io.codezero.core.validation.Problem;
import java.util.List;

/** Reads the {@code cluster} object of a stack's config into a {@link ClusterSpec}. */
public final class ClusterSpecConfig {
    private ClusterSpecConfig() {
    }

    /**
     * <pre>
     * cluster:
     *   name: demo
     *   kubernetesVersion: "1.34"
     *   nodePools: [{name: system, size: medium, minNodes: 1, desiredNodes: 2, maxNodes: 3,
     *                labels: {...}, taints: [{key, value, effect}], spot: false}]
     *   network: {vpcCidr, podCidr, serviceCidr, privateNodes, apiAccessAllowlist: [...], privateApiOnly, apiOpenToInternet}
     *   tags: {team: platform}
     * </pre>
     */
    public static ClusterSpec read(ConfigObject cluster, String defaultName) {
        ClusterSpec.Builder builder = ClusterSpec.builder(cluster.string("name", defaultName))
                .kubernetesVersion(kubernetesVersion(cluster))
                .tags(cluster.stringMap("tags"));
        List<ConfigObject> pools = cluster.objects("nodePools");
        if (cluster.has("nodePools") && pools.isEmpty() && cluster.problems().stream().noneMatch(p -> p.field().endsWith("nodePools"))) {
            cluster.problems().add(Problem.of(cluster.path() + ".nodePools", "[]", "is empty; list at least one pool, or remove "
                    + "nodePools to get the target's default pool"));
        }
        for (ConfigObject pool : pools) {
            builder.nodePool(readPool(pool));
        }
        if (cluster.has("network")) {
            builder.network(readNetwork(cluster.object("network")));
        }
        cluster.rejectUnknownKeys();
        return builder.build();
    }

    /**
     * The version as text. Unquoted, YAML reads {@code 1.30} as the number 1.3; a number that is no supported
     * version gets that said, with the fix (quote it), instead of "1.3 is not supported".
     */
    private static String kubernetesVersion(ConfigObject cluster) {
        String version = cluster.string("kubernetesVersion", Versions.KUBERNETES_DEFAULT);
        if (cluster.isNumber("kubernetesVersion") && !Versions.isSupportedKubernetes(version)) {
            cluster.problems().add(Problem.of(cluster.path() + ".kubernetesVersion", version, "was read as the number " + version
                    + " because it is not quoted (YAML drops a trailing zero: 1.30 reads as 1.3); quote the version,"
                    + " e.g. kubernetesVersion: \"" + Versions.KUBERNETES_DEFAULT + "\"; supported: " + String.join(", ", Versions.KUBERNETES_SUPPORTED)));
        }
        return version;
    }

    private static NodePool readPool(ConfigObject pool) {
        NodePool.Builder builder = NodePool.builder(pool.string("name", null))
                .min(pool.integer("minNodes", 1))
                .desired(pool.integer("desiredNodes", 2))
                .max(pool.integer("maxNodes", 3))
                .labels(pool.stringMap("labels"))
                .spot(pool.bool("spot", false));
        String size = pool.string("size", null);
        String machineType = pool.string("machineType", null);
        builder.size(size == null && machineType == null ? MachineSize.sizeClass("medium") : new MachineSize(size, machineType));
        for (ConfigObject taint : pool.objects("taints")) {
            builder.taint(new Taint(taint.string("key", null), taint.text("value", ""), taint.string("effect", "NoSchedule")));
            taint.rejectUnknownKeys();
        }
        pool.rejectUnknownKeys();
        return builder.build();
    }

    private static NetworkSpec readNetwork(ConfigObject network) {
        NetworkSpec defaults = NetworkSpec.defaults();
        NetworkSpec spec = NetworkSpec.builder()
                .vpcCidr(network.string("vpcCidr", defaults.vpcCidr()))
                .podCidr(network.string("podCidr", defaults.podCidr()))
                .serviceCidr(network.string("serviceCidr", defaults.serviceCidr()))
                .privateNodes(network.bool("privateNodes", true))
                .apiAccessAllowlist(network.strings("apiAccessAllowlist"))
                .privateApiOnly(network.bool("privateApiOnly", false))
                .apiOpenToInternet(network.bool("apiOpenToInternet", false))
                .build();
        network.rejectUnknownKeys();
        return spec;
    }
}
