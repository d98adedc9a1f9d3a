package io.codezero.core.target;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Checks the required parts; the kubeconfig becomes a secret, absent readiness and facts become empty.
     *
     * @param name          the cluster's name
     * @param kubeconfig    a kubeconfig that works without cloud CLIs (made a secret)
     * @param provider      a Kubernetes provider bound to this cluster
     * @param storage       storage classes for the standard and fast tiers
     * @param loadBalancers how services of type LoadBalancer are exposed
     * @param readiness     resources that must exist before workloads may be scheduled (null: none)
     * @param facts         what layers must know about this cluster (null: none)
     */
    public ProvisionedCluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(loadBalancers, "loadBalancers");
        kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig").asSecret();
        readiness = List.copyOf(readiness == null ? List.of() : readiness);
        facts = Objects.requireNonNullElse(facts, ClusterFacts.none());
    }

    /**
     * A cluster about which the target states no facts.
     *
     * @param name          the cluster's name
     * @param kubeconfig    a kubeconfig that works without cloud CLIs (made a secret)
     * @param provider      a Kubernetes provider bound to this cluster
     * @param storage       storage classes for the standard and fast tiers
     * @param loadBalancers how services of type LoadBalancer are exposed
     * @param readiness     resources that must exist before workloads may be scheduled
     */
    public ProvisionedCluster(String name, Output<String> kubeconfig, Provider provider, StorageProfile storage,
                              LoadBalancerCapabilities loadBalancers, List<Resource> readiness) {
        this(name, kubeconfig, provider, storage, loadBalancers, readiness, ClusterFacts.none());
    }

    /**
     * The same cluster with one more fact.
     *
     * @param type the fact's type, the key layers read it by
     * @param fact the fact
     * @param <T>  the fact's type
     * @return a new cluster; this one stays unchanged
     */
    public <T> ProvisionedCluster withFact(Class<T> type, T fact) {
        return new ProvisionedCluster(name, kubeconfig, provider, storage, loadBalancers, readiness, facts.with(type, fact));
    }

    /**
     * The same cluster with the target's typed handles ({@link ClusterHandles}) attached.
     *
     * @param handles the target's handles record
     * @return a new cluster; this one stays unchanged
     */
    public ProvisionedCluster withHandles(ClusterHandles handles) {
        Objects.requireNonNull(handles, "handles");
        return withFact(ClusterHandles.class, handles);
    }

    /**
     * The target's typed handles, if the target states them.
     *
     * @return the handles, or empty
     */
    public Optional<ClusterHandles> handles() {
        return facts.get(ClusterHandles.class);
    }

    /**
     * The target's handles as the type that target documents, e.g. {@code EksClusterHandles}.
     *
     * @param type the handles' type
     * @param <H>  the handles' type
     * @return the handles
     * @throws IllegalStateException naming the handles this cluster has, when they are of another type
     */
    public <H extends ClusterHandles> H handles(Class<H> type) {
        ClusterHandles handles = handles().orElseThrow(() -> new IllegalStateException(
                "cluster '" + name + "' has no typed handles: its target states none"));
        if (!type.isInstance(handles)) {
            throw new IllegalStateException("cluster '" + name + "' has " + handles.getClass().getSimpleName()
                    + ", not " + type.getSimpleName() + ": ask for the handles of the target that made it");
        }
        return type.cast(handles);
    }
}
