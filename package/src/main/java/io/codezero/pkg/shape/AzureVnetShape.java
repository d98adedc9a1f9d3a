package io.codezero.pkg.shape;

import java.util.List;

/** {@code azure.vnet}. */
@Doc("An existing subnet to adopt: nothing of the network is created.")
public final class AzureVnetShape {
    @Doc("The subnet's full resource id.")
    String subnetId;

    @Doc("Egress of the adopted subnet: `userAssignedNATGateway` (default), `userDefinedRouting` or `loadBalancer`.")
    String outboundType;

    @Doc("The public IPs (as /32s) the adopted subnet's traffic leaves from; required for a public cluster unless "
            + "`loadBalancer`.")
    List<String> egressCidrs;

    /** Not constructed: a shape is read by reflection only. */
    private AzureVnetShape() {
    }
}
