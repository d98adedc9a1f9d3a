package io.codezero.core.target;

import java.util.Objects;

/**
 * Whether a mesh may chain its own CNI plugin (istio-cni) behind the cluster's CNI. A target whose CNI
 * is managed by the cloud and would remove or overwrite another plugin's configuration states
 * {@code possible = false}: the mesh then installs no CNI agent, so sidecar mode falls back to the
 * {@code istio-init} container (which needs NET_ADMIN and NET_RAW, so meshed namespaces cannot be held to a
 * Pod Security level stricter than {@code privileged}), and ambient mode, which needs the agent, is refused.
 * Without this fact a layer assumes chaining works.
 *
 * @param possible whether a chained CNI plugin keeps working on this cluster
 * @param why      the reason, shown in docs, plans and errors
 */
public record CniChaining(boolean possible, String why) {
    /**
     * Checks that the reason is given.
     *
     * @param possible whether a chained CNI plugin keeps working on this cluster
     * @param why      the reason, shown in docs, plans and errors
     */
    public CniChaining {
        Objects.requireNonNull(why, "why");
    }
}
