package io.codezero.baremetal;

import io.codezero.core.target.BundledIngress;
import io.codezero.core.target.CniPaths;
import io.codezero.core.target.ScrapableControlPlane;

/** What a k3s cluster made by this target means for the platform layers (facts on its ProvisionedCluster). */
final class K3sFacts {
    /** k3s keeps its CNI configuration and plugins under its own data directory (Istio's k3s platform profile says the same). */
    static final CniPaths CNI_PATHS = new CniPaths("/var/lib/rancher/k3s/agent/etc/cni/net.d", "/var/lib/rancher/k3s/data/cni", "k3s");

    /** The flag that keeps k3s from deploying Traefik; every server gets it. */
    static final String DISABLE_TRAEFIK = "--disable=traefik";

    /** Traefik would hold ports 80 and 443 of ServiceLB, which the mesh gateway needs; the servers start without it. */
    static final BundledIngress TRAEFIK = BundledIngress.disabled("traefik", "k3s server " + DISABLE_TRAEFIK);

    /**
     * k3s runs the scheduler, controller manager and kube-proxy inside its own process, bound to loopback, and no pods
     * of theirs exist for monitors to select; its embedded etcd exposes metrics only with --etcd-expose-metrics.
     */
    static final ScrapableControlPlane CONTROL_PLANE = ScrapableControlPlane.none(
            "k3s serves scheduler, controller-manager, kube-proxy and etcd metrics on loopback inside one process");

    private K3sFacts() {
    }
}
