package io.codezero.platform.k8s;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/** Object metadata with the labels every CodeZero object carries, so `kubectl get -l` finds what a layer or app made. */
public final class Meta {
    /** The standard label naming the application a resource belongs to: codezero. */
    public static final String PART_OF = "app.kubernetes.io/part-of";
    /** The standard label naming the tool that manages a resource: codezero. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    /** The same value the stack's own objects carry, so one selector finds everything CodeZero made. */
    public static final String MANAGER = "codezero";
    /** CodeZero's label naming the layer or app that owns a resource. */
    public static final String COMPONENT = "codezero.io/component";

    private Meta() {
    }

    /** The labels every resource of a component carries: part-of, managed-by and the component. */
    public static Map<String, String> labels(String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PART_OF, "codezero");
        labels.put(MANAGED_BY, MANAGER);
        labels.put(COMPONENT, component);
        return labels;
    }

    /** Metadata with a component's labels; {@code namespace} null for cluster-scoped objects. */
    public static ObjectMetaArgs of(String name, String namespace, String component) {
        return of(name, namespace, labels(component));
    }

    /** Metadata with these labels; {@code namespace} null for cluster-scoped objects. */
    public static ObjectMetaArgs of(String name, String namespace, Map<String, String> labels) {
        ObjectMetaArgs.Builder builder = ObjectMetaArgs.builder().name(name).labels(labels);
        if (namespace != null) {
            builder.namespace(namespace);
        }
        return builder.build();
    }

    /** The labels with one more. */
    public static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        out.put(key, value);
        return out;
    }
}
