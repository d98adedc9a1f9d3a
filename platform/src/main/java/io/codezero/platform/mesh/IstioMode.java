package io.codezero.platform.mesh;

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
     * The default per target kind. Sidecar wherever node-level agents are constrained or the
     * target's CNI is not ours: EKS Fargate pods cannot run DaemonSets, GKE needs special CNI
     * placement (and Autopilot forbids privileged agents), AKS and DOKS ship their own
     * (Cilium-based) CNIs that need extra tuning for ambient, and an existing cluster's CNI is
     * unknown. Ambient on bare machines, where CodeZero installs the CNI itself and small
     * machines gain most from not running a proxy per pod.
     */
    public static IstioMode defaultFor(String targetKind) {
        return "baremetal".equals(targetKind) ? AMBIENT : SIDECAR;
    }

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
