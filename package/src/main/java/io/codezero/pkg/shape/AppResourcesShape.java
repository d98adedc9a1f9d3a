package io.codezero.pkg.shape;

import java.util.Map;

/** {@code platform.apps[i].resources}. */
@Doc("Requests and limits of the app's containers; a key not given keeps the app's default.")
public final class AppResourcesShape {
    @Doc("What the containers are guaranteed, as Kubernetes quantities (e.g. cpu: 100m, memory: 128Mi).")
    @Keys({"cpu", "memory", "ephemeral-storage"})
    Map<String, String> requests;

    @Doc("The most the containers may use, as Kubernetes quantities.")
    @Keys({"cpu", "memory", "ephemeral-storage"})
    Map<String, String> limits;

    private AppResourcesShape() {
    }
}
