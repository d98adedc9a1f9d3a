package io.codezero.aws.cluster;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.aws.AwsScope;
import java.util.ArrayList;
import java.util.List;

/**
 * The three IAM roles of a cluster, each with only the managed policies its job needs:
 * the control plane, the nodes, and the EBS CSI driver (through Pod Identity, so the driver's
 * rights never land on the node role where every pod could borrow them).
 */
public record ClusterRoles(
        Role clusterRole,
        List<Resource> clusterPolicies,
        Role nodeRole,
        List<Resource> nodePolicies,
        Role ebsCsiRole,
        Resource ebsCsiPolicy) {

    public static ClusterRoles create(AwsScope scope, Output<String> partition) {
        var clusterRole = new Role(scope.name("cluster-role"), RoleArgs.builder()
                .description("EKS control plane of " + scope.clusterName())
                .assumeRolePolicy(TrustPolicies.service("eks.amazonaws.com"))
                .tags(scope.tags(scope.name("cluster-role")))
                .build(), scope.opts());
        List<Resource> clusterPolicies = List.of(attach(scope, clusterRole, "cluster-role", ManagedPolicies.CLUSTER, partition));

        var nodeRole = new Role(scope.name("node-role"), RoleArgs.builder()
                .description("EKS managed nodes of " + scope.clusterName())
                .assumeRolePolicy(TrustPolicies.service("ec2.amazonaws.com"))
                .tags(scope.tags(scope.name("node-role")))
                .build(), scope.opts());
        List<Resource> nodePolicies = new ArrayList<>();
        for (String policy : ManagedPolicies.NODE) {
            nodePolicies.add(attach(scope, nodeRole, "node-role", policy, partition));
        }

        var ebsCsiRole = new Role(scope.name("ebs-csi-role"), RoleArgs.builder()
                .description("EBS CSI controller of " + scope.clusterName() + " (EKS Pod Identity)")
                .assumeRolePolicy(TrustPolicies.podIdentity())
                .tags(scope.tags(scope.name("ebs-csi-role")))
                .build(), scope.opts());
        var ebsCsiPolicy = attach(scope, ebsCsiRole, "ebs-csi-role", ManagedPolicies.EBS_CSI, partition);
        return new ClusterRoles(clusterRole, clusterPolicies, nodeRole, List.copyOf(nodePolicies), ebsCsiRole, ebsCsiPolicy);
    }

    private static RolePolicyAttachment attach(AwsScope scope, Role role, String roleSuffix, String policy, Output<String> partition) {
        String shortName = policy.substring(policy.lastIndexOf('/') + 1);
        return new RolePolicyAttachment(scope.name(roleSuffix + "-" + shortName), RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(partition.applyValue(p -> ManagedPolicies.arn(p, policy)))
                .build(), scope.opts());
    }
}
