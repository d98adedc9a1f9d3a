package io.codezero.platform.layers;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.platform.LayerContext;

/**
 * The top-level component of one layer or app ({@code codezero:platform:<Kind>}), parented to the
 * stack's component, on the cluster's provider. It carries no dependsOn of its own: each resource
 * inside waits for exactly what it uses, so nothing is serialized that need not be.
 */
public final class LayerComponent extends ComponentResource {
    public LayerComponent(String kind, String name, LayerContext context) {
        super("codezero:platform:" + kind, context.name(name), ComponentResourceOptions.builder()
                .parent(context.parent())
                .providers(context.cluster().provider())
                .build());
    }

    public void done() {
        registerOutputs(java.util.Map.of());
    }
}
