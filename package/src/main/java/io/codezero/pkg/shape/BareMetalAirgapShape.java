package io.codezero.pkg.shape;

/** {@code baremetal.airgap}. */
@Doc("The k3s release files on the machine running Pulumi.")
public final class BareMetalAirgapShape {
    @Doc("The k3s binary.")
    String k3sBinary;

    @Doc("The k3s install script.")
    String installScript;

    @Doc("The k3s airgap images archive.")
    String images;

    /** Not constructed: a shape is read by reflection only. */
    private BareMetalAirgapShape() {
    }
}
