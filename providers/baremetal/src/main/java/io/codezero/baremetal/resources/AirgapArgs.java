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

    public static AirgapArgs of(String k3sBinary, String installScript) {
        AirgapArgs a = new AirgapArgs();
        a.k3sBinary = Output.of(k3sBinary);
        a.installScript = Output.of(installScript);
        return a;
    }

    /** With the images tarball (k3s-airgap-images-&lt;arch&gt;.tar.zst), so the machines pull no images either. */
    public static AirgapArgs of(String k3sBinary, String installScript, String images) {
        AirgapArgs a = of(k3sBinary, installScript);
        a.images = images == null ? null : Output.of(images);
        return a;
    }

    public Output<String> k3sBinary() { return k3sBinary; }
    public Output<String> installScript() { return installScript; }
}
