package io.codezero.pkg.shape;

import java.util.List;

/** {@code platform.signIn}: what {@code PlatformConfig} reads for browser sign-in at the gateway. */
@Doc("Browser sign-in at the gateway: an OIDC client (oauth2-proxy) the gateway asks before it lets a request to a private route through.")
public final class SignInShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("The sign-in service's namespace.")
    String namespace;

    @Doc("The OIDC issuer URL.")
    String issuer;

    @Doc("The OIDC client id.")
    String clientId;

    @Doc("The OIDC client secret (a secret).")
    @Secret
    String clientSecret;

    @Doc("Groups whose members may sign in (from the groups claim).")
    List<String> allowedGroups;

    @Doc("Email addresses that may sign in.")
    List<String> allowedEmails;

    @Doc("The domain the sign-in cookie is set for (default the platform's domain).")
    String cookieDomain;

    @Doc("The host name, under the platform's domain, the sign-in pages are served on (default auth).")
    String authHost;

    @Doc("Sign-in service replicas (default 2).")
    Integer replicas;

    @Doc("The OIDC scopes requested, space-separated.")
    String scopes;

    @Doc("The ID-token claim that lists the user's groups.")
    String groupsClaim;

    private SignInShape() {
    }
}
