package io.codezero.digitalocean.cluster;

import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.DoTags;
import io.codezero.digitalocean.StackIdentity;
import io.codezero.digitalocean.resources.GetKubernetesVersions;
import io.codezero.digitalocean.resources.KubeConfig;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesClusterArgs;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.KubernetesNodePoolArgs;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.ProjectArgs;
import io.codezero.digitalocean.resources.ProjectResources;
import io.codezero.digitalocean.resources.Vpc;
import io.codezero.digitalocean.resources.VpcArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DOKS cluster with what it needs: a VPC (created or adopted), the control plane with its small
 * fixed built-in pool, one {@code KubernetesNodePool} per spec pool, a project that groups the
 * cluster, a kubeconfig that runs {@code codezero-doks-token}, and a Kubernetes provider built from it.
 */
public final class DoksCluster extends ComponentResource {
    /** The component's Pulumi type. */
    public static final String TYPE = "codezero:digitalocean:DoksCluster";
    /** Preinstalled by DOKS (DigitalOcean's CSI driver, SSD Volumes, reclaim Delete); both storage tiers. */
    public static final String STORAGE_CLASS = "do-block-storage";
    /**
     * Lifetime of the token the provider keeps in {@code kubeConfigs} (a secret in state that CodeZero
     * never uses). An hour instead of DigitalOcean's default of 7 days, so a leaked state file holds
     * no long-lived cluster credential.
     */
    public static final int STATE_TOKEN_SECONDS = 3600;
    /** The node label naming each node's pool. */
    public static final String POOL_LABEL = "codezero.io/pool";
    /** How long a VPC delete may retry while DigitalOcean finishes deleting the cluster (the provider's default is 2 minutes). */
    public static final Duration VPC_DELETE_TIMEOUT = Duration.ofMinutes(30);

    /**
     * How long a project delete may retry while DigitalOcean still holds something in it (the provider's default is
     * 3 minutes): the CSI driver deletes a claim's volume after the claim is gone, and the cluster leaves in the background.
     */
    public static final Duration PROJECT_DELETE_TIMEOUT = Duration.ofMinutes(30);

    private final Output<String> clusterId;
    private final Output<String> endpoint;
    private final Output<String> vpcId;
    private final Output<String> kubeconfig;
    private final KubernetesCluster cluster;
    private final List<KubernetesNodePool> nodePools;
    private final com.pulumi.kubernetes.Provider kubernetesProvider;
    private final Output<String> projectId;
    private final DoksClusterHandles handles;

    /**
     * @param identity    the Pulumi project and stack, in the names and descriptions of the VPC and project
     * @param keptVersion the version slug to keep (the running cluster's, or the pinned one); empty: the newest of the minor
     * @param wait        waits after an update until DigitalOcean reports the cluster running; empty under the offline plan
     * @param name the component's name
     * @param spec the cluster spec
     * @param args the DigitalOcean settings
     * @param options the component's options (parent, providers)
     */
    public DoksCluster(String name, ClusterSpec spec, DigitalOceanTargetArgs args, StackIdentity identity, Optional<String> keptVersion,
                       Optional<RunningWait> wait, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        List<String> tags = DoTags.of(spec.tags(), spec.name());

        Vpc vpc = null;
        if (args.adoptsVpc()) {
            this.vpcId = Output.of(args.existingVpcId().orElseThrow());
        } else {
            // VPC names are unique per account: the stack and region keep two stacks' clusters of one name apart.
            // The provider retries a VPC delete for 2 minutes only (resource_vpc.go Timeouts), while DigitalOcean
            // still removes the deleted cluster's Droplets from it: give it as long as a node pool's delete.
            vpc = new Vpc(name + "-vpc", VpcArgs.of(identity.vpcName(spec.name(), args.region()), args.region(), spec.network().vpcCidr(),
                    identity.description("Nodes of DOKS cluster " + spec.name())),
                    CustomResourceOptions.builder().parent(this).customTimeouts(CustomTimeouts.builder().delete(VPC_DELETE_TIMEOUT).build()).build());
            this.vpcId = vpc.id();
        }

        Output<String> version = keptVersion.map(Output::of)
                .orElseGet(() -> GetKubernetesVersions.latestOf(spec.kubernetesVersion(), this));

        var network = spec.network();
        var clusterArgs = KubernetesClusterArgs.builder()
                .name(spec.name())
                .region(args.region())
                .version(version)
                .vpcUuid(vpcId)
                .clusterSubnet(network.podCidr())
                .serviceSubnet(network.serviceCidr())
                .ha(args.highAvailability())
                .surgeUpgrade(true)
                // upgrades are ours: a version change in the program, planned and reviewed
                .autoUpgrade(false)
                .registryIntegration(args.registryIntegration())
                .destroyAllAssociatedResources(args.destroyAssociatedResources())
                .kubeconfigExpireSeconds(STATE_TOKEN_SECONDS)
                // the stack's tag: how a later run finds this cluster among others of its name (DeployedCluster.own)
                .tags(withStackTag(tags, identity))
                .maintenancePolicy(KubernetesClusterArgs.MaintenancePolicy.of(args.maintenanceDay(), args.maintenanceStartTime()))
                .nodePool(KubernetesClusterArgs.BuiltInPool.of(DigitalOceanTargetArgs.BUILT_IN_POOL, args.builtInPoolSize(),
                        args.builtInPoolNodes(), Map.of(POOL_LABEL, DigitalOceanTargetArgs.BUILT_IN_POOL), tags));
        if (args.controlPlaneFirewall()) {
            // Always both fields: the block is optional and computed in the provider's schema, so leaving it out
            // (apiOpenToInternet after an allowlist) would be no change at all and leave the old addresses in force.
            clusterArgs.controlPlaneFirewall(KubernetesClusterArgs.ControlPlaneFirewall.of(
                    !network.apiAccessAllowlist().isEmpty(), network.apiAccessAllowlist()));
        }
        CustomResourceOptions clusterOptions = vpc == null ? child
                : CustomResourceOptions.builder().parent(this).dependsOn(vpc).build();
        this.cluster = new KubernetesCluster(name + "-doks", clusterArgs.build(), clusterOptions);
        this.clusterId = cluster.id();
        this.endpoint = cluster.endpoint();

        this.nodePools = new ArrayList<>();
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            nodePools.add(nodePool(name, pool, args, tags));
        }

        this.projectId = args.existingProjectId().map(Output::of).orElseGet(() ->
                new Project(name + "-project", ProjectArgs.of(identity.projectName(spec.name()),
                        identity.description("DOKS cluster " + spec.name() + " and its platform"),
                        "Kubernetes platform", args.projectEnvironment().orElse(null)),
                        CustomResourceOptions.builder().parent(this).customTimeouts(CustomTimeouts.builder().delete(PROJECT_DELETE_TIMEOUT).build()).build())
                .id());
        ProjectResources membership = new ProjectResources(name + "-project-resources", ProjectResources.Args.of(projectId, List.of(cluster.clusterUrn())), child);

        // Every Kubernetes resource uses the provider built from this kubeconfig, so none is touched before
        // DigitalOcean reports the cluster running at the version asked for (an upgrade runs on after the provider returns).
        Output<String> readyId = wait.map(w -> Output.tuple(cluster.id(), version).applyValue(t -> {
            if (!Deployment.getInstance().isDryRun()) {
                w.await(t.t1, t.t2);
            }
            return t.t1;
        })).orElse(cluster.id());
        this.kubeconfig = Output.tuple(readyId, cluster.endpoint(), cluster.kubeConfigs())
                .applyValue(t -> Kubeconfig.render(spec.name(), t.t1, t.t2, caData(t.t3), args.tokenCommand(),
                        args.credentialSeconds(), args.tokenFile()))
                .asSecret();
        // Every Kubernetes object is deleted before its provider, and the provider before the project (through its membership):
        // so at destroy the project, which DigitalOcean deletes only when empty (the provider retries for 3 minutes), waits
        // until the load balancers and volumes the cluster made for Services and claims are gone, however long the platform takes.
        this.kubernetesProvider = new com.pulumi.kubernetes.Provider(name + "-k8s", com.pulumi.kubernetes.ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(membership).build());
        this.handles = new DoksClusterHandles(Output.of(spec.name()), endpoint, cluster, List.copyOf(nodePools), vpcId, projectId,
                cluster.clusterUrn());

        registerOutputs(Map.of(
                "clusterId", clusterId,
                "endpoint", endpoint,
                "kubeconfig", kubeconfig,
                "vpcId", vpcId,
                "projectId", projectId));
    }

    /**
     * One pool, named after the spec pool: only the pool's name (the resource's name) and its size
     * slug can force a new pool. An autoscaled pool carries no node count at all: the provider sends
     * a set {@code node_count} with every later pool update, which would reset the pool to that size
     * (the schema's own advice: set it with autoscaling only to reset). DOKS starts it at {@code minNodes}.
     */
    private KubernetesNodePool nodePool(String name, NodePool pool, DigitalOceanTargetArgs args, List<String> tags) {
        Map<String, String> labels = new LinkedHashMap<>(pool.labels());
        labels.put(POOL_LABEL, pool.name());
        boolean autoscaled = pool.minNodes() != pool.maxNodes();
        var poolArgs = KubernetesNodePoolArgs.builder()
                .clusterId(cluster.id())
                .name(pool.name())
                .size(args.dropletSizes().resolve(pool.size()).orElseThrow())
                .autoScale(autoscaled)
                .labels(labels)
                .taints(pool.taints().stream().map(t -> KubernetesNodePoolArgs.Taint.of(t.key(), t.value(), t.effect())).toList())
                .tags(tags);
        if (autoscaled) {
            poolArgs.minNodes(pool.minNodes()).maxNodes(pool.maxNodes());
        } else {
            poolArgs.nodeCount(pool.desiredNodes());
        }
        return new KubernetesNodePool(name + "-" + pool.name(), poolArgs.build(), CustomResourceOptions.builder().parent(this).build());
    }

    private static List<String> withStackTag(List<String> tags, StackIdentity identity) {
        List<String> out = new ArrayList<>(tags);
        out.add(identity.clusterTag());
        return out;
    }

    private static String caData(List<KubeConfig> configs) {
        return configs == null || configs.isEmpty() ? "" : configs.get(0).clusterCaCertificate().orElse("");
    }

    /**
     * The DOKS cluster's UUID.
     * @return the UUID, known after deploy
     */
    public Output<String> clusterId() {
        return clusterId;
    }

    /**
     * The API server's URL.
     * @return {@code https://<id>.k8s.ondigitalocean.com}
     */
    public Output<String> endpoint() {
        return endpoint;
    }

    /**
     * The VPC's UUID: the one created, or {@code digitalocean.vpcId}.
     * @return the VPC's UUID
     */
    public Output<String> vpcId() {
        return vpcId;
    }

    /**
     * The project the cluster is put into: the one we create, or {@code project.id}.
     * @return the project's UUID
     */
    public Output<String> projectId() {
        return projectId;
    }

    /**
     * The typed handles this target hands back ({@link DoksClusterHandles}).
     * @return the handles
     */
    public DoksClusterHandles handles() {
        return handles;
    }

    /**
     * A Pulumi secret.
     * @return the kubeconfig, which runs the token helper instead of holding a token
     */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /**
     * The cluster resource (control plane and built-in pool).
     * @return the {@code KubernetesCluster} resource
     */
    public KubernetesCluster cluster() {
        return cluster;
    }

    /**
     * One pool per spec pool, in the spec's order.
     * @return the node pool resources
     */
    public List<KubernetesNodePool> nodePools() {
        return nodePools;
    }

    /**
     * The Kubernetes provider built from {@link #kubeconfig()}; it waits for the cluster to run (see the constructor).
     * @return the provider
     */
    public com.pulumi.kubernetes.Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /**
     * Workloads depend on these: the node pools (which depend on the cluster, which depends on the VPC).
     * @return the resources to depend on
     */
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(nodePools);
        out.add(cluster);
        return out;
    }
}
