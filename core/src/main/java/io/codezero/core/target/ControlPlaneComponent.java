package io.codezero.core.target;

/** Control-plane components besides the API server whose metrics a monitoring stack may scrape. */
public enum ControlPlaneComponent {
    SCHEDULER,
    CONTROLLER_MANAGER,
    PROXY,
    ETCD
}
