package io.codezero.baremetal.install;

/** What a machine is in the cluster: a server runs the control plane (and etcd), an agent runs workloads only. */
public enum NodeRole {
    SERVER,
    AGENT;

    /** The uninstall script the k3s install script creates for this role. */
    public String uninstallScript() {
        return this == SERVER ? "/usr/local/bin/k3s-uninstall.sh" : "/usr/local/bin/k3s-agent-uninstall.sh";
    }
}
