package io.codezero.azure;

import io.codezero.core.target.PhysicalName;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.azure.cluster.AksCluster;
import io.codezero.azure.preflight.AzurePreflight;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.MeshDataplanePreference;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** AKS on Azure: see docs/azure.md. */
public final class AzureTarget implements ClusterTarget {
    /** The target kind, as {@code codezero:target} names it in config. */
    public static final String KIND = "azure";

    /**
     * cloud-provider-azure's annotation for a load balancer in the node subnet instead of one with a
     * public IP. Internet-facing services need no annotation: the cluster's public Standard load
     * balancer is the default.
     */
    static final Map<String, String> INTERNAL_LB = Map.of("service.beta.kubernetes.io/azure-load-balancer-internal", "true");

    /** Everything but public nodes: AKS nodes never get public addresses here. */
    static final Set<SpecField> HONOURED = EnumSet.of(SpecField.NODE_POOLS, SpecField.VPC_CIDR, SpecField.POD_CIDR,
            SpecField.SERVICE_CIDR, SpecField.API_ALLOWLIST, SpecField.PRIVATE_API_ONLY, SpecField.TAGS);

    /** The target's only state: its arguments. Everything a provision call registers is reached through its handles. */
    private final AzureTargetArgs args;

    /**
     * A target for AKS; nothing is called until the stack plans.
     * @param args the Azure settings; must not be {@code null}
     */
    public AzureTarget(AzureTargetArgs args) {
        this.args = io.codezero.core.validation.Arguments.given(args, "new AzureTarget(args)");
    }

    /**
     * Reads the {@code codezero:azure} config object. Type errors and unknown keys are added to the
     * object's problems, which the stack reports with every other problem before registering
     * anything (see {@code StackConfig.section}); never thrown here.
     * @param azure the {@code codezero:azure} config object
     * @return a target built from those values
     */
    public static AzureTarget fromConfig(ConfigObject azure) {
        return new AzureTarget(AzureTargetArgs.fromConfig(azure));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "azure (AKS) target";
    }

    /** {@return the arguments given to the constructor} */
    public AzureTargetArgs args() {
        return args;
    }

    @Override
    public Set<SpecField> honours() {
        return HONOURED;
    }

    @Override
    public List<Problem> validate(ClusterSpec spec) {
        return AzureValidator.validate(spec, args);
    }

    /** An AKS cluster's name is unique in its resource group; a resource group it creates is unique in the subscription. */
    @Override
    public java.util.Set<PhysicalName> physicalNames(ClusterSpec spec) {
        String subscription = "Azure subscription " + args.subscriptionId().orElse("(the credential's default)");
        String group = args.resourceGroupFor(spec.name());
        java.util.Set<PhysicalName> names = new java.util.HashSet<>();
        names.add(PhysicalName.ofCluster(spec, "resource group " + group + " of " + subscription, "AKS cluster", spec.name()));
        if (!args.adoptResourceGroup()) {
            names.add(new PhysicalName(subscription, "resource group", group, args.resourceGroup().isPresent() ? "azure.resourceGroup" : "name",
                    args.resourceGroup().orElse(spec.name())));
        }
        return java.util.Set.copyOf(names);
    }

    @Override
    public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
        SpecValidationException.throwIfAny("azure target of cluster '" + spec.name() + "'", validate(spec));
        if (args.preflight() && RealEngine.isDrivingThisProgram()) {
            PreflightReport report = AzurePreflight.forArgs(args).run(spec, args);
            report.throwIfFailed();
        }
        AksCluster cluster = new AksCluster(context.stackName(), spec, args, ComponentResourceOptions.builder().parent(context.parent()).build());
        return new ProvisionedCluster(spec.name(), cluster.kubeconfig(), cluster.kubernetesProvider(),
                new StorageProfile(AksCluster.STANDARD_STORAGE_CLASS, AksCluster.FAST_STORAGE_CLASS), loadBalancers(), cluster.readiness())
                .withFact(MeshDataplanePreference.class, new MeshDataplanePreference(false,
                        "AKS's CNI (Azure CNI overlay powered by Cilium) is Azure's: istio-cni and ztunnel need chaining settings the platform does not set, sidecars work as is"))
                .withHandles(cluster.handles());
    }

    static LoadBalancerCapabilities loadBalancers() {
        return LoadBalancerCapabilities.builder()
                .internetFacing(Map.of())
                .internal(INTERNAL_LB).exposureSwitchesInPlace(false, "cloud-provider-azure keeps public and internal Services on separate load balancers and looks for a Service only on those of the wanted kind; that the old public frontend is removed on a switch is not established (https://github.com/kubernetes-sigs/cloud-provider-azure/blob/master/pkg/provider/azure_loadbalancer.go, getServiceLoadBalancer)")
                .defaultExposure(Exposure.INTERNET_FACING)
                .build();
    }
}
