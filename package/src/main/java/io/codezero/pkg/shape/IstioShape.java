package io.codezero.pkg.shape;

/** {@code platform.istio}: what {@code PlatformConfig} reads for the mesh layer. */
@Doc("Istio: the mesh (STRICT mTLS), its gateway and, optionally, JWT authentication at the gateway. `{}` takes every default.")
public final class IstioShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("sidecar or ambient; defaults to what the cluster prefers.")
    String mode;

    @Doc("The ingress gateway.")
    IstioGatewayShape gateway;

    @Doc("JWT authentication of requests at the gateway.")
    IstioAuthShape auth;

    private IstioShape() {
    }
}
