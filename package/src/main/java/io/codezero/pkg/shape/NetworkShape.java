package io.codezero.pkg.shape;

import java.util.List;

/** {@code cluster.network}. */
@Doc("The cluster's network.")
public final class NetworkShape {
    @Doc("The VPC / virtual network range (CIDR).")
    String vpcCidr;

    @Doc("The pod range (CIDR).")
    String podCidr;

    @Doc("The service range (CIDR).")
    String serviceCidr;

    @Doc("Nodes without public addresses (default true).")
    Boolean privateNodes;

    @Doc("CIDRs allowed to reach the Kubernetes API.")
    List<String> apiAccessAllowlist;

    @Doc("The Kubernetes API only on a private address.")
    Boolean privateApiOnly;

    @Doc("Explicitly open the Kubernetes API to the whole internet.")
    Boolean apiOpenToInternet;

    private NetworkShape() {
    }
}
