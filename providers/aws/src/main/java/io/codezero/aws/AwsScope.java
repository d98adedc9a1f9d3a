package io.codezero.aws;

import com.pulumi.aws.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where AWS resources of one cluster go: parented to the cluster component, created by its own
 * AWS provider (region pinned), named after the stack, tagged alike.
 */
public record AwsScope(String resourcePrefix, String clusterName, String region, Resource parent, Provider provider, Map<String, String> tags) {

    /**
     * {@return options for a resource of this cluster: parented to the component and created by its regional
     * provider}
     */
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
     * A resource name such as "demo-vpc": prefixed with the stack's name, so unique per program, stable across runs.
     * @param suffix what the resource is, e.g. {@code vpc}
     * @return the prefixed name
     */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }

    /**
     * The shared tags plus a Name tag, which is what the AWS console shows.
     * @param nameTag the value of the {@code Name} tag
     * @return a new mutable map of the tags
     */
    public Map<String, String> tags(String nameTag) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.put("Name", nameTag);
        return out;
    }

    /**
     * The shared tags, a {@code Name} tag and resource-specific tags, the latter winning on the same key.
     * @param nameTag the value of the {@code Name} tag
     * @param extra more tags, e.g. the ones the load balancer controller reads on subnets
     * @return a new mutable map of the tags
     */
    public Map<String, String> tags(String nameTag, Map<String, String> extra) {
        Map<String, String> out = tags(nameTag);
        out.putAll(extra);
        return out;
    }
}
