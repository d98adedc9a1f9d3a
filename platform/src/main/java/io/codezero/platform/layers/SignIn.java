package io.codezero.platform.layers;

import com.pulumi.core.Output;

/**
 * What the sign-in layer tells the consoles: the issuer every sign-in goes through, so a console that does its own
 * OpenID Connect (Headlamp) uses the same one, and the identity headers the gateway hands to consoles that trust it.
 *
 * @param issuer       the OIDC issuer URL
 * @param clientId     the OAuth client the platform signs in with
 * @param clientSecret its secret, a Pulumi secret
 * @param scopes       the scopes asked for, space separated
 * @param signInUrl    where a browser signs in and out, e.g. {@code https://auth.example.com}
 * @param userHeader   the header carrying the signed-in user's e-mail address on every request through the gateway
 * @param groupsHeader the header carrying the user's groups
 */
public record SignIn(Output<String> issuer, Output<String> clientId, Output<String> clientSecret, String scopes, Output<String> signInUrl,
                     String userHeader, String groupsHeader) {
}
