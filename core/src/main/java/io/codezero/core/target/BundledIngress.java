package io.codezero.core.target;

import java.util.Objects;

/**
 * An ingress controller the Kubernetes distribution installs by itself (k3s' Traefik, for one). While it
 * runs it takes ports 80 and 443 of the cluster's load balancer (on k3s through ServiceLB's host ports),
 * so the mesh gateway's LoadBalancer Service would wait for an address forever.
 *
 * @param controller the controller's name, e.g. traefik
 * @param running    whether it runs on this cluster (false: the target switched it off)
 * @param how        how it was switched off, or how to switch it off, for messages
 */
public record BundledIngress(String controller, boolean running, String how) {
    /**
     * Checks that the controller is named.
     *
     * @param controller the controller's name, e.g. traefik
     * @param running    whether it runs on this cluster
     * @param how        how it was switched off, or how to switch it off
     */
    public BundledIngress {
        Objects.requireNonNull(controller, "controller");
    }

    /**
     * A bundled controller the target switched off.
     *
     * @param controller the controller's name, e.g. traefik
     * @param how        how the target switched it off, for messages
     * @return the fact
     */
    public static BundledIngress disabled(String controller, String how) {
        return new BundledIngress(controller, false, how);
    }

    /**
     * A bundled controller that runs on the cluster.
     *
     * @param controller   the controller's name, e.g. traefik
     * @param howToDisable how to switch it off, for messages
     * @return the fact
     */
    public static BundledIngress running(String controller, String howToDisable) {
        return new BundledIngress(controller, true, howToDisable);
    }
}
