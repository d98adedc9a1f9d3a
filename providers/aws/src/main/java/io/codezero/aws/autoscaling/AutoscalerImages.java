package io.codezero.aws.autoscaling;

import io.codezero.core.Versions;
import java.util.Map;

/**
 * Which Cluster Autoscaler image runs on which Kubernetes minor. The autoscaler is released once per
 * Kubernetes minor and supports that minor only (its scheduler simulation is the minor's own), so the
 * image follows the cluster's version, not the chart's default (the chart 9.59.0 defaults to v1.35.0, its appVersion).
 */
public final class AutoscalerImages {
    /**
     * Newest patch of each minor seen published: v1.33.6, v1.34.5 and v1.35.2 with their release notes of
     * 2026-07-23 (github.com/kubernetes/autoscaler releases cluster-autoscaler-1.33.6 / -1.34.5),
     * v1.32.3 as pinned by public manifests. Every supported minor
     * has an entry ({@code AutoscalerImagesTest}).
     */
    public static final Map<String, String> BY_MINOR = Map.of(
            "1.32", "v1.32.3",
            "1.33", "v1.33.6",
            "1.34", "v1.34.5",
            "1.35", "v1.35.2");

    private AutoscalerImages() {
    }

    /**
     * The image tag for a cluster minor such as "1.34"; a supported minor always has one.
     * @param kubernetesMinor a minor such as {@code 1.34}
     * @return the image tag, e.g. {@code v1.34.5}
     * @throws IllegalArgumentException for a minor with no known image (validation refuses such a minor first)
     */
    public static String tagFor(String kubernetesMinor) {
        String tag = BY_MINOR.get(kubernetesMinor);
        if (tag == null) {
            throw new IllegalArgumentException("no Cluster Autoscaler image known for Kubernetes " + kubernetesMinor
                    + "; supported minors are " + Versions.KUBERNETES_SUPPORTED);
        }
        return tag;
    }
}
