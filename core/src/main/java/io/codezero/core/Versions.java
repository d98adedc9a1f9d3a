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
        /**
         * One version for base, istiod, gateway, cni and ztunnel: Istio charts are released together. 1.31.1 was
         * released on 2026-09-21 (github.com/istio/istio/releases/tag/1.31.1); the charts tests check against are the
         * release-1.31 branch, whose values and templates a patch release does not change.
         */
        public static final String ISTIO = "1.31.1";

        public static final String PROMETHEUS_COMMUNITY_REPO = "https://prometheus-community.github.io/helm-charts";
        /** Ships prometheus-operator v0.93.x (88.0.0 bumped the operator to v0.93.0, prometheus-community/helm-charts#7152). */
        public static final String KUBE_PROMETHEUS_STACK = "88.2.0";
        /**
         * The operator's CRDs as their own chart, templated so every upgrade applies them (kube-prometheus-stack keeps
         * its CRDs in crds/, which helm upgrade never touches). Chart 31.x carries operator v0.93 (31.0.0: "Update
         * dependency prometheus-operator/prometheus-operator to v0.93.0"), matching KUBE_PROMETHEUS_STACK; 31.0.1 is the
         * last 31.x (the next release, 32.0.0, moved to operator v0.94.0). Bump both together.
         */
        public static final String PROMETHEUS_OPERATOR_CRDS = "31.0.1";

        /** Alloy's chart is still published here by the Alloy team (tags helm-chart/&lt;version&gt; in grafana/alloy). */
        public static final String GRAFANA_REPO = "https://grafana.github.io/helm-charts";
        /**
         * Grafana's and Loki's OSS charts moved here on 2026-03-16 (grafana/helm-charts#4087, grafana/loki#20705): the
         * grafana chart in GRAFANA_REPO is frozen at 10.5.15 and deprecated, and 6.55.0 was the last Loki chart there.
         */
        public static final String GRAFANA_COMMUNITY_REPO = "https://grafana-community.github.io/helm-charts";
        /** Community chart 12.7.2 (Grafana 13.1.0), as adopted by aws-samples/java-on-aws#926; newer 12.x exist, not yet evaluated. */
        public static final String GRAFANA = "12.7.2";
        /**
         * Community chart 11.7.0 (Loki 3.7.1), tag loki-11.7.0: the last release before 12.0.0 renamed SingleBinary to
         * Monolithic, so a move past 11.x needs the logs layer's values changed with it. The breaking changes since 8.x
         * (9.0: self-monitoring and the grafana-agent-operator subchart removed; 10.0: index-gateway persistence keys;
         * 11.0: read.legacyReadTarget removed) touch none of the values the logs layer sets. The earlier pin, 8.2.0, was
         * never published: the community index goes from 8.1.3 to 9.0.0.
         */
        public static final String LOKI = "11.7.0";
        /**
         * Alloy's chart 1.11.1 (Alloy v1.18.1), tag helm-chart/1.11.1 in grafana/alloy: the newest chart in the
         * repository's index of 2026-08-20. Chart and application versions differ (the earlier pin, 1.12.1, was an
         * Alloy application version); bump by the chart's own version.
         */
        public static final String ALLOY = "1.11.1";

        public static final String JETSTACK_REPO = "https://charts.jetstack.io";
        /**
         * The chart the render check and the end-to-end test install (tag v1.21.1). v1.21.2 exists too, but no copy
         * of it is at hand to check our values against; move with a copy of the chart.
         */
        public static final String CERT_MANAGER = "v1.21.1";

        public static final String HEADLAMP_REPO = "https://kubernetes-sigs.github.io/headlamp/";
        public static final String HEADLAMP = "0.43.0";
        public static final String KIALI_REPO = "https://kiali.org/helm-charts";
        /**
         * Kiali's chart release v2.29.0 (kiali/helm-charts). 2.31.0 is published as well, but the values here are
         * checked against 2.29.0, the chart the render check and the end-to-end test install; move with a copy of it.
         */
        public static final String KIALI_SERVER = "2.29.0";

        /**
         * oauth2-proxy, the browser sign-in at the gateway (app 7.15.3). The chart 10.7.0 is published as the release
         * asset oauth2-proxy-10.7.0.tgz of github.com/oauth2-proxy/manifests and indexed at this repository; the end-to-end
         * test installs the same version from ../shared/charts/oauth2-proxy-10.7.0.
         */
        public static final String OAUTH2_PROXY_REPO = "https://oauth2-proxy.github.io/manifests";
        public static final String OAUTH2_PROXY = "10.7.0";

        /**
         * Plugin version of the pulumi-random provider that generated passwords are registered with. Its SDKs are
         * released in lockstep with the plugin; on 2026-11-25 the newest release any registry here confirms is 4.21.4
         * (`pip index versions pulumi-random`; npm's @pulumi/random latest is 4.21.2). 4.21.6 was reported but is on no
         * registry reachable here, and com.pulumi:random is not served by this workplace's Maven mirror.
         */
        public static final String RANDOM_PLUGIN = "4.21.4";

        public static final String POSTGRES_IMAGE = "docker.io/library/postgres:18.1-alpine";
        public static final String REDIS_IMAGE = "docker.io/library/redis:8.2.2-alpine";
        public static final String MINIO_IMAGE = "quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z";
        public static final String GITEA_IMAGE = "docker.gitea.com/gitea:1.24.6-rootless";
        public static final String ADMINER_IMAGE = "docker.io/library/adminer:5.4.1";
    }

    /** Bare machines (providers/baremetal): the k3s release installed for each supported Kubernetes minor. */
    public static final class BareMetal {
        private BareMetal() {
        }

        /** k3s release tags, pinned per Kubernetes minor; the install script is fetched from the same tag. */
        public static final java.util.Map<String, String> K3S_BY_KUBERNETES_MINOR = java.util.Map.of(
                "1.32", "v1.32.9+k3s1",
                "1.33", "v1.33.5+k3s1",
                "1.34", "v1.34.1+k3s1",
                "1.35", "v1.35.0+k3s1");

        /** MetalLB, when a bare-metal cluster is given its own address pools instead of ServiceLB. */
        public static final String METALLB_REPO = "https://metallb.github.io/metallb";
        public static final String METALLB = "0.15.2";
    }
}
