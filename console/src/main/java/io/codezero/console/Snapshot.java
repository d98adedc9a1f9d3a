package io.codezero.console;

import java.util.List;
import java.util.Optional;

/**
 * What the console read from the cluster in one pass: the stack's target, layers, apps, routes and links.
 *
 * @param server the API server's URL
 * @param version the API server's Kubernetes version
 * @param nodesReady ready nodes
 * @param nodes nodes
 * @param layers the platform layers
 * @param apps the apps
 * @param routes every route, the platform's consoles included
 * @param links the links between apps
 * @param hidden what the kubeconfig's rights do not let the console list (nodes, secrets, virtualservices, ...): shown as such
 */
public record Snapshot(String server, String version, int nodesReady, int nodes, List<LayerState> layers, List<AppState> apps,
        List<Route> routes, List<Link> links, List<String> hidden) {
    /**
     * An app by name.
     *
     * @param name the app's name
     * @return the app, if it runs
     */
    public Optional<AppState> app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * A layer by name.
     *
     * @param name the layer's name
     * @return the layer, if the stack has it
     */
    public Optional<LayerState> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
