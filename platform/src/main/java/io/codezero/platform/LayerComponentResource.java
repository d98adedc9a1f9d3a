package io.codezero.platform;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.core.target.ProvisionedCluster;
import java.util.Map;

/**
 * The top-level component of one layer or app ({@link PlatformComponent#type()}, named {@code <stack>-<name>}),
 * created by the installer around {@link PlatformComponent#install}, parented to the stack's component, on the
 * cluster's provider. It carries no dependsOn of its own: each resource inside waits for exactly what it uses, so
 * nothing is serialized that need not be.
 */
final class LayerComponentResource extends ComponentResource {
    LayerComponentResource(String type, String name, Resource parent, ProvisionedCluster cluster) {
        super(type, name, ComponentResourceOptions.builder().parent(parent).providers(cluster.provider()).build());
    }

    /** The component is complete once the layer's install returned; its handles are the installer's result. */
    void complete() {
        registerOutputs(Map.of());
    }
}
