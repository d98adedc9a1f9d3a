package io.codezero.pkg.shape;

/** {@code platform.certificates.acme}. */
@Doc("The ACME account of an acme issuer.")
public final class AcmeShape {
    @Doc("The account's email address: the ACME server sends expiry notices there.")
    String email;

    @Doc("The ACME directory URL (default Let's Encrypt's production directory).")
    String server;

    private AcmeShape() {
    }
}
