package io.codezero.platform.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Istio layer offers to later layers and apps.
 *
 * @param mode             sidecar or ambient
 * @param workloadsReady   what a mesh workload must wait for: istiod (the sidecar injector) and the istio-cni
 *                         node agent (which sets up the pod's traffic redirection), plus ztunnel in ambient mode
 * @param configReady      what an Istio config object (VirtualService, AuthorizationPolicy, ...) must wait for:
 *                         the CRDs (base) and istiod's validating webhook
 * @param gatewayNamespace namespace of the system gateway
 * @param gatewayName      the Istio Gateway object routes bind to
 * @param gatewaySelector  labels of the gateway's pods, for policies at the gateway
 * @param gatewayPrincipal the gateway's mesh identity, allowed through app namespaces' default deny
 * @param domain           the cluster domain routes are served under (known at deploy time when it comes from another resource)
 * @param signIn           the gateway's browser sign-in, when configured: private routes ask it (a CUSTOM policy)
 *                         instead of being denied to everyone without a token
 * @param acmeHttp01       true when the issuer proves names with ACME HTTP-01 through this gateway: its HTTP server
 *                         then redirects nothing by itself, each route sends plain HTTP to HTTPS and keeps
 *                         {@link Routes#ACME_CHALLENGE_PATH} open (see {@link Routes})
 */
public record Mesh(
        IstioMode mode,
        List<Resource> workloadsReady,
        List<Resource> configReady,
        String gatewayNamespace,
        String gatewayName,
        Map<String, String> gatewaySelector,
        String gatewayPrincipal,
        Output<String> domain,
        Optional<ExternalAuthorization> signIn,
        boolean acmeHttp01) {

    /** Copies the lists and map. */
    public Mesh {
        workloadsReady = List.copyOf(workloadsReady);
        configReady = List.copyOf(configReady);
        gatewaySelector = Map.copyOf(gatewaySelector);
        signIn = signIn == null ? Optional.empty() : signIn;
    }

    /** A mesh without browser sign-in whose gateway serves no ACME HTTP-01 challenges. */
    public Mesh(IstioMode mode, List<Resource> workloadsReady, List<Resource> configReady, String gatewayNamespace, String gatewayName,
                Map<String, String> gatewaySelector, String gatewayPrincipal, Output<String> domain) {
        this(mode, workloadsReady, configReady, gatewayNamespace, gatewayName, gatewaySelector, gatewayPrincipal, domain, Optional.empty(), false);
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

    /** The Gateway routes bind to, {@code <namespace>/<name>}. */
    public String gatewayRef() {
        return gatewayNamespace + "/" + gatewayName;
    }

    /** {@link #configReady()} as an array, for {@code LayerContext.options(...)}. */
    public Resource[] configReadyArray() {
        return configReady.toArray(Resource[]::new);
    }
}
