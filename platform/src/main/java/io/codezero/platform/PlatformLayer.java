package io.codezero.platform;

import io.codezero.platform.helm.ChartRef;
import java.util.List;

/**
 * One part of the cluster operating system (mesh, metrics, logs, certificates, GUI, ...). A layer
 * only uses what the {@link LayerContext} hands it: the provisioned cluster's provider, storage
 * profile, load-balancer capabilities and facts, and the facts of what it declared it requires.
 */
public interface PlatformLayer extends PlatformComponent {

    /** Layers report under {@code platform.<name>}. */
    @Override
    default String path() {
        return "platform." + name();
    }

    /** The charts this layer installs; their keys are what {@code chartSources} may override. */
    default List<ChartRef> charts() {
        return List.of();
    }
}
