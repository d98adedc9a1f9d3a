package io.codezero.pkg.shape;

import java.util.List;

/** {@code cluster.network}. */
@Doc("The cluster's network.")
public final class NetworkShape {
    @Doc("The VPC / virtual network range (CIDR).")
    public String vpcCidr;

    @Doc("The pod range (CIDR).")
    public String podCidr;

    @Doc("The service range (CIDR).")
    public String serviceCidr;

    @Doc("Nodes without public addresses (default true).")
    public Boolean privateNodes;

    @Doc("CIDRs allowed to reach the Kubernetes API.")
    public List<String> apiAccessAllowlist;

    @Doc("The Kubernetes API only on a private address.")
    public Boolean privateApiOnly;

    @Doc("Explicitly open the Kubernetes API to the whole internet.")
    public Boolean apiOpenToInternet;

    private NetworkShape() {
    }
}
