package io.codezero.aws.cluster;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.AddonPodIdentityAssociationArgs;
import com.pulumi.aws.eks.inputs.GetAddonVersionArgs;
import com.pulumi.aws.eks.outputs.GetAddonVersionResult;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import io.codezero.aws.AwsScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EKS managed add-ons. Versions are chosen by {@link AddonVersionChoice}: a pin in
 * {@code aws.addonVersions}, else the version the add-on runs while the cluster stays on its minor,
 * else EKS's default for the cluster's Kubernetes version (looked up at program time); so a version
 * upgrade moves the add-ons too, in place, and a new AWS default alone moves nothing.
 *
 * <p>Order matters: the CNI, kube-proxy and the Pod Identity agent are DaemonSets that nodes need
 * to become Ready, so they come before the node groups; CoreDNS and the EBS CSI controller are
 * Deployments that only become healthy once nodes exist, so they come after.
 */
final class ClusterAddons {
    static final String VPC_CNI = "vpc-cni";
    static final String KUBE_PROXY = "kube-proxy";
    static final String POD_IDENTITY_AGENT = "eks-pod-identity-agent";
    static final String COREDNS = "coredns";
    static final String EBS_CSI = "aws-ebs-csi-driver";
    /** Every add-on this class installs. */
    static final java.util.List<String> ALL = java.util.List.of(VPC_CNI, KUBE_PROXY, POD_IDENTITY_AGENT, COREDNS, EBS_CSI);
    static final String EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa";

    private final AwsScope scope;
    private final Cluster cluster;
    private final String kubernetesVersion;
    private final Map<String, String> pins;
    private final InvokeOptions invoke;
    private final String ebsCsiConfiguration;
    private final java.util.Optional<RunningCluster> running;
    private Addon podIdentityAgent;
    private Addon ebsCsi;
    private Addon coredns;

    /**
     * @param ebsCsiConfiguration the EBS CSI add-on's configuration values ({@link EbsCsiConfiguration})
     * @param running what the cluster runs now, if it exists and the real engine drives the program
     */
    ClusterAddons(AwsScope scope, Cluster cluster, String kubernetesVersion, Map<String, String> pins, InvokeOptions invoke,
                  String ebsCsiConfiguration, java.util.Optional<RunningCluster> running) {
        this.running = running;
        this.ebsCsiConfiguration = ebsCsiConfiguration;
        this.scope = scope;
        this.cluster = cluster;
        this.kubernetesVersion = kubernetesVersion;
        this.pins = pins;
        this.invoke = invoke;
    }

    List<Addon> beforeNodes() {
        var cni = addon(VPC_CNI, List.of(), null, null);
        var proxy = addon(KUBE_PROXY, List.of(), null, null);
        podIdentityAgent = addon(POD_IDENTITY_AGENT, List.of(), null, null);
        return List.of(cni, proxy, podIdentityAgent);
    }

    List<Addon> afterNodes(List<Resource> nodeGroups, Role ebsCsiRole, Resource ebsCsiPolicy) {
        coredns = addon(COREDNS, nodeGroups, null, null);
        List<Resource> ebsDependencies = new ArrayList<>(nodeGroups);
        ebsDependencies.add(podIdentityAgent);
        ebsDependencies.add(ebsCsiPolicy);
        ebsCsi = addon(EBS_CSI, ebsDependencies, AddonPodIdentityAssociationArgs.builder()
                .roleArn(ebsCsiRole.arn())
                .serviceAccount(EBS_CSI_SERVICE_ACCOUNT)
                .build(), ebsCsiConfiguration);
        return List.of(coredns, ebsCsi);
    }

    /** The EKS Pod Identity agent add-on; Pod Identity associations are served by it. */
    Addon podIdentityAgent() {
        return podIdentityAgent;
    }

    /** The CoreDNS add-on: pods that call AWS APIs resolve their endpoints through it. */
    Addon coredns() {
        return coredns;
    }

    /** The EBS CSI driver add-on; the storage class waits for it. */
    Addon ebsCsi() {
        return ebsCsi;
    }

    private Addon addon(String addonName, List<Resource> dependsOn, AddonPodIdentityAssociationArgs identity, String configuration) {
        var args = AddonArgs.builder()
                .clusterName(cluster.name())
                .addonName(addonName)
                .addonVersion(version(addonName))
                // adopt whatever EKS or a previous install left, then keep user edits to the add-on's config on updates
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("PRESERVE")
                .tags(scope.tags(scope.name(addonName)));
        if (identity != null) {
            args.podIdentityAssociations(identity);
        }
        if (configuration != null) {
            // updated in place (configuration_values is not ForceNew in terraform-provider-aws' aws_eks_addon)
            args.configurationValues(configuration);
        }
        return new Addon(scope.name(addonName), args.build(), scope.opts(dependsOn));
    }

    private Output<String> version(String addonName) {
        var chosen = AddonVersionChoice.of(addonName, kubernetesVersion, pins, running);
        if (chosen.isPresent()) {
            return Output.of(chosen.get());
        }
        return EksFunctions.getAddonVersion(GetAddonVersionArgs.builder()
                        .addonName(addonName)
                        .kubernetesVersion(kubernetesVersion)
                        .mostRecent(false)
                        .build(), invoke)
                .applyValue(GetAddonVersionResult::version);
    }
}
