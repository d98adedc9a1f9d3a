package io.codezero.platform;

import com.pulumi.resources.Resource;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.validation.SpecValidationException;
import java.util.LinkedHashMap;
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
        Map<String, InstalledLayer> installed = new LinkedHashMap<>();
        for (PlatformLayer layer : config.layers()) {
            installed.put(layer.name(), layer.install(new LayerContext(cluster, parent, config.settings(), installed)));
        }
        for (PlatformApp app : config.apps()) {
            installed.put(app.name(), app.install(new LayerContext(cluster, parent, config.settings(), installed)));
        }
        return installed;
    }
}
