package io.codezero.platform.mesh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The browser sign-in service the gateway asks before it lets a request through to a private route: Istio's
 * external authorization, two extension providers in istiod's mesh config pointing at the same service.
 *
 * <p>Istio reads extension providers from the mesh config when istiod starts, and the sign-in service itself needs
 * the mesh, so the Istio layer is given these settings up front (they follow from the sign-in layer's namespace
 * alone) instead of waiting for the sign-in layer's fact, which would be a cycle.
 *
 * @param provider      the provider name for consoles that read the identity headers (Grafana, apps)
 * @param tokenProvider the provider name for consoles that act as the user towards the Kubernetes API (Kiali's
 *                      header strategy): it also forwards the user's ID token as {@code Authorization: Bearer}
 * @param service       the sign-in service's cluster host name
 * @param port          its port
 */
public record ExternalAuthorization(String provider, String tokenProvider, String service, int port) {
    /** Sent to the sign-in service with each check: its session cookie, and a bearer token an API client may send instead. */
    public static final List<String> CHECKED_HEADERS = List.of("cookie", "authorization", "x-forwarded-proto", "x-forwarded-host");
    /** Who signed in, as oauth2-proxy's {@code --set-xauthrequest} states it; replaces what the client sent. */
    public static final List<String> IDENTITY_HEADERS = List.of("x-auth-request-user", "x-auth-request-email",
            "x-auth-request-groups", "x-auth-request-preferred-username");
    /** What a browser needs from a refused check: the redirect to the issuer and the sign-in cookies. */
    public static final List<String> DENY_HEADERS = List.of("location", "set-cookie", "content-type");

    /** Refuses missing names. */
    public ExternalAuthorization {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(tokenProvider, "tokenProvider");
        Objects.requireNonNull(service, "service");
    }

    /** The {@code meshConfig.extensionProviders} entries istiod is installed with. */
    public List<Map<String, Object>> extensionProviders() {
        List<String> withToken = new java.util.ArrayList<>(IDENTITY_HEADERS);
        withToken.add("authorization");
        return List.of(entry(provider, IDENTITY_HEADERS), entry(tokenProvider, withToken));
    }

    private Map<String, Object> entry(String name, List<String> toUpstream) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("service", service);
        http.put("port", port);
        http.put("includeRequestHeadersInCheck", CHECKED_HEADERS);
        http.put("headersToUpstreamOnAllow", toUpstream);
        http.put("headersToDownstreamOnDeny", DENY_HEADERS);
        // A refreshed session cookie reaches the browser on an allowed request too.
        http.put("headersToDownstreamOnAllow", List.of("set-cookie"));
        return Map.of("name", name, "envoyExtAuthzHttp", http);
    }
}
