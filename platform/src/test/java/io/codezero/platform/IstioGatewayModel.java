package io.codezero.platform;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway pods answer to one plain request, computed from the Istio objects of a plan the way istiod
 * (release-1.31) builds the gateway's Envoy configuration. Written from reading its source, and only as far as the
 * objects CodeZero authors need:
 * <ul>
 *   <li>pilot/pkg/model/gateway.go gatewayRDSRouteName: every HTTP server on a port, whichever Gateway object it
 *   belongs to, shares one route table ({@code http.<port>}).</li>
 *   <li>pilot/pkg/networking/core/gateway.go buildGatewayHTTPRouteConfig: for each server, the routes of each
 *   VirtualService bound to the server's Gateway join the virtual host of each host in the intersection of the
 *   server's and the VirtualService's hosts (pkg/config/host Names.Intersection: the more specific of two). A server
 *   with {@code tls.httpsRedirect} sets {@code require_tls: ALL} on every virtual host it contributes routes to and on
 *   one per host it lists.</li>
 *   <li>pilot/pkg/networking/core/route/route.go TranslateRoute skips a match whose {@code port} is not the server's;
 *   TranslateRouteMatch gives a match without {@code uri} the prefix {@code /}; SortVHostRoutes moves catch-all routes
 *   (prefix {@code /}, no header match) behind the others, keeping the order within each group.</li>
 *   <li>Envoy picks the virtual host whose domain is the exact host, else the longest matching wildcard; a
 *   {@code require_tls} virtual host answers 301 to https; otherwise the first matching route answers.</li>
 *   <li>Authorization runs in filters before the router: a CUSTOM policy whose rule matches asks the sign-in
 *   service, a DENY rule for requests without a principal refuses an anonymous request.</li>
 * </ul>
 * The solver's own route is added as istiod derives it (pilot/pkg/config/kube/ingress: convertIngressV1alpha3, a
 * Gateway with one port-80 HTTP server for host {@code *}; VirtualServices, one per rule host with the path as an
 * exact match) from the Ingress cert-manager creates (pkg/issuer/acme/http/ingress.go buildIngressResource: host =
 * the challenged name, path {@code /.well-known/acme-challenge/<token>}).
 */
final class IstioGatewayModel {
    static final String VS = "kubernetes:networking.istio.io/v1:VirtualService";
    static final String GATEWAY = "kubernetes:networking.istio.io/v1:Gateway";
    static final String POLICY = "kubernetes:security.istio.io/v1:AuthorizationPolicy";
    static final String SOLVER = "cm-acme-http-solver-x.istio-ingress.svc.cluster.local";

    /** What the request gets: a redirect to https, a backend, a refusal, the sign-in service, or 404. */
    record Answer(String kind, String detail) {
        static final Answer TO_HTTPS = new Answer("301 to https", null);
        static final Answer NOT_FOUND = new Answer("404", null);
        static final Answer DENIED = new Answer("403", null);
        static final Answer SIGN_IN = new Answer("sign-in", null);

        static Answer backend(String host) {
            return new Answer("backend", host);
        }

        @Override
        public String toString() {
            return detail == null ? kind : kind + " " + detail;
        }
    }

    private record Server(String gateway, int port, List<String> hosts, boolean httpsRedirect) {
    }

    private record Bound(List<String> gateways, List<String> hosts, List<Map<String, Object>> http) {
    }

    private record EnvoyRoute(String exact, String prefix, Answer answer) {
        boolean catchAll() {
            return "/".equals(prefix);
        }

        boolean matches(String path) {
            return exact != null ? exact.equals(path) : path.startsWith(prefix);
        }
    }

    private static final class VirtualHost {
        final List<EnvoyRoute> routes = new ArrayList<>();
        boolean requireTls;
    }

    private final List<Server> servers = new ArrayList<>();
    private final List<Bound> virtualServices = new ArrayList<>();
    private final List<Map<String, Object>> policies = new ArrayList<>();

    /** The objects of the plan that configure the pods labelled {@code selector}. */
    static IstioGatewayModel of(OfflineRun run, Map<String, String> selector) {
        IstioGatewayModel model = new IstioGatewayModel();
        for (PlannedResource gateway : run.ofType(GATEWAY)) {
            if (!selector.equals(gateway.input("spec.selector"))) {
                continue;
            }
            String ref = gateway.input("metadata.namespace") + "/" + gateway.input("metadata.name");
            for (Map<String, Object> server : list(gateway.input("spec.servers"))) {
                Map<String, Object> port = map(server.get("port"));
                Map<String, Object> tls = server.get("tls") == null ? Map.of() : map(server.get("tls"));
                model.servers.add(new Server(ref, ((Number) port.get("number")).intValue(), strings(server.get("hosts")),
                        Boolean.TRUE.equals(tls.get("httpsRedirect"))));
            }
        }
        for (PlannedResource vs : run.ofType(VS)) {
            String namespace = (String) vs.input("metadata.namespace");
            List<String> gateways = strings(vs.input("spec.gateways")).stream().map(g -> g.contains("/") ? g : namespace + "/" + g).toList();
            model.virtualServices.add(new Bound(gateways, strings(vs.input("spec.hosts")), list(vs.input("spec.http"))));
        }
        for (PlannedResource policy : run.ofType(POLICY)) {
            Map<String, Object> spec = map(policy.input("spec"));
            Object matchLabels = spec.get("selector") == null ? null : map(spec.get("selector")).get("matchLabels");
            if (selector.equals(matchLabels)) {
                model.policies.add(spec);
            }
        }
        return model;
    }

    /** The Gateway and VirtualService istiod derives from the ACME solver's Ingress for a challenge on {@code host}. */
    IstioGatewayModel withSolverIngress(String host, String token) {
        String gateway = "istio-system/cm-acme-http-solver-x-istio-autogenerated-k8s-ingress-istio-ingress";
        servers.add(new Server(gateway, 80, List.of("*"), false));
        virtualServices.add(new Bound(List.of(gateway), List.of(host), List.of(Map.of(
                "match", List.of(Map.of("uri", Map.of("exact", "/.well-known/acme-challenge/" + token))),
                "route", List.of(Map.of("destination", Map.of("host", SOLVER, "port", Map.of("number", 8089))))))));
        return this;
    }

    /** The answer to an anonymous request for {@code path} on {@code host} arriving at {@code port}. */
    Answer answer(int port, String host, String path) {
        Optional<Answer> refused = authorize(port, host, path);
        return refused.isPresent() ? refused.get() : route(port, host, path);
    }

    /**
     * What the gateway's routes alone answer (no authorization filter): the part {@code IstiodRoutingTest} compares with
     * istiod's own configuration for the same objects.
     */
    Answer route(int port, String host, String path) {
        Map<String, VirtualHost> table = routeTable(port);
        VirtualHost vhost = pick(table, host);
        if (vhost == null) {
            return Answer.NOT_FOUND;
        }
        if (vhost.requireTls) {
            return Answer.TO_HTTPS;
        }
        return vhost.routes.stream().filter(r -> r.matches(path)).findFirst().map(EnvoyRoute::answer).orElse(Answer.NOT_FOUND);
    }

    private Map<String, VirtualHost> routeTable(int port) {
        Map<String, VirtualHost> table = new LinkedHashMap<>();
        for (Server server : servers) {
            if (server.port() != port) {
                continue;
            }
            for (Bound vs : virtualServices) {
                if (!vs.gateways().contains(server.gateway())) {
                    continue;
                }
                List<EnvoyRoute> routes = translate(vs, port);
                for (String h : intersection(server.hosts(), vs.hosts())) {
                    VirtualHost vhost = table.computeIfAbsent(h, k -> new VirtualHost());
                    vhost.routes.addAll(routes);
                    vhost.requireTls |= server.httpsRedirect();
                }
            }
            if (server.httpsRedirect()) {
                server.hosts().forEach(h -> table.computeIfAbsent(h, k -> new VirtualHost()).requireTls = true);
            }
        }
        for (VirtualHost vhost : table.values()) {
            List<EnvoyRoute> sorted = new ArrayList<>(vhost.routes.stream().filter(r -> !r.catchAll()).toList());
            sorted.addAll(vhost.routes.stream().filter(EnvoyRoute::catchAll).toList());
            vhost.routes.clear();
            vhost.routes.addAll(sorted);
        }
        return table;
    }

    private static List<EnvoyRoute> translate(Bound vs, int port) {
        List<EnvoyRoute> routes = new ArrayList<>();
        for (Map<String, Object> entry : vs.http()) {
            Answer answer;
            if (entry.get("redirect") != null) {
                Map<String, Object> redirect = map(entry.get("redirect"));
                if (!"https".equals(redirect.get("scheme")) || redirect.containsKey("uri") || redirect.containsKey("authority")) {
                    throw new IllegalArgumentException("only redirects to the same URL over https are modelled: " + redirect);
                }
                answer = Answer.TO_HTTPS;
            } else {
                answer = Answer.backend((String) map(map(list(entry.get("route")).get(0)).get("destination")).get("host"));
            }
            List<Map<String, Object>> matches = entry.get("match") == null ? List.of(Map.of()) : list(entry.get("match"));
            for (Map<String, Object> match : matches) {
                if (match.get("port") != null && ((Number) match.get("port")).intValue() != port) {
                    continue;
                }
                if (match.keySet().stream().anyMatch(k -> !List.of("port", "uri").contains(k))) {
                    throw new IllegalArgumentException("not modelled: " + match);
                }
                Map<String, Object> uri = match.get("uri") == null ? Map.of("prefix", "/") : map(match.get("uri"));
                routes.add(new EnvoyRoute((String) uri.get("exact"), (String) uri.get("prefix"), answer));
            }
        }
        return routes;
    }

    static List<String> intersection(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>();
        for (String x : a) {
            for (String y : b) {
                String common = subsetOf(x, y) ? x : subsetOf(y, x) ? y : null;
                if (common != null && !result.contains(common)) {
                    result.add(common);
                }
            }
        }
        return result;
    }

    private static boolean subsetOf(String host, String of) {
        return host.equals(of) || of.equals("*") || (of.startsWith("*.") && host.endsWith(of.substring(1)));
    }

    private static VirtualHost pick(Map<String, VirtualHost> table, String host) {
        if (table.containsKey(host)) {
            return table.get(host);
        }
        return table.entrySet().stream()
                .filter(e -> e.getKey().equals("*") || (e.getKey().startsWith("*.") && host.endsWith(e.getKey().substring(1))))
                .max((x, y) -> Integer.compare(x.getKey().length(), y.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    private Optional<Answer> authorize(int port, String host, String path) {
        for (String action : List.of("CUSTOM", "DENY")) {
            for (Map<String, Object> policy : policies) {
                if (!action.equals(policy.get("action"))) {
                    continue;
                }
                for (Map<String, Object> rule : list(policy.get("rules"))) {
                    if (rule.get("from") != null && !anonymousMatches(list(rule.get("from")))) {
                        continue;
                    }
                    boolean to = list(rule.get("to")).stream().anyMatch(t -> operationMatches(map(map(t).get("operation")), port, host, path));
                    if (to) {
                        return Optional.of(action.equals("CUSTOM") ? Answer.SIGN_IN : Answer.DENIED);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A request without a token has no request principal, so only {@code notRequestPrincipals: ["*"]} matches it. */
    private static boolean anonymousMatches(List<Map<String, Object>> from) {
        return from.stream().anyMatch(f -> {
            Map<String, Object> source = map(f.get("source"));
            if (source.keySet().stream().anyMatch(k -> !k.equals("notRequestPrincipals"))) {
                throw new IllegalArgumentException("not modelled: " + source);
            }
            return strings(source.get("notRequestPrincipals")).contains("*");
        });
    }

    /** {@code ports} are the port the request reached the gateway pod on, which is the Service's port here. */
    private static boolean operationMatches(Map<String, Object> operation, int port, String host, String path) {
        if (operation.keySet().stream().anyMatch(k -> !List.of("hosts", "paths", "notPaths", "ports", "notPorts").contains(k))) {
            throw new IllegalArgumentException("not modelled: " + operation);
        }
        if (operation.get("ports") != null && !strings(operation.get("ports")).contains(String.valueOf(port))) {
            return false;
        }
        if (operation.get("notPorts") != null && strings(operation.get("notPorts")).contains(String.valueOf(port))) {
            return false;
        }
        if (operation.get("hosts") != null && strings(operation.get("hosts")).stream().noneMatch(h -> h.equals(host))) {
            return false;
        }
        if (operation.get("paths") != null && strings(operation.get("paths")).stream().noneMatch(p -> pathMatches(p, path))) {
            return false;
        }
        return operation.get("notPaths") == null || strings(operation.get("notPaths")).stream().noneMatch(p -> pathMatches(p, path));
    }

    /** Istio's string match for paths: exact, {@code prefix*}, {@code *suffix} or {@code *}. */
    private static boolean pathMatches(String pattern, String path) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return path.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return path.endsWith(pattern.substring(1));
        }
        return pattern.equals(path);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) Objects.requireNonNull(o);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }
}
