package io.codezero.gcp;

import io.codezero.core.target.PhysicalName;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.CniPaths;
import io.codezero.core.target.LimitedPriorityClasses;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.MeshDataplanePreference;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.gcp.cluster.GkeCluster;
import io.codezero.gcp.cluster.IamPropagation;
import io.codezero.gcp.preflight.GcpPreflight;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** GKE on Google Cloud: see docs/gcp.md. */
public final class GcpTarget implements ClusterTarget {
    /** The target kind, as {@code codezero:target} names it in config. */
    public static final String KIND = "gcp";
    /** GKE's annotation for an internal passthrough Network Load Balancer (in the node subnet). */
    public static final Map<String, String> INTERNAL_LB = Map.of("networking.gke.io/load-balancer-type", "Internal");
    /**
     * GKE nodes (COS and Ubuntu images) keep CNI plugins in {@code /home/kubernetes/bin}, not {@code /opt/cni/bin},
     * and the configuration in the usual {@code /etc/cni/net.d}; Istio's platform profile for them is {@code gke}
     * (Istio's platform prerequisites for GKE; the istio-cni chart's README and {@code profile-platform-gke.yaml}).
     */
    public static final CniPaths CNI_PATHS = new CniPaths("/etc/cni/net.d", "/home/kubernetes/bin", "gke");
    /**
     * GKE admits {@code system-node-critical} pods only in kube-system or in a namespace with a ResourceQuota for
     * that class (Istio's platform prerequisites for GKE): istio-cni and ztunnel run in istio-system with it.
     */
    public static final LimitedPriorityClasses LIMITED_PRIORITY_CLASSES =
            new LimitedPriorityClasses(List.of(LimitedPriorityClasses.NODE_CRITICAL), "GKE");

    private final GcpTargetArgs args;

    /**
     * A target for GKE; nothing is called until the stack plans.
     * @param args the Google Cloud settings; must not be {@code null}
     */
    public GcpTarget(GcpTargetArgs args) {
        this.args = io.codezero.core.validation.Arguments.given(args, "new GcpTarget(args)");
    }

    /**
     * Reads the {@code codezero:gcp} config object. Type errors and unknown keys are added to the
     * object's problems, which the stack reports with every other problem before registering
     * anything; never thrown here.
     * @param gcp the {@code codezero:gcp} config object
     * @return a target built from those values
     */
    public static GcpTarget fromConfig(ConfigObject gcp) {
        return new GcpTarget(GcpTargetArgs.fromConfig(gcp));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Every part of the spec: pools, the three ranges, public or private nodes and endpoint, allowlist, tags (as labels). */
    @Override
    public Set<SpecField> honours() {
        return EnumSet.allOf(SpecField.class);
    }

    /** {@return the arguments given to the constructor} */
    public GcpTargetArgs args() {
        return args;
    }

    @Override
    public List<Problem> validate(ClusterSpec spec) {
        return GcpValidator.validate(spec, args);
    }

    /**
     * A GKE cluster's name is unique per project and location; the network it creates ({@code <name>-vpc}) and
     * the node service account ({@code <name>-nodes}) are unique per project, so two regions' stacks collide too.
     */
    @Override
    public java.util.Set<PhysicalName> physicalNames(ClusterSpec spec) {
        String project = "GCP project " + args.project();
        java.util.Set<PhysicalName> names = new java.util.HashSet<>(java.util.Set.of(
                PhysicalName.ofCluster(spec, project + ", location " + args.region(), "GKE cluster", spec.name()),
                PhysicalName.ofCluster(spec, project, "node service account of the cluster", spec.name())));
        if (!args.adoptsNetwork()) {
            names.add(PhysicalName.ofCluster(spec, project, "VPC network", spec.name() + "-vpc"));
        }
        return java.util.Set.copyOf(names);
    }

    @Override
    public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
        SpecValidationException.throwIfAny("gcp target of cluster '" + spec.name() + "'", validate(spec));
        if (args.preflight() && RealEngine.isDrivingThisProgram()) {
            GcpPreflight.forProject(args).run(spec, args).throwIfFailed();
        }
        GkeCluster cluster = new GkeCluster(context.stackName(), spec, args, keyGrantPropagation(spec),
                ComponentResourceOptions.builder().parent(context.parent()).build());
        return new ProvisionedCluster(spec.name(), cluster.kubeconfig(), cluster.kubernetesProvider(),
                new StorageProfile(io.codezero.gcp.cluster.GkeClusterNames.STANDARD_CLASS, io.codezero.gcp.cluster.GkeClusterNames.FAST_CLASS),
                loadBalancers(), cluster.readiness())
                .withFact(CniPaths.class, CNI_PATHS)
                .withFact(LimitedPriorityClasses.class, LIMITED_PRIORITY_CLASSES)
                .withFact(MeshDataplanePreference.class, new MeshDataplanePreference(false,
                        "GKE's CNI (Dataplane V2) is Google's own: sidecars need only istio-cni's redirection, while ambient's"
                                + " node agents add ztunnel beside Dataplane V2 on every node; choose platform.istio.mode: ambient to use it"))
                .withHandles(cluster.handles());
    }

    /**
     * Whether this deploy creates the cluster, and so must give the KMS grant it just made time to take effect: only
     * under the real engine, not in preview, and only when Kubernetes Engine says the cluster does not exist (or cannot
     * say: then waiting costs a minute and a half, not a failed first {@code up}).
     */
    private IamPropagation keyGrantPropagation(ClusterSpec spec) {
        if (!RealEngine.isDrivingThisProgram() || com.pulumi.deployment.Deployment.getInstance().isDryRun() || args.kmsKeyName().isPresent()) {
            return IamPropagation.NONE;
        }
        try {
            var api = io.codezero.gcp.preflight.GoogleRest.google(io.codezero.gcp.auth.GoogleAccessTokens.applicationDefault());
            if (api.cluster(args.project(), args.region(), spec.name()).ok()) {
                return IamPropagation.NONE;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no credentials here: the provider will say so; waiting does no harm
        }
        return IamPropagation.sleeping(IamPropagation.CLUSTER_CREATION);
    }

    /** GKE's own service controller: external passthrough NLBs by default, internal ones with GKE's annotation. */
    static LoadBalancerCapabilities loadBalancers() {
        return LoadBalancerCapabilities.builder()
                .internetFacing(Map.of())
                .internal(INTERNAL_LB).exposureSwitchesInPlace(true, "GKE's service controller deletes the load balancer of the old scheme and makes one of the new: \"If the loadbalancer type changes between INTERNAL and EXTERNAL, the old load balancer should be deleted\" (https://github.com/kubernetes/cloud-provider-gcp/blob/master/providers/gce/gce_loadbalancer.go, EnsureLoadBalancer)")
                .defaultExposure(Exposure.INTERNET_FACING)
                .build();
    }
}
