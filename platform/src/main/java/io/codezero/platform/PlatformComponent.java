package io.codezero.platform;

import io.codezero.core.validation.Problem;
import io.codezero.platform.mesh.Route;
import java.util.List;
import java.util.Set;

/**
 * What layers and apps have in common: they say what they need and what they offer, and the
 * installer orders them from that (the order they were listed in does not matter) and validates the
 * whole graph before anything is registered.
 *
 * <p>Implement {@link PlatformLayer} or {@link PlatformApp}, not this interface; docs/extending.md is the guide.
 */
public interface PlatformComponent {

    /** Unique within a stack; names the component's resources and its plan group. */
    String name();

    /** Where problems of this component are reported, e.g. {@code platform.istio} or {@code platform.apps[git]}. */
    String path();

    /**
     * The Pulumi type of the component resource the installer creates around {@link #install}, e.g.
     * {@code codezero:platform:Istio}; a layer of your own may name its own package, e.g. {@code acme:platform:Vault}.
     *
     * @return a type token {@code <package>:<module>:<Type>}
     */
    String type();

    /** Problems with this component's own settings, found before anything is registered. */
    default List<Problem> validate(PlatformSettings settings) {
        return List.of();
    }

    /**
     * Problems with this component's settings on a cluster of which the target states {@code facts} before
     * anything is registered ({@code ClusterTarget.plannedFacts()}); the stack calls this one. The default
     * is {@link #validate(PlatformSettings)}: override it when a setting cannot work on some clusters.
     */
    default List<Problem> validate(PlatformSettings settings, io.codezero.core.target.ClusterFacts facts) {
        return validate(settings);
    }

    /** What must be (or, if optional, may be) installed before this one. */
    default List<Requirement> requires() {
        return List.of();
    }

    /** What this component hands to others once installed, one fact per capability. */
    default Set<Capability> provides() {
        return Set.of();
    }

    /** The namespaces this component creates and owns; two components never share one. */
    default List<String> namespaces() {
        return List.of();
    }

    /**
     * The routes through the system gateway this component will serve with these settings; the
     * installer refuses two components claiming the same host and path.
     */
    default List<Route> routes(PlatformSettings settings) {
        return List.of();
    }

    /**
     * Registers the component's resources. The installer has already created this component's own component resource
     * ({@link #type()}) and made it {@link LayerContext#parent()}; it completes it when this method returns, so an
     * implementation only registers its resources with {@link LayerContext#options} and returns what it offers.
     *
     * @param context the cluster, the settings, the facts this component declared it requires, and helpers
     * @return what this component offers to those installed after it
     */
    InstalledLayer install(LayerContext context);
}
