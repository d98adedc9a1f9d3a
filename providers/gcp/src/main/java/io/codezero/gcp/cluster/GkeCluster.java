package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.ProviderArgs;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.ContainerFunctions;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterAddonsConfigGcePersistentDiskCsiDriverConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterDatabaseEncryptionArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMaintenancePolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMaintenancePolicyMaintenanceExclusionArgs;
import com.pulumi.gcp.container.inputs.ClusterMaintenancePolicyMaintenanceExclusionExclusionOptionsArgs;
import com.pulumi.gcp.container.inputs.ClusterMaintenancePolicyRecurringWindowArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthClientCertificateConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterPrivateClusterConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.gcp.container.inputs.GetEngineVersionsArgs;
import com.pulumi.gcp.container.outputs.ClusterMasterAuth;
import com.pulumi.gcp.container.outputs.GetEngineVersionsResult;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.gcp.GcpLabels;
import io.codezero.gcp.GcpScope;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.GkeClusterHandles;
import io.codezero.gcp.ReleaseChannel;
import io.codezero.gcp.network.ClusterNetwork;
import io.codezero.gcp.network.VpcBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GKE Standard cluster with everything it needs: network (created or adopted), a dedicated node
 * service account, a Cloud KMS key for secrets, the regional control plane, one node pool resource
 * per pool, the PD CSI storage classes, a kubeconfig and a Kubernetes provider. Every resource is
 * a child of this component and uses the component's own gcp provider.
 */
public final class GkeCluster extends ComponentResource {
    public static final String TYPE = "codezero:gcp:GkeCluster";
    /** Inputs GKE reports back from the first node pool, not from what we sent: changes there are not ours to diff. */
    static final List<String> IGNORED = List.of("nodeConfig");

    private final Output<String> clusterName;
    private final Output<String> endpoint;
    private final Output<String> kubeconfig;
    private final ClusterNetwork network;
    private final List<com.pulumi.gcp.container.NodePool> nodePools;
    private final GkeClusterHandles handles;
    private final com.pulumi.kubernetes.Provider kubernetesProvider;
    private final List<StorageClass> storageClasses;

    public GkeCluster(String name, ClusterSpec spec, GcpTargetArgs args, ComponentResourceOptions options) {
        this(name, spec, args, IamPropagation.NONE, options);
    }

    /**
     * @param keyGrantPropagation the wait between granting GKE's agent on the secrets key and creating the cluster
     *                            ({@link IamPropagation}); {@link IamPropagation#NONE} when the cluster exists
     */
    public GkeCluster(String name, ClusterSpec spec, GcpTargetArgs args, IamPropagation keyGrantPropagation, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var gcpProvider = new com.pulumi.gcp.Provider(name + "-gcp", ProviderArgs.builder()
                .project(args.project())
                .region(args.region())
                .build(), CustomResourceOptions.builder().parent(this).build());
        var baseScope = new GcpScope(name, spec.name(), args.project(), args.region(), this, gcpProvider, GcpLabels.of(spec.name(), spec.tags()));
        List<com.pulumi.gcp.projects.Service> apis = args.enableApis() ? ProjectApis.enable(baseScope) : List.of();
        var scope = baseScope.afterApis(List.copyOf(apis));
        Output<String> apisReady = ProjectApis.ready(apis);
        var invoke = InvokeOptions.builder().parent(this).provider(gcpProvider).build();

        this.network = args.adoptsNetwork() ? VpcBuilder.adopt(args) : VpcBuilder.create(scope, spec.network(), args);
        var nodeAccount = NodeServiceAccount.create(scope);
        var secretsKey = SecretsKey.createOrAdopt(scope, args, invoke, apisReady);
        // private nodes: GKE's own rule lets the control plane reach only 443 and 10250 on them. Only in our own
        // network: an adopted one may be a Shared VPC whose firewall belongs to the host project (docs/gcp.md)
        List<Resource> webhookRules = spec.network().privateNodes() && network.created()
                ? List.of(MasterWebhookFirewall.create(scope, network, args.masterCidr(), nodeAccount.email())) : List.of();

        // exact versions of the spec's minor, as GKE offers them in the region (and channel)
        Output<GetEngineVersionsResult> versions = apisReady.apply(ready -> ContainerFunctions.getEngineVersions(GetEngineVersionsArgs.builder()
                .project(args.project())
                .location(args.region())
                .versionPrefix(spec.kubernetesVersion() + ".")
                .build(), invoke));
        Output<String> masterVersion = versions.applyValue(v -> pick(v, args.releaseChannel(), spec, true));
        Output<String> nodeVersion = versions.applyValue(v -> pick(v, args.releaseChannel(), spec, false));

        List<Resource> clusterDependencies = new ArrayList<>(network.resources());
        clusterDependencies.addAll(secretsKey.resources());
        clusterDependencies.addAll(nodeAccount.grants());
        var cluster = new Cluster(scope.name("gke"), clusterArgs(spec, args, scope, network, nodeAccount, secretsKey.keyNameAfterGrant(keyGrantPropagation), masterVersion).build(),
                CustomResourceOptions.builder().parent(this).provider(gcpProvider).dependsOn(clusterDependencies)
                        .ignoreChanges(IGNORED)
                        // the engine refuses any deployment that would delete it: a destroy, or a change that replaces it
                        .protect(args.deletionProtection())
                        .build());
        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();

        List<Resource> poolDependencies = new ArrayList<>(network.resources());
        poolDependencies.addAll(nodeAccount.grants());
        // the webhooks' port must be open before anything installs a webhook, and stay open until it is gone
        poolDependencies.addAll(webhookRules);
        this.nodePools = NodePools.create(scope, spec, args, cluster, nodeVersion, nodeAccount.email(), poolDependencies);
        this.handles = new GkeClusterHandles(cluster, nodePools, nodeAccount.account(), cluster.workloadIdentityConfig()
                .applyValue(c -> c == null ? null : c.workloadPool().orElse(null))
                .applyValue(pool -> pool == null ? args.project() + ".svc.id.goog" : pool),
                network.network(), network.subnetwork());

        String contextName = "gke_" + args.project() + "_" + args.region() + "_" + spec.name();
        this.kubeconfig = Output.tuple(cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> Kubeconfig.render(contextName, t.t1, caData(t.t2), args.tokenCommand()))
                .asSecret();
        this.kubernetesProvider = new com.pulumi.kubernetes.Provider(name + "-k8s", com.pulumi.kubernetes.ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.storageClasses = List.of(
                StorageClasses.create(this, kubernetesProvider, scope.name("storage-standard"), StorageClasses.STANDARD, "pd-balanced", spec.name(), List.<Resource>copyOf(nodePools)),
                StorageClasses.create(this, kubernetesProvider, scope.name("storage-fast"), StorageClasses.FAST, "pd-ssd", spec.name(), List.<Resource>copyOf(nodePools)));

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "kubeconfig", kubeconfig,
                "network", network.network()));
    }

    private static ClusterArgs.Builder clusterArgs(ClusterSpec spec, GcpTargetArgs args, GcpScope scope, ClusterNetwork network,
                                                   NodeServiceAccount nodeAccount, Output<String> secretsKeyName, Output<String> masterVersion) {
        var networkSpec = spec.network();
        var builder = ClusterArgs.builder()
                .name(spec.name())
                .location(args.region())
                .description("GKE cluster " + spec.name() + " (managed by CodeZero)")
                .minMasterVersion(masterVersion)
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel(args.releaseChannel().name()).build())
                .maintenancePolicy(maintenance(args))
                // node pools are separate resources: GKE insists on a default pool at creation, which goes right after
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                // ...and even that short-lived pool runs as our node account, shielded, never as the default compute account
                .nodeConfig(ClusterNodeConfigArgs.builder()
                        .serviceAccount(nodeAccount.email())
                        .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                        .shieldedInstanceConfig(ClusterNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(ClusterNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                        .build())
                .network(network.network())
                .subnetwork(network.subnetwork())
                .networkingMode("VPC_NATIVE")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterSecondaryRangeName(args.podRangeName())
                        .servicesSecondaryRangeName(args.serviceRangeName())
                        .build())
                .masterAuthorizedNetworksConfig(authorizedNetworks(spec, args))
                .masterAuth(ClusterMasterAuthArgs.builder()
                        .clientCertificateConfig(ClusterMasterAuthClientCertificateConfigArgs.builder().issueClientCertificate(false).build())
                        .build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder().workloadPool(args.project() + ".svc.id.goog").build())
                // Dataplane V2 (eBPF): enforces NetworkPolicy without the Calico add-on
                .datapathProvider("ADVANCED_DATAPATH")
                // GKE subsetting for internal load balancers is on from GKE 1.36 whatever the flag says, and provider
                // 5.0.0 replaces the cluster when the flag goes from on to its default off (CustomizeDiff
                // ForceNewIfChange isBeenEnabled): left unset, the first read-back of "on" would plan a replacement
                .enableL4IlbSubsetting(true)
                .enableShieldedNodes(true)
                .enableLegacyAbac(false)
                .databaseEncryption(ClusterDatabaseEncryptionArgs.builder().state("ENCRYPTED").keyName(secretsKeyName).build())
                .addonsConfig(ClusterAddonsConfigArgs.builder()
                        .gcePersistentDiskCsiDriverConfig(ClusterAddonsConfigGcePersistentDiskCsiDriverConfigArgs.builder().enabled(true).build())
                        .build())
                .deletionProtection(args.deletionProtection())
                .resourceLabels(scope.labels());
        if (networkSpec.privateNodes()) {
            builder.privateClusterConfig(ClusterPrivateClusterConfigArgs.builder()
                    .enablePrivateNodes(true)
                    .enablePrivateEndpoint(networkSpec.privateApiOnly())
                    .masterIpv4CidrBlock(args.masterCidr())
                    .build());
        }
        if (!args.zones().isEmpty()) {
            builder.nodeLocations(args.zones());
        }
        return builder;
    }

    private static ClusterMasterAuthorizedNetworksConfigArgs authorizedNetworks(ClusterSpec spec, GcpTargetArgs args) {
        List<String> cidrs = spec.network().apiAccessAllowlist();
        if (spec.network().privateApiOnly() && cidrs.isEmpty() && !args.adoptsNetwork()) {
            // a private endpoint without an allowlist: reachable from the cluster's own subnet
            cidrs = List.of(spec.network().vpcCidr());
        }
        List<ClusterMasterAuthorizedNetworksConfigCidrBlockArgs> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder().cidrBlock(cidr).displayName("codezero allowlist " + cidr).build());
        }
        // Google Cloud's public addresses are not an allowlist: any VM of any customer has one
        return ClusterMasterAuthorizedNetworksConfigArgs.builder().cidrBlocks(blocks).gcpPublicCidrsAccessEnabled(false).build();
    }

    private static ClusterMaintenancePolicyArgs maintenance(GcpTargetArgs args) {
        var policy = ClusterMaintenancePolicyArgs.builder()
                .recurringWindow(ClusterMaintenancePolicyRecurringWindowArgs.builder()
                        .startTime(args.maintenanceStart())
                        .endTime(args.maintenanceEnd())
                        .recurrence(args.maintenanceRecurrence())
                        .build());
        if (args.freezesMinorUpgrades()) {
            policy.maintenanceExclusions(ClusterMaintenancePolicyMaintenanceExclusionArgs.builder()
                    .exclusionName("codezero-no-minor-upgrades")
                    .startTime(args.noMinorUpgradesStart())
                    .endTime(args.noMinorUpgradesEnd())
                    .exclusionOptions(ClusterMaintenancePolicyMaintenanceExclusionExclusionOptionsArgs.builder().scope("NO_MINOR_UPGRADES").build())
                    .build());
        }
        return policy.build();
    }

    /**
     * The newest patch of the spec's minor: in the release channel when there is one (a cluster in
     * a channel runs only the channel's versions), else among all versions the region offers.
     */
    static String pick(GetEngineVersionsResult versions, ReleaseChannel channel, ClusterSpec spec, boolean master) {
        String version = channel == ReleaseChannel.UNSPECIFIED
                ? (master ? versions.latestMasterVersion() : versions.latestNodeVersion())
                : versions.releaseChannelLatestVersion().get(channel.name());
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("GKE does not offer Kubernetes " + spec.kubernetesVersion()
                    + (channel == ReleaseChannel.UNSPECIFIED ? "" : " in the " + channel + " release channel") + " in this region"
                    + " (channels offering it: " + versions.releaseChannelLatestVersion().keySet() + "); set kubernetesVersion or gcp.releaseChannel accordingly");
        }
        return version;
    }

    private static String caData(ClusterMasterAuth auth) {
        return auth == null ? "" : auth.clusterCaCertificate().orElse("");
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> endpoint() {
        return endpoint;
    }

    /** A Pulumi secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    public ClusterNetwork network() {
        return network;
    }

    /** The node pools, one per pool of the spec. */
    public List<com.pulumi.gcp.container.NodePool> nodePools() {
        return nodePools;
    }

    /** The typed handles a program wires its own resources to. */
    public GkeClusterHandles handles() {
        return handles;
    }

    public com.pulumi.kubernetes.Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    public List<StorageClass> storageClasses() {
        return storageClasses;
    }

    /** Workloads depend on these: node pools (which depend on the network) and the storage classes. */
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(nodePools);
        out.addAll(storageClasses);
        return out;
    }
}
