package io.codezero.platform.mesh;

import java.util.Objects;

/**
 * An HTTP route through the system gateway: at {@code <host>.<domain>} or at {@code <domain><path>}.
 *
 * @param visibility public, or private (authentication required at the gateway)
 * @param host       the first label of the host name, e.g. "grafana"; null when routed by path
 * @param path       a path prefix such as "/wiki" on the bare domain; null when routed by host
 */
public record Route(Visibility visibility, String host, String path) {
    public Route {
        io.codezero.core.validation.Arguments.given(visibility, "Route.visibility");
        if ((host == null) == (path == null)) {
            throw new io.codezero.core.validation.SpecValidationException("the program's arguments", java.util.List.of(
                    io.codezero.core.validation.Problem.of("Route", host == null ? null : host + " " + path,
                            "a route has either a host (Route.host) or a path (Route.path), not both or neither")));
        }
    }

    public static Route host(String host, Visibility visibility) {
        return new Route(visibility, host, null);
    }

    public static Route path(String path, Visibility visibility) {
        return new Route(visibility, null, path);
    }

    public String hostName(String domain) {
        return host != null ? host + "." + domain : domain;
    }

    public String url(String domain) {
        return "https://" + hostName(domain) + (path != null ? path : "/");
    }
}
