package io.codezero.platform.k8s;

import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import io.codezero.platform.LayerContext;
import io.codezero.platform.mesh.Mesh;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Namespaces owned by one layer or app, so switching the layer off removes them and everything in them. Whoever
 * creates one says which Pod Security level its workloads pass ({@link PodSecurity}); the API server then refuses
 * any pod there that breaks it.
 */
public final class Namespaces {
    private Namespaces() {
    }

    /** A namespace named {@code name}, labelled as {@code component}'s with the Pod Security level's labels and {@code extraLabels}; layers call it through {@link LayerContext#namespace}. */
    public static Namespace create(LayerContext context, String resourceName, String name, String component, PodSecurity level,
                                   Map<String, String> extraLabels) {
        Map<String, String> labels = new LinkedHashMap<>(Meta.labels(component));
        labels.putAll(level.labels());
        labels.putAll(extraLabels);
        return new Namespace(context.name(resourceName), NamespaceArgs.builder().metadata(Meta.of(name, null, labels)).build(), context.options());
    }

    /** A system layer's namespace (metrics, dashboards, GUI), with the mesh's {@link Mesh#systemNamespaceLabels()} when Istio runs. */
    public static Namespace system(LayerContext context, String resourceName, String name, String component, PodSecurity level) {
        return create(context, resourceName, name, component, level, context.fact(Mesh.class).map(Mesh::systemNamespaceLabels).orElse(Map.of()));
    }
}
