package io.codezero.platform.mesh;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.platform.LayerContext;
import io.codezero.platform.k8s.KubernetesObject;
import io.codezero.platform.k8s.Meta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a service behind the system gateway: a VirtualService bound to the gateway and, for a
 * private route, a policy at the gateway for every request to that host (and path). With browser
 * sign-in configured ({@link Mesh#signIn()}) it is a CUSTOM policy: the gateway asks the sign-in
 * service, which lets signed-in users through and sends everyone else to the issuer. Without it, a
 * DENY policy refuses every request that carries no authenticated principal (a JWT of the identity
 * provider, if one is configured); with neither, no request has one, so a private route fails closed.
 * Public routes get no policy.
 *
 * <p>Plain HTTP is sent to HTTPS. Normally the gateway's HTTP server does that for every host
 * ({@code tls.httpsRedirect}). When the issuer proves names with ACME HTTP-01 ({@link Mesh#acmeHttp01()})
 * it cannot: the challenge {@code http://<name>/.well-known/acme-challenge/<token>} must reach the
 * solver over port 80, and in istiod (pilot/pkg/networking/core/gateway.go, buildGatewayHTTPRouteConfig)
 * every HTTP server on port 80 of the gateway pods, ours and the one istiod derives from the solver's
 * Ingress, feeds one route table, with one virtual host per host name. A redirecting server marks
 * each of its hosts' virtual hosts {@code require_tls: ALL}, including the virtual host the solver's
 * route joined, so Envoy answers 301 before any route is looked at; the followed redirect lands on
 * port 443, where the solver's route does not exist (its Ingress has no TLS, so istiod derives only a
 * port-80 server for it). So each route redirects itself instead: its VirtualService starts with a
 * redirect limited to port 80 ({@code match.port}, TranslateRoute skips it on 443). istiod orders a
 * virtual host's routes with catch-all ones ({@code /}, no headers) last (route.go, SortVHostRoutes), so
 * the solver's exact challenge path still wins on port 80 where a route matches every path.
 * Private routes' policies leave {@link #ACME_CHALLENGE_PATH} on port 80 alone, since the validator carries no
 * token; {@code notPorts} names the gateway pod's port, which is the Service's (IstioLayer maps 80 to 80).
 */
public final class Routes {
    /** The label naming the route an Istio object belongs to. */
    public static final String ROUTE_LABEL = "codezero.io/route";
    /** The path prefix of ACME HTTP-01 challenges (RFC 8555, 8.3), where cert-manager's solver answers. */
    public static final String ACME_CHALLENGE_PATH = "/.well-known/acme-challenge/";
    /** The name of the route entry that sends plain HTTP to HTTPS when the gateway does not. */
    public static final String HTTPS_REDIRECT = "https-redirect";
    /** The apiVersion of Istio's security objects (AuthorizationPolicy, PeerAuthentication, RequestAuthentication). */
    public static final String SECURITY_API = "security.istio.io/v1";
    /** The apiVersion of Istio's networking objects (Gateway, VirtualService). */
    public static final String NETWORKING_API = "networking.istio.io/v1";

    private Routes() {
    }

    /** What a signed-in request carries on to the backend of a private route. */
    public enum SignedInCredentials {
        /** Who signed in: X-Auth-Request-User, -Email, -Groups. */
        IDENTITY_HEADERS,
        /** Those, and the user's ID token as {@code Authorization: Bearer}, for consoles that call the Kubernetes API as the user. */
        ID_TOKEN
    }

    /** The gateway's plain-HTTP port. */
    public static final int HTTP_PORT = 80;

    /**
     * A VirtualService entry answering requests that match {@code match} with a 301 to the same URL over HTTPS, as the
     * gateway's {@code httpsRedirect} would.
     */
    public static Map<String, Object> httpsRedirect(Map<String, Object> match) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", HTTPS_REDIRECT);
        entry.put("match", List.of(match));
        entry.put("redirect", Map.of("scheme", "https", "redirectCode", 301));
        return entry;
    }

    /** The CUSTOM policy's name for a route; tests and docs find it by this. */
    public static String signInPolicyName(String name) {
        return "sign-in-" + name;
    }

    /**
     * @param name          unique resource name prefix, e.g. "gui-headlamp"
     * @param namespace     where the service lives
     * @param service       the service's name in that namespace
     * @param port          the service port
     * @param backendInMesh true if the backend has a mesh identity and a default deny, so the gateway must be allowed in
     * @param after         extra resources the route objects wait for (e.g. the namespace)
     * @return the route's URL
     */
    public static Output<String> expose(LayerContext context, Mesh mesh, String name, String namespace, String service, int port,
                                        Route route, boolean backendInMesh, Resource... after) {
        return expose(context, mesh, name, namespace, service, port, route, backendInMesh, SignedInCredentials.IDENTITY_HEADERS, after);
    }

    /** The same, saying what a signed-in request carries to the backend (only matters for a private route with sign-in). */
    public static Output<String> expose(LayerContext context, Mesh mesh, String name, String namespace, String service, int port,
                                        Route route, boolean backendInMesh, SignedInCredentials credentials, Resource... after) {
        List<Resource> deps = new ArrayList<>(mesh.configReady());
        deps.addAll(List.of(after));
        Resource[] wait = deps.toArray(Resource[]::new);
        Output<String> host = route.hostName(mesh.domain());
        Map<String, String> labels = Meta.with(Meta.labels(name), ROUTE_LABEL, name);

        Map<String, Object> uri = Map.of("prefix", route.path() != null ? route.path() : "/");
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("match", List.of(Map.of("uri", uri)));
        http.put("route", List.of(Map.of("destination", Map.of(
                "host", service + "." + namespace + ".svc.cluster.local",
                "port", Map.of("number", port)))));
        List<Map<String, Object>> entries = new ArrayList<>();
        if (mesh.acmeHttp01()) {
            entries.add(httpsRedirect(Map.of("port", HTTP_PORT, "uri", uri)));
        }
        entries.add(http);
        KubernetesObject.of(context.name(name + "-route"), NETWORKING_API, "VirtualService", Meta.of(name, namespace, labels),
                Map.of("hosts", List.of(host), "gateways", List.of(mesh.gatewayRef()), "http", entries),
                context.options(wait));

        if (route.visibility() == Visibility.PRIVATE) {
            Output<List<String>> hosts = host.applyValue(h -> List.of(h, h + ":*"));
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("hosts", hosts);
            List<Map<String, Object>> to = new ArrayList<>();
            to.add(Map.of("operation", operation));
            if (route.path() != null) {
                operation.put("paths", List.of(route.path(), route.path() + "/*"));
            } else if (mesh.acmeHttp01()) {
                // The validator carries no token, so a route on a host leaves the challenge path alone, on port 80 only:
                // there nothing but the solver's route or the redirect answers it, while on 443 the path reaches the backend.
                String challenge = ACME_CHALLENGE_PATH + "*";
                operation.put("notPaths", List.of(challenge));
                to.add(Map.of("operation", Map.of("hosts", hosts, "paths", List.of(challenge), "notPorts", List.of(String.valueOf(HTTP_PORT)))));
            }
            if (mesh.signIn().isPresent()) {
                ExternalAuthorization signIn = mesh.signIn().get();
                String provider = credentials == SignedInCredentials.ID_TOKEN ? signIn.tokenProvider() : signIn.provider();
                KubernetesObject.of(context.name(name + "-sign-in"), SECURITY_API, "AuthorizationPolicy",
                        Meta.of(signInPolicyName(name), mesh.gatewayNamespace(), labels),
                        Map.of("selector", Map.of("matchLabels", mesh.gatewaySelector()),
                                "action", "CUSTOM",
                                "provider", Map.of("name", provider),
                                "rules", List.of(Map.of("to", to))),
                        context.options(mesh.configReadyArray()));
            } else {
                KubernetesObject.of(context.name(name + "-require-auth"), SECURITY_API, "AuthorizationPolicy",
                        Meta.of("require-auth-" + name, mesh.gatewayNamespace(), labels),
                        Map.of("selector", Map.of("matchLabels", mesh.gatewaySelector()),
                                "action", "DENY",
                                "rules", List.of(Map.of(
                                        "from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))),
                                        "to", to))),
                        context.options(mesh.configReadyArray()));
            }
        }
        if (backendInMesh) {
            KubernetesObject.of(context.name(name + "-allow-gateway"), SECURITY_API, "AuthorizationPolicy",
                    Meta.of("allow-gateway-" + name, namespace, labels),
                    Map.of("action", "ALLOW",
                            "rules", List.of(Map.of(
                                    "from", List.of(Map.of("source", Map.of("principals", List.of(mesh.gatewayPrincipal())))),
                                    "to", List.of(Map.of("operation", Map.of("ports", List.of(String.valueOf(port)))))))),
                    context.options(wait));
        }
        return route.url(mesh.domain());
    }
}
