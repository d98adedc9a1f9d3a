package io.codezero.platform;

import com.pulumi.resources.Resource;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.validation.SpecValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs a platform config on a provisioned cluster exactly as the stack does: validate
 * everything first (nothing is registered if anything is wrong), then each layer in order, then
 * each app, every one seeing what was installed before it.
 */
public final class PlatformInstaller {
    private PlatformInstaller() {
    }

    public static Map<String, InstalledLayer> install(ProvisionedCluster cluster, Resource parent, PlatformConfig config) {
        SpecValidationException.throwIfAny("the platform config", config.validate());
        return installValidated(cluster, parent, config.settings(), config.layers(), config.apps(), Map.of());
    }

    /**
     * Installs layers, then apps, in order, for a caller that has validated them already (the
     * stack validates everything at once). {@code before} is what layers may see as installed
     * already, such as the stack's system namespace.
     */
    public static Map<String, InstalledLayer> installValidated(ProvisionedCluster cluster, Resource parent, PlatformSettings settings,
                                                               List<? extends PlatformLayer> layers, List<? extends PlatformApp> apps,
                                                               Map<String, InstalledLayer> before) {
        Map<String, InstalledLayer> installed = new LinkedHashMap<>(before);
        for (PlatformLayer layer : layers) {
            installed.put(layer.name(), layer.install(new LayerContext(cluster, parent, settings, installed)));
        }
        for (PlatformApp app : apps) {
            installed.put(app.name(), app.install(new LayerContext(cluster, parent, settings, installed)));
        }
        return installed;
    }
}
