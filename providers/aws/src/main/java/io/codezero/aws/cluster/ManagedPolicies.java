package io.codezero.aws.cluster;

import java.util.List;

/**
 * The AWS managed policies the cluster uses, by name. Each role gets only what its job needs:
 * the control plane one policy, nodes the three EKS requires, the EBS CSI driver its own.
 */
public final class ManagedPolicies {
    private ManagedPolicies() {
    }

    public static final String CLUSTER = "AmazonEKSClusterPolicy";
    public static final List<String> NODE = List.of(
            "AmazonEKSWorkerNodePolicy",
            "AmazonEKS_CNI_Policy",
            "AmazonEC2ContainerRegistryReadOnly");
    /** Lives under the service-role/ path. */
    public static final String EBS_CSI = "service-role/AmazonEBSCSIDriverPolicy";
    public static final String CLUSTER_ADMIN_ACCESS = "AmazonEKSClusterAdminPolicy";

    /** ARN of an IAM managed policy in the given partition (aws, aws-cn, aws-us-gov). */
    public static String arn(String partition, String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }

    /** ARN of an EKS access policy (these live in the eks namespace, not iam). */
    public static String accessPolicyArn(String partition, String name) {
        return "arn:" + partition + ":eks::aws:cluster-access-policy/" + name;
    }
}
