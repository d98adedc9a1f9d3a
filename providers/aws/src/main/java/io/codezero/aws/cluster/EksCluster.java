package io.codezero.aws.cluster;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterKubernetesNetworkConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.outputs.ClusterCertificateAuthority;
import com.pulumi.aws.eks.outputs.ClusterIdentity;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import io.codezero.aws.EksClusterHandles;
import io.codezero.aws.autoscaling.ClusterAutoscaler;
import java.util.Optional;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.aws.AwsScope;
import io.codezero.aws.AwsTargetArgs;
import io.codezero.aws.network.ClusterNetwork;
import io.codezero.aws.network.VpcBuilder;
import io.codezero.core.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An EKS cluster with everything it needs: network (created or adopted), KMS key for secrets,
 * IAM roles, the control plane, OIDC provider, managed node groups, EKS add-ons, a kubeconfig,
 * a Kubernetes provider and the encrypted gp3 storage class. Every resource is a child of this
 * component and uses the component's own AWS provider.
 */
public final class EksCluster extends ComponentResource {
    public static final String TYPE = "codezero:aws:EksCluster";
    /** Name of the encrypted gp3 class; the "standard" tier of the storage profile. */
    public static final String STORAGE_CLASS = "gp3-encrypted";

    private final Output<String> clusterName;
    private final Output<String> endpoint;
    private final Output<String> kubeconfig;
    private final Output<String> oidcProviderArn;
    private final ClusterNetwork network;
    private final List<NodeGroup> nodeGroups;
    private final EksClusterHandles handles;
    private final Optional<ClusterAutoscaler> autoscaler;
    private final List<Addon> addons;
    private final com.pulumi.kubernetes.Provider kubernetesProvider;
    private final StorageClass storageClass;

    /**
     * A new cluster whose add-ons take EKS's default versions (or the pins): for a program that does not know
     * what an existing cluster runs.
     * @param name the component's name
     * @param spec the cluster spec
     * @param args the AWS settings
     * @param options the component's options
     */
    public EksCluster(String name, ClusterSpec spec, AwsTargetArgs args, ComponentResourceOptions options) {
        this(name, spec, args, Optional.empty(), options);
    }

    /**
     * A cluster that keeps the add-on versions it runs ({@link AddonVersionChoice}).
     * @param name the component's name
     * @param spec the cluster spec
     * @param args the AWS settings
     * @param running what the cluster runs now ({@link RunningCluster#read}); empty for a new cluster
     * @param options the component's options
     */
    public EksCluster(String name, ClusterSpec spec, AwsTargetArgs args, Optional<RunningCluster> running, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var awsProviderArgs = ProviderArgs.builder().region(args.region());
        args.awsProfile().ifPresent(awsProviderArgs::profile);
        var awsProvider = new com.pulumi.aws.Provider(name + "-aws", awsProviderArgs.build(),
                CustomResourceOptions.builder().parent(this).build());
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put("codezero.io/cluster", spec.name());
        tags.put("managed-by", "codezero");
        var scope = new AwsScope(name, spec.name(), args.region(), this, awsProvider, tags);
        var invoke = InvokeOptions.builder().parent(this).provider(awsProvider).build();

        Output<String> partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
                .applyValue(GetPartitionResult::partition);
        var caller = AwsFunctions.getCallerIdentity(com.pulumi.aws.inputs.GetCallerIdentityArgs.builder().build(), invoke);
        Output<String> account = caller.applyValue(GetCallerIdentityResult::accountId);

        this.network = args.adoptsNetwork()
                ? VpcBuilder.adopt(args.existingVpcId().orElseThrow(), args.existingPrivateSubnetIds(), args.existingPublicSubnetIds())
                : VpcBuilder.create(scope, spec.network().vpcCidr(), zones(args, invoke), args.natMode(), args.availabilityZones().isEmpty());

        Output<String> secretsKeyArn = secretsKey(scope, args);
        var roles = ClusterRoles.create(scope, partition);

        // Pre-created so that control-plane logs expire instead of accumulating forever (EKS's own group never expires).
        var logGroup = new LogGroup(scope.name("control-plane-logs"), LogGroupArgs.builder()
                .name(controlPlaneLogGroup(spec.name()))
                .retentionInDays(90)
                .tags(scope.tags(controlPlaneLogGroup(spec.name())))
                .build(), scope.opts());

        var networkSpec = spec.network();
        var vpcConfig = ClusterVpcConfigArgs.builder()
                .subnetIds(this.network.privateSubnetIdList())
                .endpointPrivateAccess(true)
                .endpointPublicAccess(!networkSpec.privateApiOnly());
        if (!networkSpec.privateApiOnly()) {
            vpcConfig.publicAccessCidrs(networkSpec.apiAccessAllowlist());
        }
        List<Resource> clusterDependencies = new ArrayList<>(roles.clusterPolicies());
        clusterDependencies.add(logGroup);
        var cluster = new Cluster(scope.name("eks"), ClusterArgs.builder()
                .name(spec.name())
                .version(spec.kubernetesVersion())
                .roleArn(roles.clusterRole().arn())
                .vpcConfig(vpcConfig.build())
                // access entries only: no aws-auth ConfigMap to drift or lock everyone out
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build())
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources("secrets")
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKeyArn).build())
                        .build())
                .enabledClusterLogTypes(args.controlPlaneLogTypes())
                .kubernetesNetworkConfig(ClusterKubernetesNetworkConfigArgs.builder()
                        .ipFamily("ipv4")
                        .serviceIpv4Cidr(networkSpec.serviceCidr())
                        .build())
                // the add-ons below are EKS-managed instead, so upgrades move them too
                .bootstrapSelfManagedAddons(false)
                // EKS's default is EXTENDED: a version past standard support would silently cost extra per cluster-hour
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType(args.supportType()).build())
                .tags(caller.applyValue(c -> {
                    Map<String, String> clusterTags = new LinkedHashMap<>(scope.tags(spec.name()));
                    clusterTags.put(ClusterCreator.TAG, ClusterCreator.principalOf(c.arn()));
                    return clusterTags;
                }))
                .build(), CustomResourceOptions.builder().parent(this).provider(awsProvider).dependsOn(clusterDependencies)
                // the creator is recorded once: a later up by another identity must not rewrite it
                .ignoreChanges(ClusterCreator.IGNORED_PATH).build());
        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();

        var oidc = new OpenIdConnectProvider(scope.name("oidc"), OpenIdConnectProviderArgs.builder()
                .url(cluster.identities().applyValue(EksCluster::issuer))
                .clientIdLists("sts.amazonaws.com")
                .tags(scope.tags(scope.name("oidc")))
                .build(), scope.opts());
        this.oidcProviderArn = oidc.arn();

        AccessEntries.grantAdmins(scope, cluster, partition, args.adminPrincipalArns());
        if (networkSpec.privateApiOnly()) {
            privateEndpointAccess(scope, cluster, networkSpec.apiAccessAllowlist().isEmpty() && !args.adoptsNetwork()
                    ? List.of(networkSpec.vpcCidr()) : networkSpec.apiAccessAllowlist());
        }

        var addonSet = new ClusterAddons(scope, cluster, spec.kubernetesVersion(), args.addonVersions(), invoke,
                EbsCsiConfiguration.of(args.region(), args.imdsHopLimit()), running);
        List<Addon> beforeNodes = addonSet.beforeNodes();
        List<Resource> nodeDependencies = new ArrayList<>(roles.nodePolicies());
        nodeDependencies.addAll(this.network.egress());
        nodeDependencies.addAll(beforeNodes);
        this.nodeGroups = NodeGroups.create(scope, spec, args, cluster, roles.nodeRole(), this.network, nodeDependencies);
        List<Addon> afterNodes = addonSet.afterNodes(List.copyOf(nodeGroups), roles.ebsCsiRole(), roles.ebsCsiPolicy());
        this.addons = new ArrayList<>(beforeNodes);
        this.addons.addAll(afterNodes);

        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.certificateAuthority())
                .applyValue(t -> Kubeconfig.render(t.t1, t.t2, caData(t.t3), args.region(), args.tokenCommand(), args.awsProfile()))
                .asSecret();
        this.kubernetesProvider = new com.pulumi.kubernetes.Provider(name + "-k8s", com.pulumi.kubernetes.ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.storageClass = StorageClasses.encryptedGp3(scope.name(STORAGE_CLASS), this, kubernetesProvider, STORAGE_CLASS, spec.name(),
                List.of(addonSet.ebsCsi()));

        if (args.clusterAutoscaler().appliesTo(spec)) {
            List<Resource> afterNodes2 = new ArrayList<>(nodeGroups);
            afterNodes2.add(addonSet.podIdentityAgent());
            // its first call to AWS needs DNS; failing it, the autoscaler exits (Fatalf) and crash-loops with back-off
            afterNodes2.add(addonSet.coredns());
            this.autoscaler = Optional.of(ClusterAutoscaler.install(scope, cluster, spec.kubernetesVersion(), args.clusterAutoscaler(),
                    partition, account, kubernetesProvider, afterNodes2));
        } else {
            this.autoscaler = Optional.empty();
        }
        Output<String> clusterSecurityGroup = cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId().orElse(""));
        this.handles = new EksClusterHandles(cluster, awsProvider, oidc, addonSet.podIdentityAgent(), roles.nodeRole(), nodeGroups,
                this.network.vpcId(), this.network.privateSubnetIds(), this.network.publicSubnetIds(), clusterSecurityGroup, autoscaler);

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "kubeconfig", kubeconfig,
                "oidcProviderArn", oidcProviderArn,
                "vpcId", this.network.vpcId()));
    }

    /**
     * The log group EKS writes control-plane logs to, pre-created by this component. EKS writes its last
     * logs while the cluster is deleted and re-creates the group when it is gone, so a destroy can leave an
     * untagged group of this name behind (terraform-aws-eks #920, #2763): the preflight finds it.
     */
    public static String controlPlaneLogGroup(String clusterName) {
        return "/aws/eks/" + clusterName + "/cluster";
    }

    private List<Output<String>> zones(AwsTargetArgs args, InvokeOptions invoke) {
        if (!args.availabilityZones().isEmpty()) {
            return args.availabilityZones().stream().map(Output::of).toList();
        }
        // Regular zones only: opted-in Local and Wavelength Zones sort before "<region>a" and lack EKS and NAT
        // gateways. VpcBuilder keeps each subnet in the zone it was created in, so a later change of this
        // list (a zone leaving "available", a new zone) never replaces subnets and the node groups on them.
        var available = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                .state("available")
                .filters(GetAvailabilityZonesFilterArgs.builder().name("zone-type").values("availability-zone").build())
                .build(), invoke);
        List<Output<String>> zones = new ArrayList<>();
        for (int i = 0; i < args.zoneCount(); i++) {
            final int index = i;
            zones.add(available.applyValue(result -> {
                if (result.names().size() <= index) {
                    throw new IllegalStateException("region " + args.region() + " has only " + result.names().size()
                            + " available zones; lower aws.zoneCount to at most " + result.names().size());
                }
                return result.names().get(index);
            }));
        }
        return zones;
    }

    private static Output<String> secretsKey(AwsScope scope, AwsTargetArgs args) {
        if (args.kmsKeyArn().isPresent()) {
            return Output.of(args.kmsKeyArn().get());
        }
        var key = new Key(scope.name("secrets-key"), KeyArgs.builder()
                .description("Envelope encryption of Kubernetes secrets in EKS cluster " + scope.clusterName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .tags(scope.tags(scope.name("secrets-key")))
                .build(), scope.opts());
        new Alias(scope.name("secrets-key-alias"), AliasArgs.builder()
                .name("alias/" + scope.clusterName() + "-eks-secrets")
                .targetKeyId(key.keyId())
                .build(), scope.opts());
        return key.arn();
    }

    /**
     * With only the private endpoint, the API answers inside the VPC, but EKS's cluster security
     * group admits only the cluster itself. Open 443 to the networks `pulumi up` and kubectl run
     * from (the allowlist, read as private CIDRs: VPN, peered VPCs, CI runners; by default the VPC).
     */
    private static void privateEndpointAccess(AwsScope scope, Cluster cluster, List<String> cidrs) {
        Output<String> securityGroup = cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId()
                .orElseThrow(() -> new IllegalStateException("EKS returned no cluster security group")));
        for (int i = 0; i < cidrs.size(); i++) {
            new SecurityGroupIngressRule(scope.name("private-api-" + i), SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroup)
                    .cidrIpv4(cidrs.get(i))
                    .ipProtocol("tcp")
                    .fromPort(443)
                    .toPort(443)
                    .description("Kubernetes API (private endpoint) from " + cidrs.get(i))
                    .tags(scope.tags(scope.name("private-api-" + i)))
                    .build(), scope.opts());
        }
    }

    private static String issuer(List<ClusterIdentity> identities) {
        return identities.stream().flatMap(i -> i.oidcs().stream())
                .map(o -> o.issuer().orElse(null)).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("EKS returned no OIDC issuer for the cluster"));
    }

    private static String caData(ClusterCertificateAuthority authority) {
        return authority == null ? "" : authority.data().orElse("");
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

    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    public ClusterNetwork network() {
        return network;
    }

    /** The managed node groups, one per pool. */
    public List<NodeGroup> nodeGroups() {
        return nodeGroups;
    }

    /** The typed handles (cluster, OIDC provider, Pod Identity agent, node role and groups, network ids). */
    public EksClusterHandles handles() {
        return handles;
    }

    /** The Cluster Autoscaler, when installed (some pool has minNodes &lt; maxNodes, or it is forced on). */
    public Optional<ClusterAutoscaler> autoscaler() {
        return autoscaler;
    }

    public List<Addon> addons() {
        return addons;
    }

    public com.pulumi.kubernetes.Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    public StorageClass storageClass() {
        return storageClass;
    }

    /** Workloads depend on these: node groups (which depend on the network), add-ons, the storage class. */
    public List<Resource> readiness() {
        List<Resource> out = new ArrayList<>(nodeGroups);
        out.addAll(addons);
        out.add(storageClass);
        autoscaler.ifPresent(a -> out.add(a.release()));
        return out;
    }
}
