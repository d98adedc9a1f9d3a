package io.codezero.platform;

import io.codezero.core.validation.Problem;
import java.util.List;

/**
 * An application installed on the platform. Apps are installed after every layer, and are removed
 * from the cluster when removed from the program, like any other Pulumi resource.
 */
public interface PlatformApp {

    /** Unique name; also the app's namespace and host name. */
    String name();

    default List<Problem> validate(PlatformSettings settings) {
        return List.of();
    }

    InstalledLayer install(LayerContext context);
}
