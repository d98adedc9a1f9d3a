package io.codezero.platform;

import io.codezero.core.target.Exposure;
import java.util.Objects;

/**
 * Platform-wide choices shared by every layer and app.
 *
 * @param domain          the cluster domain; apps are served at {@code <app>.<domain>}
 * @param systemNamespace where CodeZero's own services live
 * @param gatewayExposure whether the system gateway faces the internet or only the private network;
 *                        null means the target's default
 */
public record PlatformSettings(String domain, String systemNamespace, Exposure gatewayExposure) {
    public static final String DEFAULT_DOMAIN = "codezero.localhost";
    public static final String DEFAULT_SYSTEM_NAMESPACE = "codezero-system";

    public PlatformSettings {
        domain = Objects.requireNonNullElse(domain, DEFAULT_DOMAIN);
        systemNamespace = Objects.requireNonNullElse(systemNamespace, DEFAULT_SYSTEM_NAMESPACE);
    }

    /** Kubernetes' own namespaces: never created, owned or deleted by CodeZero. */
    public static final java.util.Set<String> KUBERNETES_NAMESPACES = java.util.Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    /** Problems with the domain and the system namespace, with the paths config uses. */
    public java.util.List<io.codezero.core.validation.Problem> validate() {
        java.util.List<io.codezero.core.validation.Problem> problems = new java.util.ArrayList<>();
        io.codezero.core.validation.Names.whyNotDnsName(domain).ifPresentOrElse(why ->
                problems.add(io.codezero.core.validation.Problem.of("platform.domain", domain, why)), () -> {
                    if (domain.substring(domain.lastIndexOf('.') + 1).matches("\\d+")) {
                        problems.add(io.codezero.core.validation.Problem.of("platform.domain", domain, "ends in a number, so it is an "
                                + "IP address or a number rather than a domain; apps are served at <app>." + domain
                                + ", which needs a DNS name such as apps.example.com"));
                    }
                });
        io.codezero.core.validation.Names.whyNotDnsLabel(systemNamespace, 63).ifPresent(why ->
                problems.add(io.codezero.core.validation.Problem.of("platform.systemNamespace", systemNamespace, why)));
        if (KUBERNETES_NAMESPACES.contains(systemNamespace)) {
            problems.add(io.codezero.core.validation.Problem.of("platform.systemNamespace", systemNamespace,
                    "is Kubernetes' own namespace; CodeZero's services need one of their own (the default is " + DEFAULT_SYSTEM_NAMESPACE + ")"));
        }
        return problems;
    }

    public static PlatformSettings defaults() {
        return new PlatformSettings(null, null, null);
    }

    public PlatformSettings withDomain(String domain) {
        return new PlatformSettings(domain, systemNamespace, gatewayExposure);
    }

    public PlatformSettings withGatewayExposure(Exposure exposure) {
        return new PlatformSettings(domain, systemNamespace, exposure);
    }
}
