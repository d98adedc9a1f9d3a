package io.codezero.platform;

import io.codezero.core.config.ConfigObject;
import java.util.List;

/**
 * The platform part of a stack's config: which layers run with which options, and which apps are
 * installed. Reads the {@code platform} object of the {@code codezero} config namespace.
 */
public record PlatformConfig(PlatformSettings settings, List<PlatformLayer> layers, List<PlatformApp> apps) {

    public PlatformConfig {
        layers = List.copyOf(layers);
        apps = List.copyOf(apps);
    }

    public static PlatformConfig none() {
        return new PlatformConfig(PlatformSettings.defaults(), List.of(), List.of());
    }

    /** Problems are added to {@code platform.problems()}; reading never throws. */
    public static PlatformConfig read(ConfigObject platform) {
        PlatformSettings settings = new PlatformSettings(platform.string("domain", null), platform.string("systemNamespace", null), null);
        platform.rejectUnknownKeys();
        return new PlatformConfig(settings, List.of(), List.of());
    }
}
