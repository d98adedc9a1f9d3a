package io.codezero.core;

import java.util.List;

/**
 * The one version catalogue. Every pinned version the library installs lives here, so an upgrade
 * is a reviewed change of one file and a plan diff, never a silent drift.
 */
public final class Versions {
    private Versions() {
    }

    /** Kubernetes minor versions every target of this release is tested against, oldest first. */
    public static final List<String> KUBERNETES_SUPPORTED = List.of("1.32", "1.33", "1.34", "1.35");

    /**
     * One minor behind the newest supported: every managed service offers it, and it leaves a
     * supported in-place upgrade step ahead.
     */
    public static final String KUBERNETES_DEFAULT = "1.34";

    public static boolean isSupportedKubernetes(String version) {
        return version != null && KUBERNETES_SUPPORTED.contains(version);
    }

    /**
     * Charts and images the platform layers and app catalogue install (owner: platform). Each was
     * the newest stable release found when pinned; see docs/platform.md for the lookup notes.
     */
    public static final class Platform {
        private Platform() {
        }

        public static final String ISTIO_REPO = "https://istio-release.storage.googleapis.com/charts";
        /** One version for base, istiod, gateway, cni and ztunnel: Istio charts are released together. */
        public static final String ISTIO = "1.31.1";

        public static final String PROMETHEUS_COMMUNITY_REPO = "https://prometheus-community.github.io/helm-charts";
        public static final String KUBE_PROMETHEUS_STACK = "88.2.0";

        public static final String GRAFANA_REPO = "https://grafana.github.io/helm-charts";
        public static final String GRAFANA = "12.1.2";
        public static final String LOKI = "7.2.0";
        public static final String ALLOY = "1.12.1";

        public static final String JETSTACK_REPO = "https://charts.jetstack.io";
        public static final String CERT_MANAGER = "v1.21.2";

        public static final String HEADLAMP_REPO = "https://kubernetes-sigs.github.io/headlamp/";
        public static final String HEADLAMP = "0.43.0";
        public static final String KIALI_REPO = "https://kiali.org/helm-charts";
        public static final String KIALI_SERVER = "2.31.0";

        /** Plugin version of the pulumi-random provider that generated passwords are registered with. */
        public static final String RANDOM_PLUGIN = "4.18.4";

        public static final String POSTGRES_IMAGE = "docker.io/library/postgres:18.1-alpine";
        public static final String REDIS_IMAGE = "docker.io/library/redis:8.2.2-alpine";
        public static final String MINIO_IMAGE = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z";
        public static final String GITEA_IMAGE = "docker.gitea.com/gitea:1.24.6-rootless";
        public static final String ADMINER_IMAGE = "docker.io/library/adminer:5.4.1";
    }
}
