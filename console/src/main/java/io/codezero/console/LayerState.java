package io.codezero.console;

import java.util.List;

/**
 * A platform layer (istio, metrics, logs, ...) as it runs: its namespaces' Helm releases and pods.
 *
 * @param name the layer ({@code codezero.io/component} of its namespaces)
 * @param namespaces its namespaces
 * @param releases its Helm releases
 * @param podsReady ready pods in its namespaces
 * @param pods pods in its namespaces
 */
public record LayerState(String name, List<String> namespaces, List<Release> releases, int podsReady, int pods) {
    /**
     * A Helm release as Helm records it (the labels of its newest release Secret; its value is never read).
     *
     * @param name the release
     * @param namespace its namespace
     * @param status deployed, failed, pending-install, ...
     * @param revision Helm's revision number
     */
    public record Release(String name, String namespace, String status, int revision) {
    }

    /** @return healthy when every release is deployed and every pod ready */
    public Health health() {
        boolean deployed = releases.stream().allMatch(r -> r.status().equals("deployed"));
        if (pods == 0 && releases.isEmpty()) {
            return Health.UNKNOWN;
        }
        if (deployed && podsReady == pods) {
            return Health.HEALTHY;
        }
        return podsReady == 0 && pods > 0 ? Health.DOWN : Health.DEGRADED;
    }
}
