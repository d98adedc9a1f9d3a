package io.codezero.pkg.shape;

import java.util.List;

/** Output {@code awsHandles}: {@code EksClusterHandles} as plain values. */
@Doc("The EKS cluster's handles (the Java API's `EksClusterHandles`) as plain values; only with the `aws` target.")
public final class AwsHandlesShape {
    @Doc("The EKS cluster's ARN.")
    String clusterArn;

    @Doc("The cluster's OIDC issuer URL.")
    String oidcIssuer;

    @Doc("The IAM OIDC provider's ARN (for IAM roles for service accounts).")
    String oidcProviderArn;

    @Doc("The ARN of the IAM role every managed node wears.")
    String nodeRoleArn;

    @Doc("The VPC's id (created or adopted).")
    String vpcId;

    @Doc("The subnets of nodes and internal load balancers.")
    List<String> privateSubnetIds;

    @Doc("The subnets of NAT gateways and internet-facing load balancers (may be empty).")
    List<String> publicSubnetIds;

    @Doc("The security group EKS made for the control plane and nodes.")
    String clusterSecurityGroupId;

    /** Not constructed: a shape is read by reflection only. */
    private AwsHandlesShape() {
    }
}
