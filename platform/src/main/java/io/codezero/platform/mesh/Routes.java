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
 */
public final class Routes {
    public static final String ROUTE_LABEL = "codezero.io/route";
    public static final String SECURITY_API = "security.istio.io/v1";
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
        String host = route.hostName(mesh.domain());
        Map<String, String> labels = Meta.with(Meta.labels(name), ROUTE_LABEL, name);

        Map<String, Object> match = route.path() != null
                ? Map.of("uri", Map.of("prefix", route.path()))
                : Map.of("uri", Map.of("prefix", "/"));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("match", List.of(match));
        http.put("route", List.of(Map.of("destination", Map.of(
                "host", service + "." + namespace + ".svc.cluster.local",
                "port", Map.of("number", port)))));
        KubernetesObject.of(context.name(name + "-route"), NETWORKING_API, "VirtualService", Meta.of(name, namespace, labels),
                Map.of("hosts", List.of(host), "gateways", List.of(mesh.gatewayRef()), "http", List.of(http)),
                context.options(wait));

        if (route.visibility() == Visibility.PRIVATE) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("hosts", List.of(host, host + ":*"));
            if (route.path() != null) {
                operation.put("paths", List.of(route.path(), route.path() + "/*"));
            }
            if (mesh.signIn().isPresent()) {
                ExternalAuthorization signIn = mesh.signIn().get();
                String provider = credentials == SignedInCredentials.ID_TOKEN ? signIn.tokenProvider() : signIn.provider();
                KubernetesObject.of(context.name(name + "-sign-in"), SECURITY_API, "AuthorizationPolicy",
                        Meta.of(signInPolicyName(name), mesh.gatewayNamespace(), labels),
                        Map.of("selector", Map.of("matchLabels", mesh.gatewaySelector()),
                                "action", "CUSTOM",
                                "provider", Map.of("name", provider),
                                "rules", List.of(Map.of("to", List.of(Map.of("operation", operation))))),
                        context.options(mesh.configReadyArray()));
            } else {
                KubernetesObject.of(context.name(name + "-require-auth"), SECURITY_API, "AuthorizationPolicy",
                        Meta.of("require-auth-" + name, mesh.gatewayNamespace(), labels),
                        Map.of("selector", Map.of("matchLabels", mesh.gatewaySelector()),
                                "action", "DENY",
                                "rules", List.of(Map.of(
                                        "from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))),
                                        "to", List.of(Map.of("operation", operation))))),
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
        return Output.of(route.url(mesh.domain()));
    }
}
