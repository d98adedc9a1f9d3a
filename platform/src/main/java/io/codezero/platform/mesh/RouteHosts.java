package io.codezero.platform.mesh;

import java.util.List;

/**
 * Every host name the stack's routes serve (platform consoles and apps), known before anything is installed. The
 * gateway's certificate names each of them when the issuer cannot sign a wildcard (ACME HTTP-01), so that a route
 * never serves a certificate that does not cover it.
 */
public record RouteHosts(List<String> hostNames) {
    public RouteHosts {
        hostNames = List.copyOf(hostNames);
    }
}
