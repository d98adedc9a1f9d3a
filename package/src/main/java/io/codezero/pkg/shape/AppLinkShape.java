package io.codezero.pkg.shape;

import java.util.Map;

/** {@code platform.apps[i].links[j]}. */
@Doc("A link to another app: the mesh lets this app reach it, and its connection details reach this app's environment.")
public final class AppLinkShape {
    @Doc("The name of the app linked to.")
    @Required
    String app;

    @Doc("The interface of that app (e.g. postgresql); image apps must name it.")
    String $interface;

    @Doc("Environment variables this app gets, by name, from the interface's details.")
    Map<String, String> env;

    private AppLinkShape() {
    }
}
