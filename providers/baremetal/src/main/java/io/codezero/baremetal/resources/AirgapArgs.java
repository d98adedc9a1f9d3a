package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** k3s assets from the release page, as paths on the machine that runs Pulumi: uploaded, never downloaded. */
public final class AirgapArgs extends ResourceArgs {
    @Import(name = "k3sBinary", required = true) private Output<String> k3sBinary;
    @Import(name = "installScript", required = true) private Output<String> installScript;
    @Import(name = "images") @javax.annotation.Nullable private Output<String> images;

    private AirgapArgs() {
    }

    /**
     * The k3s binary and install script, without the images tarball (the machines then pull the system images).
     * @param k3sBinary path of the {@code k3s} binary on the machine running Pulumi
     * @param installScript path of the release's {@code install.sh}
     * @return the airgap inputs
     */
    public static AirgapArgs of(String k3sBinary, String installScript) {
        AirgapArgs a = new AirgapArgs();
        a.k3sBinary = Output.of(k3sBinary);
        a.installScript = Output.of(installScript);
        return a;
    }

    /**
     * With the images tarball (k3s-airgap-images-&lt;arch&gt;.tar.zst), so the machines pull no images either.
     * @param k3sBinary path of the {@code k3s} binary on the machine running Pulumi
     * @param installScript path of the release's {@code install.sh}
     * @param images path of the images tarball, or {@code null}
     * @return the airgap inputs
     */
    public static AirgapArgs of(String k3sBinary, String installScript, String images) {
        AirgapArgs a = of(k3sBinary, installScript);
        a.images = images == null ? null : Output.of(images);
        return a;
    }

    /** {@return the path of the k3s binary on the machine running Pulumi} */
    public Output<String> k3sBinary() { return k3sBinary; }
    /** {@return the path of the install script on the machine running Pulumi} */
    public Output<String> installScript() { return installScript; }
}
