package io.codezero.aws.cluster;

import io.codezero.core.auth.ExecKubeconfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeconfig for an EKS cluster whose user authenticates through an exec credential plugin
 * (by default {@code codezero-eks-token}, shipped by this project) instead of the aws CLI.
 * Written as JSON, which every kubeconfig reader accepts (JSON is YAML), so quoting is exact.
 */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static String render(String clusterName, String endpoint, String certificateAuthorityData, String region,
                                List<String> tokenCommand, Optional<String> awsProfile) {
        ExecKubeconfig kubeconfig = ExecKubeconfig.of(clusterName, endpoint, certificateAuthorityData, tokenCommand,
                List.of("--cluster-name", clusterName, "--region", region));
        return awsProfile.map(profile -> kubeconfig.withEnv(Map.of("AWS_PROFILE", profile))).orElse(kubeconfig).render();
    }
}
