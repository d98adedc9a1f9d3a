package io.codezero.digitalocean.resources;

import com.pulumi.core.annotations.CustomType;
import java.util.Optional;

/**
 * One element of {@code KubernetesCluster.kubeConfigs} (type
 * {@code digitalocean:index/KubernetesClusterKubeConfig:KubernetesClusterKubeConfig}). Only the
 * CA certificate is read: the token in it lives for days and never goes into a CodeZero kubeconfig.
 */
@CustomType
public final class KubeConfig {
    private String clusterCaCertificate;
    private String host;
    private String expiresAt;

    private KubeConfig() {
    }

    /** Base64 of the cluster CA's PEM certificate. */
    public Optional<String> clusterCaCertificate() {
        return Optional.ofNullable(clusterCaCertificate);
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    public Optional<String> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    @CustomType.Builder
    public static final class Builder {
        private String clusterCaCertificate;
        private String host;
        private String expiresAt;

        public Builder() {
        }

        @CustomType.Setter
        public Builder clusterCaCertificate(String value) {
            this.clusterCaCertificate = value;
            return this;
        }

        @CustomType.Setter
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        @CustomType.Setter
        public Builder expiresAt(String value) {
            this.expiresAt = value;
            return this;
        }

        public KubeConfig build() {
            KubeConfig out = new KubeConfig();
            out.clusterCaCertificate = clusterCaCertificate;
            out.host = host;
            out.expiresAt = expiresAt;
            return out;
        }
    }
}
