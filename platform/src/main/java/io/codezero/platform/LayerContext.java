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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a layer or app is given: the cluster, the component to parent its resources to, the
 * platform settings, the stack's name for its resource names, and the facts of what it requires.
 */
public final class LayerContext {
    private final String stackName;
    private final ProvisionedCluster cluster;
    private final Resource parent;
    private final PlatformSettings settings;
    private final Map<Capability, Object> facts;
    private final Set<Capability> declared;
    private final String reader;

    /**
     * @param facts    every fact installed so far, by capability
     * @param declared what the reading component declared in {@link PlatformComponent#requires()}: the only
     *                 facts it may read, so the installer's order is always the one the code relies on
     */
    public LayerContext(String stackName, ProvisionedCluster cluster, Resource parent, PlatformSettings settings,
                        Map<Capability, Object> facts, Set<Capability> declared, String reader) {
        this.stackName = stackName;
        this.cluster = cluster;
        this.parent = parent;
        this.settings = settings;
        this.facts = new LinkedHashMap<>(facts);
        this.declared = Set.copyOf(declared);
        this.reader = reader;
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

    /** A resource name unique within the program: {@code <stack>-<local>}, so several stacks live in one program. */
    public String name(String local) {
        return stackName + "-" + local;
    }

    public String stackName() {
        return stackName;
    }

    /** The fact of this type installed before, e.g. the mesh or Prometheus' address; empty if nobody offers it. */
    public <T> Optional<T> fact(Class<T> type) {
        return fact(Capability.of(type)).map(type::cast);
    }

    /** The fact of an app's capability, e.g. the interfaces app "db" offers. */
    public <T> Optional<T> fact(Class<T> type, String qualifier) {
        return fact(Capability.of(type, qualifier)).map(type::cast);
    }

    private Optional<Object> fact(Capability capability) {
        if (!declared.contains(capability)) {
            throw new IllegalStateException(reader + " reads " + capability + " without declaring it in requires(); declared: "
                    + declared.stream().map(Capability::toString).sorted().collect(Collectors.joining(", ")));
        }
        return Optional.ofNullable(facts.get(capability));
    }

    /** Options for a resource of another provider package (e.g. random), parented here. */
    public CustomResourceOptions foreignOptions() {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /** The same context with another parent, for a layer's own sub-components. */
    public LayerContext withParent(Resource newParent) {
        return new LayerContext(stackName, cluster, newParent, settings, facts, declared, reader);
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
