package io.codezero.pkg.shape;

import java.util.List;

/** {@code platform.istio.auth}. */
@Doc("JWT authentication at the gateway.")
public final class IstioAuthShape {
    @Doc("The token issuer (iss).")
    String issuer;

    @Doc("Where the issuer's signing keys are published.")
    String jwksUri;

    @Doc("Accepted audiences (aud).")
    List<String> audiences;

    private IstioAuthShape() {
    }
}
