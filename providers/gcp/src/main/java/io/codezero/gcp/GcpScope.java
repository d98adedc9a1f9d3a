package io.codezero.gcp;

import com.pulumi.gcp.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * Where the Google Cloud resources of one cluster go: parented to the cluster component, created
 * by its own gcp provider (project and region pinned), named after the stack, labelled alike.
 */
public record GcpScope(String resourcePrefix, String clusterName, String project, String region, Resource parent, Provider provider,
                       Map<String, String> labels) {

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
}
