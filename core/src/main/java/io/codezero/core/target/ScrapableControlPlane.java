package io.codezero.core.target;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which control-plane components Prometheus can reach from inside the cluster. Managed control planes
 * (EKS, GKE, AKS) hide them, and single-binary distributions such as k3s run them inside one process
 * listening on loopback, with no pods a monitor could select: a monitor for a component that is not
 * there only raises "target down" alerts. A target that states nothing gets {@link #none(String)}.
 *
 * @param components the components with a metrics endpoint reachable from the pod network
 * @param why        the reason, for docs and plans
 */
public record ScrapableControlPlane(Set<ControlPlaneComponent> components, String why) {
    /**
     * Copies the components.
     *
     * @param components the components with a metrics endpoint reachable from the pod network
     * @param why        the reason, for docs and plans
     */
    public ScrapableControlPlane {
        components = components.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(components));
    }

    /**
     * No component can be scraped.
     *
     * @param why the reason, for docs and plans
     * @return the fact
     */
    public static ScrapableControlPlane none(String why) {
        return new ScrapableControlPlane(Set.of(), why);
    }

    /**
     * Whether this component's metrics can be scraped.
     *
     * @param component a control-plane component
     * @return true when it is reachable from the pod network
     */
    public boolean includes(ControlPlaneComponent component) {
        return components.contains(component);
    }
}
