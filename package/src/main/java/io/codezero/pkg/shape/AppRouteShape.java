package io.codezero.pkg.shape;

/** {@code platform.apps[i].route}. */
@Doc("How an app is reached through the gateway: a host under the platform's domain, or a path; give host or path, not both.")
public final class AppRouteShape {
    @Doc("public or private (default private).")
    String visibility;

    @Doc("The host name under the platform's domain (default the app's name).")
    String host;

    @Doc("A path on the platform's domain instead of a host, e.g. /app.")
    String path;

    private AppRouteShape() {
    }
}
