package io.codezero.core.target;

/** Control-plane components besides the API server whose metrics a monitoring stack may scrape. */
public enum ControlPlaneComponent {
    /** kube-scheduler. */
    SCHEDULER,
    /** kube-controller-manager. */
    CONTROLLER_MANAGER,
    /** kube-proxy, on every node. */
    PROXY,
    /** etcd, the API server's store. */
    ETCD
}
