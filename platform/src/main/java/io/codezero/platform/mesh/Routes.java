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
 * private route, a DENY policy at the gateway for every request to that host (and path) that
 * carries no authenticated principal. With no identity provider configured no request has one,
 * so a private route fails closed.
 */
public final class Routes {
    public static final String ROUTE_LABEL = "codezero.io/route";
    public static final String SECURITY_API = "security.istio.io/v1";
    public static final String NETWORKING_API = "networking.istio.io/v1";

    private Routes() {
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
            KubernetesObject.of(context.name(name + "-require-auth"), SECURITY_API, "AuthorizationPolicy",
                    Meta.of("require-auth-" + name, mesh.gatewayNamespace(), labels),
                    Map.of("selector", Map.of("matchLabels", mesh.gatewaySelector()),
                            "action", "DENY",
                            "rules", List.of(Map.of(
                                    "from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))),
                                    "to", List.of(Map.of("operation", operation))))),
                    context.options(mesh.configReadyArray()));
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
