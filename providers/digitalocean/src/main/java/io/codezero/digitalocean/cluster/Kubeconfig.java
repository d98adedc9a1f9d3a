package io.codezero.digitalocean.cluster;

import io.codezero.core.auth.ExecKubeconfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kubeconfig for a DOKS cluster whose user runs an exec credential plugin (by default
 * {@code codezero-doks-token}) that asks the DigitalOcean API for short-lived credentials. It holds
 * the cluster's address and CA only: no token, so nothing in it expires, and the API token it uses
 * comes from the environment or a token file on the machine that runs it. Written as JSON (JSON is
 * YAML) so quoting is exact.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    /**
     * A kubeconfig for one DOKS cluster whose user runs the token helper.
     * @param clusterName the spec's cluster name; the context is {@code do-<clusterName>}
     * @param clusterId the cluster's UUID, passed to the helper
     * @param endpoint the API server's URL
     * @param caData the cluster CA, base64 as DigitalOcean returns it
     * @param tokenCommand the helper's command
     * @param credentialSeconds the credentials' lifetime asked for, 600 to 86400
     * @param tokenFile a file with the API token, if given
     * @return the kubeconfig as JSON
     */
    public static String render(String clusterName, String clusterId, String endpoint, String caData,
                                List<String> tokenCommand, int credentialSeconds, Optional<String> tokenFile) {
        List<String> args = new ArrayList<>(List.of("--cluster-id", clusterId, "--expiry-seconds", String.valueOf(credentialSeconds)));
        tokenFile.ifPresent(file -> args.addAll(List.of("--token-file", file)));
        return ExecKubeconfig.of("do-" + clusterName, endpoint, caData, tokenCommand, args)
                .withInstallHint("codezero-doks-token is shipped by CodeZero (providers/digitalocean); see docs/digitalocean.md")
                .render();
    }
}
