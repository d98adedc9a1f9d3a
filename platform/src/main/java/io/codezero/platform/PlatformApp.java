package io.codezero.platform;

/**
 * An application installed on the platform. Apps are removed from the cluster when removed from the
 * program, like any other Pulumi resource; they are installed after whatever they require.
 * {@link io.codezero.platform.apps.CodeZeroApp} is the ready-made one (an image or a chart, with links, routes and
 * volumes); implement this interface for an app that needs more.
 */
public interface PlatformApp extends PlatformComponent {

    /** Apps report under {@code platform.apps[<name>]}. */
    @Override
    default String path() {
        return "platform.apps[" + name() + "]";
    }

    /** Every app's component is a {@code codezero:platform:App}. */
    @Override
    default String type() {
        return "codezero:platform:App";
    }
}
