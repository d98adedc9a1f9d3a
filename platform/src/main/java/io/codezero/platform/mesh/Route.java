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
    /** Refuses a route with both or neither of host and path. */
    public Route {
        io.codezero.core.validation.Arguments.given(visibility, "Route.visibility");
        if ((host == null) == (path == null)) {
            throw new io.codezero.core.validation.SpecValidationException("the program's arguments", java.util.List.of(
                    io.codezero.core.validation.Problem.of("Route", host == null ? null : host + " " + path,
                            "a route has either a host (Route.host) or a path (Route.path), not both or neither")));
        }
    }

    /** A route at {@code <host>.<domain>}. */
    public static Route host(String host, Visibility visibility) {
        return new Route(visibility, host, null);
    }

    /** A route at {@code <domain><path>}. */
    public static Route path(String path, Visibility visibility) {
        return new Route(visibility, null, path);
    }

    /** The host name under this domain. */
    public String hostName(String domain) {
        return host != null ? host + "." + domain : domain;
    }

    /** The route's URL under this domain. */
    public String url(String domain) {
        return "https://" + hostName(domain) + (path != null ? path : "/");
    }

    /** The host name under a domain that may be known only at deploy time. */
    public com.pulumi.core.Output<String> hostName(com.pulumi.core.Output<String> domain) {
        return domain.applyValue(this::hostName);
    }

    /** The URL under a domain that may be known only at deploy time. */
    public com.pulumi.core.Output<String> url(com.pulumi.core.Output<String> domain) {
        return domain.applyValue(this::url);
    }
}
