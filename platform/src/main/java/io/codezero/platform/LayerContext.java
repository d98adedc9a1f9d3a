package io.codezero.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.Namespaces;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a layer or app is given when it installs: the cluster, the component to parent its resources to, the
 * platform settings, the stack's name for its resource names, the facts of what it requires, and helpers for what
 * every layer does (a namespace, a Helm release, a route through the gateway). The built-in layers use exactly these.
 */
public final class LayerContext {
    private final String stackName;
    private final ProvisionedCluster cluster;
    private final Resource parent;
    private final PlatformSettings settings;
    private final Map<Capability, Object> facts;
    private final Set<Capability> declared;
    private final String reader;
    private final String component;

    /**
     * The context the installer hands a component; a layer of your own never makes one (tests may).
     *
     * @param stackName the stack's name, which prefixes resource names
     * @param cluster   what the target provisioned
     * @param parent    the component resource this component's resources are parented to
     * @param settings  the platform settings
     * @param facts     every fact installed so far, by capability
     * @param declared  what the reading component declared in {@link PlatformComponent#requires()}: the only
     *                  facts it may read, so the installer's order is always the one the code relies on
     * @param reader    the reading component's path, for messages
     * @param component the reading component's name, which labels what it creates
     */
    public LayerContext(String stackName, ProvisionedCluster cluster, Resource parent, PlatformSettings settings,
                        Map<Capability, Object> facts, Set<Capability> declared, String reader, String component) {
        this.stackName = stackName;
        this.cluster = cluster;
        this.parent = parent;
        this.settings = settings;
        this.facts = new LinkedHashMap<>(facts);
        this.declared = Set.copyOf(declared);
        this.reader = reader;
        this.component = component;
    }

    /** The provisioned cluster: its Kubernetes provider, storage profile, load-balancer capabilities and facts. */
    public ProvisionedCluster cluster() {
        return cluster;
    }

    /** The component resource this layer's resources are parented to ({@link #options} does it). */
    public Resource parent() {
        return parent;
    }

    /** The platform settings: domain, system namespace, gateway exposure, chart sources. */
    public PlatformSettings settings() {
        return settings;
    }

    /** The installing component's name; it labels what the helpers create ({@code codezero.io/component}). */
    public String component() {
        return component;
    }

    /** A resource name unique within the program: {@code <stack>-<local>}, so several stacks live in one program. */
    public String name(String local) {
        return stackName + "-" + local;
    }

    /** The stack's name. */
    public String stackName() {
        return stackName;
    }

    /**
     * The fact of this type installed before, e.g. the mesh or Prometheus' address; empty if nobody offers it.
     *
     * @throws IllegalStateException if the component did not declare it in {@link PlatformComponent#requires()}
     */
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
        return new LayerContext(stackName, cluster, newParent, settings, facts, declared, reader, component);
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

    /**
     * A namespace this component owns (list it in {@link PlatformComponent#namespaces()}): labelled as this
     * component's, with the Pod Security level its workloads pass; removing the component removes it with everything
     * in it.
     *
     * @param resourceName the Pulumi name, unique within the stack (the stack's name is prefixed)
     * @param name         the namespace's name
     * @param level        the Pod Security level the API server enforces there
     * @param extraLabels  more labels, e.g. a mesh mode's
     */
    public Namespace namespace(String resourceName, String name, PodSecurity level, Map<String, String> extraLabels) {
        return Namespaces.create(this, resourceName, name, component, level, extraLabels);
    }

    /**
     * A namespace for a platform service (a console, a collector): as {@link #namespace}, and inside the mesh where
     * the mesh wants platform services ({@link Mesh#systemNamespaceLabels()}, ambient mode). Reads the mesh, so
     * declare {@code Requirement.uses(Mesh.class)}.
     */
    public Namespace systemNamespace(String resourceName, String name, PodSecurity level) {
        return namespace(resourceName, name, level, fact(Mesh.class).map(Mesh::systemNamespaceLabels).orElse(Map.of()));
    }

    /**
     * A Helm release of a pinned chart from where the settings' chart sources say (its repository, or a local copy):
     * atomic, bounded by the timeout, CRDs installed. List the chart in {@link PlatformLayer#charts()} so
     * {@code chartSources} may name it.
     *
     * @param resourceName   the Pulumi name (the stack's name is prefixed)
     * @param chart          the pinned chart
     * @param releaseName    the Helm release's name
     * @param namespace      the namespace it installs into (created by you, e.g. with {@link #namespace})
     * @param values         the chart's values; may hold Outputs, which stay unknown in a preview until they resolve
     * @param timeoutSeconds how long Helm waits for the release's workloads
     * @param after          what the release waits for besides the cluster (the namespace, a Secret it reads)
     */
    public Release release(String resourceName, ChartRef chart, String releaseName, String namespace, Map<String, Object> values,
                           int timeoutSeconds, Resource... after) {
        return settings.chartSources().release(name(resourceName), chart, releaseName, namespace, values, timeoutSeconds, options(after));
    }

    /**
     * Serves a Service through the system gateway at {@code https://<route>} (a VirtualService, and for a private route
     * the gateway's sign-in or deny policy). Needs the mesh: declare {@code Requirement.needs(Mesh.class, ...)}.
     *
     * @param resourceName  a prefix for the route's resource names, unique within the stack
     * @param namespace     where the Service lives
     * @param service       the Service's name
     * @param port          the Service's port
     * @param route         the host or path, and whether it is public or private
     * @param backendInMesh true if the backend is in the mesh with a default deny, so the gateway must be let in
     * @param after         what the route's objects wait for (e.g. the namespace)
     * @return the route's URL, for {@link InstalledLayer#withConsole}
     * @throws IllegalStateException when the mesh is not installed (or not declared)
     */
    public Output<String> expose(String resourceName, String namespace, String service, int port, Route route, boolean backendInMesh,
                                 Resource... after) {
        return expose(resourceName, namespace, service, port, route, backendInMesh, Routes.SignedInCredentials.IDENTITY_HEADERS, after);
    }

    /**
     * As {@link #expose(String, String, String, int, Route, boolean, Resource...)}, saying what a signed-in request
     * carries on to the backend of a private route (the identity headers, or also the user's ID token).
     */
    public Output<String> expose(String resourceName, String namespace, String service, int port, Route route, boolean backendInMesh,
                                 Routes.SignedInCredentials credentials, Resource... after) {
        Mesh mesh = fact(Mesh.class).orElseThrow(() -> new IllegalStateException(reader + " exposes " + service
                + " through the gateway, but no istio layer is installed; declare Requirement.needs(Mesh.class, ...) so the stack says so"));
        return Routes.expose(this, mesh, resourceName, namespace, service, port, route, backendInMesh, credentials, after);
    }

    private List<Resource> dependencies(Resource... after) {
        List<Resource> deps = new ArrayList<>(cluster.readiness());
        deps.addAll(List.of(after));
        return deps;
    }
}
