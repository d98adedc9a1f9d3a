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

    public CustomResourceOptions opts() {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }

    public CustomResourceOptions opts(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(dependsOn).build();
    }

    public CustomResourceOptions.Builder optsBuilder() {
        return CustomResourceOptions.builder().parent(parent).provider(provider);
    }

    /** A Pulumi resource name such as "demo-vnet": unique per program, stable across runs. */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }
}
