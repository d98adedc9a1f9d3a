package io.codezero.core.target;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;

/**
 * What every target hands back, whatever it ran on: the only thing platform layers may depend on.
 *
 * @param name        the cluster's name
 * @param kubeconfig  a kubeconfig that works without cloud CLIs; always a Pulumi secret
 * @param provider    a Kubernetes provider bound to this cluster; every Kubernetes resource uses it
 * @param storage     storage classes for the standard and fast tiers
 * @param loadBalancers how services of type LoadBalancer are exposed
 * @param readiness   resources that must exist before workloads may be scheduled (node pools, CNI,
 *                    storage drivers). Workloads depend on them, so a destroy removes workloads,
 *                    and the load balancers they own, before the network under them.
 * @param facts       what layers must know about this cluster to adapt to it ({@link ClusterFacts})
 */
public record ProvisionedCluster(
        String name,
        Output<String> kubeconfig,
        Provider provider,
        StorageProfile storage,
        LoadBalancerCapabilities loadBalancers,
        List<Resource> readiness,
        ClusterFacts facts) {

    public ProvisionedCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(loadBalancers, "loadBalancers");
        kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig").asSecret();
        readiness = List.copyOf(readiness == null ? List.of() : readiness);
        facts = Objects.requireNonNullElse(facts, ClusterFacts.none());
    }

    /** A cluster about which the target states no facts. */
    public ProvisionedCluster(String name, Output<String> kubeconfig, Provider provider, StorageProfile storage,
                              LoadBalancerCapabilities loadBalancers, List<Resource> readiness) {
        this(name, kubeconfig, provider, storage, loadBalancers, readiness, ClusterFacts.none());
    }

    /** The same cluster with one more fact. */
    public <T> ProvisionedCluster withFact(Class<T> type, T fact) {
        return new ProvisionedCluster(name, kubeconfig, provider, storage, loadBalancers, readiness, facts.with(type, fact));
    }
}
