package io.codezero.platform.layers;

import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The cluster issuer the certificates layer offers: certificates for the gateway and apps are
 * requested from it.
 *
 * @param name             the ClusterIssuer's name
 * @param ready            what a Certificate must wait for (cert-manager's CRDs and webhook, the issuer)
 * @param supportsWildcard false for ACME with HTTP-01, which cannot prove a wildcard name
 */
public record Issuer(String name, List<Resource> ready, boolean supportsWildcard) {
    public Issuer {
        ready = List.copyOf(ready);
    }
}
