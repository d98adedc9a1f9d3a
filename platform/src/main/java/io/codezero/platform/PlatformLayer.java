package io.codezero.platform;

import io.codezero.core.validation.Problem;
import io.codezero.platform.helm.ChartRef;
import java.util.List;

/**
 * One part of the cluster operating system (mesh, metrics, logs, certificates, GUI, ...). A layer
 * only uses what the {@link LayerContext} hands it: the provisioned cluster's provider, storage
 * profile and load-balancer capabilities, and the layers installed before it.
 */
public interface PlatformLayer {

    /** Short, unique id such as "istio" or "metrics"; names the layer's component and plan group. */
    String name();

    /** The charts this layer installs; their keys are what {@code chartSources} may override. */
    default List<ChartRef> charts() {
        return List.of();
    }

    /** Problems with this layer's settings, found before anything is registered. */
    default List<Problem> validate(PlatformSettings settings) {
        return List.of();
    }

    /** Registers the layer's resources under {@link LayerContext#parent()}, and says what others may use. */
    InstalledLayer install(LayerContext context);
}
