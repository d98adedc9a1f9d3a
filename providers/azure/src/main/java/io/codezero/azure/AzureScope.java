package io.codezero.azure;

import com.pulumi.azurenative.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * Where Azure resources of one cluster go: parented to the cluster component, created by its own
 * azure-native provider (location pinned), named after the stack, tagged alike.
 *
 * @param resourcePrefix the stack's name: prefixes every Pulumi resource name
 * @param clusterName    the cluster's name: physical Azure names derive from it
 */
public record AzureScope(String resourcePrefix, String clusterName, String location, String resourceGroupName,
                         Resource parent, Provider provider, Map<String, String> tags) {

    /** {@return options for a resource of this cluster: parented to the component and created by its provider} */
    public CustomResourceOptions opts() {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }

    /**
     * Options like {@link #opts()}, plus resources that must exist first.
     * @param dependsOn resources to wait for
     * @return the options
     */
    public CustomResourceOptions opts(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(dependsOn).build();
    }

    /**
     * {@return a builder holding parent and provider, for resources needing more options (protect, ignoreChanges)}
     */
    public CustomResourceOptions.Builder optsBuilder() {
        return CustomResourceOptions.builder().parent(parent).provider(provider);
    }

    /**
     * A Pulumi resource name such as "demo-vnet": unique per program, stable across runs.
     * @param suffix what the resource is, e.g. {@code vnet}
     * @return the prefixed name
     */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }
}
