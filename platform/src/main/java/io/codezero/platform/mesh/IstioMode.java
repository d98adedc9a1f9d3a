package io.codezero.platform.mesh;

import io.codezero.core.target.ClusterFacts;
import io.codezero.core.target.MeshDataplanePreference;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How workloads join the mesh. */
public enum IstioMode {
    /** An Envoy sidecar per pod; injected when the pod is created, so injected workloads wait for istiod. */
    SIDECAR,
    /** Node-level ztunnel plus the istio-cni node agent; no per-pod proxies (GA since Istio 1.24). */
    AMBIENT;

    /**
     * The mode for a cluster when the user chose none: what its target prefers
     * ({@link MeshDataplanePreference}), else sidecar, which works on any CNI: EKS Fargate pods cannot
     * run DaemonSets, GKE Autopilot forbids privileged agents, AKS and DOKS ship their own CNIs, and an
     * existing cluster's CNI is unknown.
     */
    public static IstioMode defaultFor(ClusterFacts facts) {
        return facts.get(MeshDataplanePreference.class).filter(MeshDataplanePreference::ambient).map(p -> AMBIENT).orElse(SIDECAR);
    }

    /** The mode config names so (sidecar, ambient; any case), or empty. */
    public static Optional<IstioMode> parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "sidecar" -> Optional.of(SIDECAR);
            case "ambient" -> Optional.of(AMBIENT);
            default -> Optional.empty();
        };
    }

    /** The namespace labels that put a namespace's workloads into the mesh in this mode. */
    public Map<String, String> namespaceLabels() {
        return this == SIDECAR ? Map.of("istio-injection", "enabled") : Map.of("istio.io/dataplane-mode", "ambient");
    }
}
