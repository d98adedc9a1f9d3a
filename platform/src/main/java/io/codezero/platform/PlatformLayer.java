package io.codezero.platform;

import io.codezero.platform.helm.ChartRef;
import java.util.List;
import java.util.Locale;

/**
 * One part of the cluster operating system (mesh, metrics, logs, certificates, GUI, or a layer of your own). A layer
 * only uses what the {@link LayerContext} hands it: the provisioned cluster's provider, storage profile, load-balancer
 * capabilities and facts, the platform settings, and the facts of what it declared it requires. docs/extending.md
 * shows a complete layer of one's own.
 */
public interface PlatformLayer extends PlatformComponent {

    /** Layers report under {@code platform.<name>}. */
    @Override
    default String path() {
        return "platform." + name();
    }

    /** {@code codezero:platform:<Name>}, the name with its first letter upper-case. */
    @Override
    default String type() {
        String name = name();
        return "codezero:platform:" + (name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
    }

    /** The charts this layer installs; their keys are what {@code chartSources} may override. */
    default List<ChartRef> charts() {
        return List.of();
    }
}
