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

    public CustomResourceOptions opts() {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }

    public CustomResourceOptions opts(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(dependsOn).build();
    }

    /** A resource name such as "demo-vpc": prefixed with the stack's name, so unique per program, stable across runs. */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }

    /** The shared tags plus a Name tag, which is what the AWS console shows. */
    public Map<String, String> tags(String nameTag) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.put("Name", nameTag);
        return out;
    }

    public Map<String, String> tags(String nameTag, Map<String, String> extra) {
        Map<String, String> out = tags(nameTag);
        out.putAll(extra);
        return out;
    }
}
