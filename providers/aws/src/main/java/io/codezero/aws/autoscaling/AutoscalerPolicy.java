package io.codezero.aws.autoscaling;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cluster Autoscaler's IAM policy, least privilege: it may read Auto Scaling groups, instance
 * types and launch templates (these Describe actions take no resource scoping), read only this
 * cluster's node groups, and change the size of (or terminate instances in) only the Auto Scaling
 * groups EKS tagged as this cluster's: the same tags auto-discovery looks for.
 */
public final class AutoscalerPolicy {
    /** Actions without resource-level permissions: reads the autoscaler needs to see node groups and instance types. */
    public static final List<String> READS = List.of(
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeAutoScalingInstances",
            "autoscaling:DescribeScalingActivities",
            "autoscaling:DescribeTags",
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:GetInstanceTypesFromInstanceRequirements");
    /** Read the node group's labels, taints and resources, to scale a pool up from zero nodes. */
    public static final String DESCRIBE_NODE_GROUP = "eks:DescribeNodegroup";
    /** The only writes: change a group's desired size, or remove one instance from it while scaling down. */
    public static final List<String> WRITES = List.of(
            "autoscaling:SetDesiredCapacity",
            "autoscaling:TerminateInstanceInAutoScalingGroup");
    /** The tag EKS puts on every managed node group's Auto Scaling group; discovery needs it too. */
    public static final String ENABLED_TAG = "k8s.io/cluster-autoscaler/enabled";

    private static final Gson GSON = new Gson();

    private AutoscalerPolicy() {
    }

    /**
     * The tag, with value {@code owned}, that EKS puts on the Auto Scaling groups of this cluster's managed node groups.
     * @param clusterName the EKS cluster's name
     * @return the tag key, {@code k8s.io/cluster-autoscaler/<clusterName>}
     */
    public static String clusterTag(String clusterName) {
        return "k8s.io/cluster-autoscaler/" + clusterName;
    }

    /**
     * The policy document for one cluster; byte-identical on every run (ordered maps), so no diff.
     * @param partition the AWS partition, e.g. {@code aws}
     * @param region the cluster's region
     * @param account the account ID
     * @param clusterName the EKS cluster's name
     * @return the IAM policy document as JSON, scoped to this cluster's Auto Scaling groups
     */
    public static String document(String partition, String region, String account, String clusterName) {
        Map<String, Object> condition = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("aws:ResourceTag/" + clusterTag(clusterName), "owned");
        tags.put("aws:ResourceTag/" + ENABLED_TAG, "true");
        condition.put("StringEquals", tags);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", List.of(
                statement("DescribeScalingTargets", READS, "*", null),
                statement("DescribeThisClustersNodeGroups", List.of(DESCRIBE_NODE_GROUP),
                        "arn:" + partition + ":eks:" + region + ":" + account + ":nodegroup/" + clusterName + "/*/*", null),
                statement("ScaleThisClustersNodeGroupsOnly", WRITES, "*", condition)));
        return GSON.toJson(doc);
    }

    private static Map<String, Object> statement(String sid, List<String> actions, String resource, Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resource);
        if (condition != null) {
            statement.put("Condition", condition);
        }
        return statement;
    }
}
