package io.codezero.platform.mesh;

import com.pulumi.core.Output;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every route the stack serves (platform consoles and apps), known before anything is installed. The gateway's
 * certificate names each of their hosts when the issuer cannot sign a wildcard (ACME HTTP-01), so that a route
 * never serves a certificate that does not cover it.
 *
 * @param routes the routes, in install order
 */
public record RouteHosts(List<Route> routes) {
    /** Copies the list. */
    public RouteHosts {
        routes = List.copyOf(routes);
    }

    /**
     * The routes' host names under the domain, each once, in install order.
     *
     * @param domain the platform domain
     * @return the host names
     */
    public Output<List<String>> hostNames(Output<String> domain) {
        return domain.applyValue(d -> {
            Set<String> hosts = new LinkedHashSet<>();
            routes.forEach(route -> hosts.add(route.hostName(d)));
            return List.copyOf(hosts);
        });
    }
}
