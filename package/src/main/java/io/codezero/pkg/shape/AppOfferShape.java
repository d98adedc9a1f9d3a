package io.codezero.pkg.shape;

import java.util.Map;

/** {@code platform.apps[i].offers[j]}. */
@Doc("An interface an image app offers to the apps that link to it.")
public final class AppOfferShape {
    @Doc("The interface's name (default http).")
    String name;

    @Doc("Its port (default the app's port).")
    Integer port;

    @Doc("Connection details linked apps can put in their environment.")
    Map<String, String> details;

    private AppOfferShape() {
    }
}
