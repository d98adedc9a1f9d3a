package io.codezero.pkg.shape;

/** {@code platform.certificates}: what {@code PlatformConfig} reads for the certificates layer. */
@Doc("cert-manager and the cluster issuer every certificate of the platform comes from. `{}` takes every default.")
public final class CertificatesShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("selfSigned (a development CA, the default) or acme (Let's Encrypt or another ACME server).")
    String issuer;

    @Doc("The ACME account; read only with issuer: acme.")
    AcmeShape acme;

    private CertificatesShape() {
    }
}
