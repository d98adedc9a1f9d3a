package io.codezero.platform;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.target.ProvisionedCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a layer or app is given: the cluster, the component to parent its resources to, the
 * platform settings and the layers installed before it.
 */
public final class LayerContext {
    private final ProvisionedCluster cluster;
    private final Resource parent;
    private final PlatformSettings settings;
    private final Map<String, InstalledLayer> installed;

    public LayerContext(ProvisionedCluster cluster, Resource parent, PlatformSettings settings, Map<String, InstalledLayer> installed) {
        this.cluster = cluster;
        this.parent = parent;
        this.settings = settings;
        this.installed = new LinkedHashMap<>(installed);
    }

    public ProvisionedCluster cluster() {
        return cluster;
    }

    public Resource parent() {
        return parent;
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** A layer installed earlier, e.g. "metrics" so Grafana can find Prometheus. */
    public Optional<InstalledLayer> layer(String name) {
        return Optional.ofNullable(installed.get(name));
    }

    /** The first fact of this type offered by any earlier layer, e.g. the mesh or Prometheus' address. */
    public <T> Optional<T> fact(Class<T> type) {
        return installed.values().stream().map(layer -> layer.fact(type)).flatMap(Optional::stream).findFirst();
    }

    /** Options for a resource of another provider package (e.g. random), parented here. */
    public CustomResourceOptions foreignOptions() {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /** The same context with another parent, for a layer's own sub-components. */
    public LayerContext withParent(Resource newParent) {
        return new LayerContext(cluster, newParent, settings, installed);
    }

    /**
     * Options for a Kubernetes resource: parented here, on the cluster's provider, and after what
     * the cluster needs before workloads plus anything extra given.
     */
    public CustomResourceOptions options(Resource... after) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(cluster.provider())
                .dependsOn(dependencies(after))
                .build();
    }

    /** Options for a sub-component; its children inherit the cluster's provider. */
    public ComponentResourceOptions componentOptions(Resource... after) {
        return ComponentResourceOptions.builder()
                .parent(parent)
                .providers(cluster.provider())
                .dependsOn(dependencies(after))
                .build();
    }

    private List<Resource> dependencies(Resource... after) {
        List<Resource> deps = new ArrayList<>(cluster.readiness());
        deps.addAll(List.of(after));
        return deps;
    }
}
