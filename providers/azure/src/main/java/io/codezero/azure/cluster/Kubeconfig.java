package io.codezero.azure.cluster;

import io.codezero.core.auth.ExecKubeconfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A kubeconfig for an AKS cluster with Entra ID authentication whose user runs an exec credential
 * plugin ({@code codezero-aks-token}, shipped by this project) instead of kubelogin and the az CLI.
 * The server and CA come from the cluster-user kubeconfig AKS returns; everything else is ours.
 * Written as JSON, which every kubeconfig reader accepts, so quoting is exact.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    /** The API server and its CA, read from the base64 kubeconfig AKS returns for the cluster user. */
    public record Endpoint(String server, String certificateAuthorityData) {
        @SuppressWarnings("unchecked")
        public static Endpoint fromAksKubeconfig(String base64Kubeconfig) {
            String yaml = new String(Base64.getDecoder().decode(base64Kubeconfig.trim()), StandardCharsets.UTF_8);
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (root instanceof Map<?, ?> config && config.get("clusters") instanceof List<?> clusters && !clusters.isEmpty()
                    && clusters.get(0) instanceof Map<?, ?> named && named.get("cluster") instanceof Map<?, ?> cluster) {
                Map<String, Object> c = (Map<String, Object>) cluster;
                return new Endpoint(String.valueOf(c.get("server")), String.valueOf(c.getOrDefault("certificate-authority-data", "")));
            }
            throw new IllegalStateException("AKS returned a cluster-user kubeconfig without a cluster entry");
        }
    }

    public static String render(String clusterName, Endpoint endpoint, List<String> tokenCommand, Optional<String> tenantId) {
        List<String> args = new ArrayList<>(List.of("--server-id", io.codezero.azure.AksNames.AKS_AAD_SERVER_APP_ID));
        tenantId.ifPresent(t -> args.addAll(List.of("--tenant-id", t)));
        return ExecKubeconfig.of(clusterName, endpoint.server(), endpoint.certificateAuthorityData(), tokenCommand, args).render();
    }
}
