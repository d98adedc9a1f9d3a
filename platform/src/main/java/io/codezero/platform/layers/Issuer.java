package io.codezero.platform.layers;

import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cluster issuer the certificates layer offers: certificates for the gateway and apps are
 * requested from it.
 *
 * @param name             the ClusterIssuer's name
 * @param ready            what a Certificate must wait for (cert-manager's CRDs and webhook, the issuer)
 * @param supportsWildcard false for ACME with HTTP-01, which cannot prove a wildcard name
 * @param http01IngressClass the IngressClass the issuer's HTTP-01 solver creates its Ingresses with; the mesh
 *                         layer that serves them makes the class exist
 */
public record Issuer(String name, List<Resource> ready, boolean supportsWildcard, Optional<String> http01IngressClass) {
    /** The class of the ACME solver's Ingresses: Istio's default {@code meshConfig.ingressClass}. */
    public static final String HTTP01_INGRESS_CLASS = "istio";

    /** Copies the list. */
    public Issuer {
        ready = List.copyOf(ready);
        http01IngressClass = Objects.requireNonNullElse(http01IngressClass, Optional.empty());
    }

    /** An issuer that solves no HTTP-01 challenges. */
    public Issuer(String name, List<Resource> ready, boolean supportsWildcard) {
        this(name, ready, supportsWildcard, Optional.empty());
    }
}
