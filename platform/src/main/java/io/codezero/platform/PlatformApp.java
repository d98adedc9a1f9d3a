package io.codezero.platform;

/**
 * An application installed on the platform. Apps are removed from the cluster when removed from the
 * program, like any other Pulumi resource; they are installed after whatever they require.
 */
public interface PlatformApp extends PlatformComponent {

    /** Apps report under {@code platform.apps[<name>]}. */
    @Override
    default String path() {
        return "platform.apps[" + name() + "]";
    }
}
