package io.codezero.core.target;

import java.util.Objects;

/**
 * Where the nodes' container runtime reads CNI configuration and plugins, for a mesh that chains its
 * own CNI plugin (Istio ambient's istio-cni). Without it a layer assumes the common defaults
 * ({@code /etc/cni/net.d}, {@code /opt/cni/bin}); a distribution that keeps them elsewhere states this
 * fact, or the CNI agent waits for a configuration file that never appears and never becomes ready.
 *
 * @param confDir       directory of the runtime's CNI network configuration
 * @param binDir        directory of the runtime's CNI plugin binaries
 * @param istioPlatform Istio's name for this platform profile (its charts' {@code global.platform}), or null
 */
public record CniPaths(String confDir, String binDir, String istioPlatform) {
    /**
     * Checks that both directories are given.
     *
     * @param confDir       directory of the runtime's CNI network configuration
     * @param binDir        directory of the runtime's CNI plugin binaries
     * @param istioPlatform Istio's name for this platform profile, or null
     */
    public CniPaths {
        Objects.requireNonNull(confDir, "confDir");
        Objects.requireNonNull(binDir, "binDir");
    }
}
