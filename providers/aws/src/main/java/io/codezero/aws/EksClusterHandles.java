package io.codezero.aws;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import io.codezero.aws.autoscaling.ClusterAutoscaler;
import io.codezero.core.target.ClusterHandles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a program wires its own AWS resources to after an EKS stack is planned: the cloud's own typed
 * resources, as pulumi-eks hands back {@code eksCluster}, {@code oidcProvider} and
 * {@code instanceRoles}. Read them with {@code stack.handles(EksClusterHandles.class)} or
 * {@code provisioned.handles(EksClusterHandles.class)}; docs/aws.md shows an example.
 *
 * @param cluster                the {@code aws.eks.Cluster}
 * @param awsProvider            the AWS provider every resource of the cluster uses (region pinned): give it to your own resources
 * @param oidcProvider           the IAM OIDC provider of the cluster's issuer (for IAM roles for service accounts)
 * @param podIdentityAgent       the EKS Pod Identity agent add-on: make your own {@code aws.eks.PodIdentityAssociation}s depend on it
 * @param nodeRole               the IAM role every managed node wears
 * @param nodeGroups             the managed node groups, one per pool, in the spec's order
 * @param vpcId                  the VPC (created or adopted)
 * @param privateSubnetIds       the subnets of nodes and internal load balancers
 * @param publicSubnetIds        the subnets of NAT gateways and internet-facing load balancers (may be empty)
 * @param clusterSecurityGroupId the security group EKS made for the control plane and nodes
 * @param autoscaler             the Cluster Autoscaler's role, policy, Pod Identity association and release, when installed
 */
public record EksClusterHandles(
        Cluster cluster,
        com.pulumi.aws.Provider awsProvider,
        OpenIdConnectProvider oidcProvider,
        Addon podIdentityAgent,
        Role nodeRole,
        List<NodeGroup> nodeGroups,
        Output<String> vpcId,
        List<Output<String>> privateSubnetIds,
        List<Output<String>> publicSubnetIds,
        Output<String> clusterSecurityGroupId,
        Optional<ClusterAutoscaler> autoscaler) implements ClusterHandles {

    /**
     * Copies the lists; every handle is required (the autoscaler may be empty).
     * @param cluster the {@code aws.eks.Cluster}
     * @param awsProvider the cluster's AWS provider
     * @param oidcProvider the IAM OIDC provider
     * @param podIdentityAgent the Pod Identity agent add-on
     * @param nodeRole the nodes' IAM role
     * @param nodeGroups the managed node groups
     * @param vpcId the VPC's ID
     * @param privateSubnetIds the private subnets' IDs
     * @param publicSubnetIds the public subnets' IDs
     * @param clusterSecurityGroupId the cluster security group's ID
     * @param autoscaler the Cluster Autoscaler, or empty
     */
    public EksClusterHandles {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(awsProvider, "awsProvider");
        Objects.requireNonNull(oidcProvider, "oidcProvider");
        Objects.requireNonNull(podIdentityAgent, "podIdentityAgent");
        Objects.requireNonNull(nodeRole, "nodeRole");
        nodeGroups = List.copyOf(nodeGroups);
        Objects.requireNonNull(vpcId, "vpcId");
        privateSubnetIds = List.copyOf(privateSubnetIds);
        publicSubnetIds = List.copyOf(publicSubnetIds);
        Objects.requireNonNull(clusterSecurityGroupId, "clusterSecurityGroupId");
        Objects.requireNonNull(autoscaler, "autoscaler");
    }

    /** The EKS cluster's name. */
    @Override
    public Output<String> clusterName() {
        return cluster.name();
    }

    /** The API server's URL. */
    @Override
    public Output<String> endpoint() {
        return cluster.endpoint();
    }

    /**
     * The cluster's OIDC issuer URL (https://oidc.eks.&lt;region&gt;.amazonaws.com/id/...).
     * @return the issuer URL, always with its {@code https://} scheme
     */
    public Output<String> oidcIssuer() {
        return oidcProvider.url().applyValue(url -> url.startsWith("https://") ? url : "https://" + url);
    }

    /**
     * The cluster's ARN.
     * @return the ARN, e.g. {@code arn:aws:eks:<region>:<account>:cluster/<name>}
     */
    public Output<String> clusterArn() {
        return cluster.arn();
    }
}
