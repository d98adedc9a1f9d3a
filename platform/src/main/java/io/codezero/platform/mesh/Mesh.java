package io.codezero.platform.mesh;

import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Istio layer offers to later layers and apps.
 *
 * @param mode             sidecar or ambient
 * @param workloadsReady   what a mesh workload must wait for: istiod (the sidecar injector), plus
 *                         istio-cni and ztunnel in ambient mode
 * @param configReady      what an Istio config object (VirtualService, AuthorizationPolicy, ...) must wait for:
 *                         the CRDs (base) and istiod's validating webhook
 * @param gatewayNamespace namespace of the system gateway
 * @param gatewayName      the Istio Gateway object routes bind to
 * @param gatewaySelector  labels of the gateway's pods, for policies at the gateway
 * @param gatewayPrincipal the gateway's mesh identity, allowed through app namespaces' default deny
 * @param domain           the cluster domain routes are served under
 * @param signIn           the gateway's browser sign-in, when configured: private routes ask it (a CUSTOM policy)
 *                         instead of being denied to everyone without a token
 */
public record Mesh(
        IstioMode mode,
        List<Resource> workloadsReady,
        List<Resource> configReady,
        String gatewayNamespace,
        String gatewayName,
        Map<String, String> gatewaySelector,
        String gatewayPrincipal,
        String domain,
        Optional<ExternalAuthorization> signIn) {

    public Mesh {
        workloadsReady = List.copyOf(workloadsReady);
        configReady = List.copyOf(configReady);
        gatewaySelector = Map.copyOf(gatewaySelector);
        signIn = signIn == null ? Optional.empty() : signIn;
    }

    /** A mesh without browser sign-in. */
    public Mesh(IstioMode mode, List<Resource> workloadsReady, List<Resource> configReady, String gatewayNamespace, String gatewayName,
                Map<String, String> gatewaySelector, String gatewayPrincipal, String domain) {
        this(mode, workloadsReady, configReady, gatewayNamespace, gatewayName, gatewaySelector, gatewayPrincipal, domain, Optional.empty());
    }

    /**
     * Labels for a system namespace (metrics, dashboards, GUI). In sidecar mode none: the tools that
     * diagnose the mesh stay outside it. In ambient mode they join, because Prometheus must scrape
     * apps under STRICT mTLS and whoever queries Prometheus must then speak mTLS too; joining is a
     * label, needs no restart and no ordering.
     */
    public Map<String, String> systemNamespaceLabels() {
        return mode == IstioMode.AMBIENT ? mode.namespaceLabels() : Map.of();
    }

    public String gatewayRef() {
        return gatewayNamespace + "/" + gatewayName;
    }

    public Resource[] configReadyArray() {
        return configReady.toArray(Resource[]::new);
    }
}
