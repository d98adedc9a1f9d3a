package io.codezero.gcp.cluster;

import io.codezero.core.auth.ExecKubeconfig;
import java.util.List;

/**
 * A kubeconfig for a GKE cluster whose user runs an exec credential plugin (by default
 * {@code codezero-gke-token}, shipped by this project) instead of gcloud and gke-gcloud-auth-plugin.
 * Written as JSON, which every kubeconfig reader accepts, so quoting is exact.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static String render(String contextName, String endpoint, String caCertificate, List<String> tokenCommand) {
        String server = endpoint.startsWith("https://") ? endpoint : "https://" + endpoint;
        return ExecKubeconfig.of(contextName, server, caCertificate, tokenCommand, List.of()).render();
    }
}
