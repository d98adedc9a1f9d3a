package io.codezero.baremetal.install;

import java.nio.file.Path;

/**
 * k3s assets the user supplies (no downloads on the machines): the k3s binary, the install script
 * and, optionally, the images tarball (k3s-airgap-images-&lt;arch&gt;.tar[.zst|.gz]) that k3s imports
 * at start from /var/lib/rancher/k3s/agent/images/.
 */
public record Airgap(Path k3sBinary, Path installScript, Path images) {
    public Airgap(Path k3sBinary, Path installScript) {
        this(k3sBinary, installScript, null);
    }

    public static final String IMAGES_DIR = "/var/lib/rancher/k3s/agent/images/";
}
