package io.codezero.console;

import java.util.List;

/**
 * One app as it runs: its Deployment's replicas and its routes.
 *
 * @param name the app's name ({@code app.kubernetes.io/name})
 * @param namespace its namespace
 * @param ready ready replicas
 * @param desired the Deployment's wanted replicas
 * @param routes the routes that send to its Service
 */
public record AppState(String name, String namespace, int ready, int desired, List<Route> routes) {
    /** @return how it is doing */
    public Health health() {
        return Health.ofReplicas(ready, desired);
    }
}
