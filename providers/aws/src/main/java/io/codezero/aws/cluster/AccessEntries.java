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
 * Cluster access through EKS access entries (authentication mode API). The identity that creates
 * the cluster is admin through the cluster's bootstrap entry; these add further administrators, and
 * refuse (before EKS answers 409) to add that creator again: see {@link ClusterCreator}.
 */
final class AccessEntries {
    private AccessEntries() {
    }

    static void grantAdmins(AwsScope scope, Cluster cluster, Output<String> partition, List<String> principalArns) {
        for (int index = 0; index < principalArns.size(); index++) {
            final int i = index;
            String principal = principalArns.get(i);
            var entry = new AccessEntry(scope.name("admin-" + i), AccessEntryArgs.builder()
                    .clusterName(cluster.name())
                    // a principal that created the cluster already has EKS's bootstrap entry (409 otherwise)
                    .principalArn(ClusterCreator.notTheCreator(cluster.tags().applyValue(t -> t.orElse(null)), principal, i))
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
