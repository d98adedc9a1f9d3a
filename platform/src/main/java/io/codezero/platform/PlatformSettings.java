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
