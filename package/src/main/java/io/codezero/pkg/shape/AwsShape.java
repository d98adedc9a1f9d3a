package io.codezero.pkg.shape;

import java.util.List;
import java.util.Map;

/** {@code aws}: the AWS target's settings, read by {@code AwsTargetArgs.fromConfig}. */
@Doc("Makes the cluster on Amazon EKS instead of adopting an existing one. Same keys as `codezero:aws` (docs/aws.md); "
        + "credentials come from the program's `aws:` config, `profile` or the environment.")
public final class AwsShape {
    @Doc("The AWS region, e.g. `eu-west-1`. Required.")
    String region;

    @Doc("Zones to spread over, 2-6 (default 3): the first available regular zones; with `availabilityZones` it must equal "
            + "their number.")
    Integer zoneCount;

    @Doc("Explicit zone names instead of `zoneCount`.")
    List<String> availabilityZones;

    @Doc("`ONE_PER_ZONE` (default) or `SINGLE` NAT gateway.")
    String natMode;

    @Doc("Adopt an existing VPC and its subnets instead of creating one.")
    AwsVpcShape vpc;

    @Doc("Size class to instance type, overriding the defaults; `gpu` must be a GPU type.")
    AwsInstanceTypesShape instanceTypes;

    @Doc("Adopt a KMS key (ARN) for secrets encryption.")
    String kmsKeyArn;

    @Doc("Control plane log types, a subset of `api`, `audit`, `authenticator`, `controllerManager`, `scheduler` "
            + "(default all five).")
    List<String> controlPlaneLogs;

    @Doc("IAM roles or users given cluster-admin through access entries.")
    List<String> adminPrincipalArns;

    @Doc("The kubeconfig's exec command and its leading arguments; default `[codezero-eks-token]`.")
    List<String> tokenCommand;

    @Doc("AWS profile for the provider, the preflight and the kubeconfig (`AWS_PROFILE`).")
    String profile;

    @Doc("Run the read-only preflight in preview and up (default false).")
    Boolean preflight;

    @Doc("Node group rolling-update bound in percent (default 33).")
    Integer maxUnavailablePercent;

    @Doc("Node root volume in GiB (default 50).")
    Integer rootVolumeGiB;

    @Doc("Instance metadata hop limit, 1 (default) or 2.")
    Integer imdsHopLimit;

    @Doc("Let the program set node groups' desired size (default false: the autoscaler owns it).")
    Boolean manageDesiredSize;

    @Doc("EKS add-on version pins by add-on name, e.g. `{coredns: v1.11.4-eksbuild.2}`.")
    Map<String, String> addonVersions;

    @Doc("EKS upgrade policy: `STANDARD` (default) or `EXTENDED` (billed extra).")
    String supportType;

    @Doc("The Cluster Autoscaler's settings.")
    AwsClusterAutoscalerShape clusterAutoscaler;

    /** Not constructed: a shape is read by reflection only. */
    private AwsShape() {
    }
}
