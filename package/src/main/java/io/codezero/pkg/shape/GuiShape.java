package io.codezero.pkg.shape;

/** {@code platform.gui}: what {@code PlatformConfig} reads for the GUI layer. */
@Doc("Headlamp (and Kiali): the cluster's web consoles. `{}` takes every default.")
public final class GuiShape {
    @Doc("false keeps the settings but removes the layer (default true).")
    Boolean enabled;

    @Doc("The layer's namespace.")
    String namespace;

    @Doc("private (default), public or none: how the consoles are reached through the gateway.")
    String route;

    @Doc("Also install Kiali, the mesh console (default false).")
    Boolean kiali;

    private GuiShape() {
    }
}
