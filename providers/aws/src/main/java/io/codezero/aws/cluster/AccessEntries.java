package io.codezero.aws.cluster;

import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.core.Output;
import io.codezero.aws.AwsScope;
import java.util.List;

/**
 * Cluster access through EKS access entries (authentication mode API). The identity that runs
 * Pulumi is admin through the cluster's bootstrap entry; these add further administrators.
 */
final class AccessEntries {
    private AccessEntries() {
    }

    static void grantAdmins(AwsScope scope, Cluster cluster, Output<String> partition, List<String> principalArns) {
        for (int i = 0; i < principalArns.size(); i++) {
            String principal = principalArns.get(i);
            var entry = new AccessEntry(scope.name("admin-" + i), AccessEntryArgs.builder()
                    .clusterName(cluster.name())
                    .principalArn(principal)
                    .type("STANDARD")
                    .tags(scope.tags(scope.name("admin-" + i)))
                    .build(), scope.opts());
            new AccessPolicyAssociation(scope.name("admin-" + i + "-cluster-admin"), AccessPolicyAssociationArgs.builder()
                    .clusterName(cluster.name())
                    .principalArn(entry.principalArn())
                    .policyArn(partition.applyValue(p -> ManagedPolicies.accessPolicyArn(p, ManagedPolicies.CLUSTER_ADMIN_ACCESS)))
                    .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                    .build(), scope.opts());
        }
    }
}
