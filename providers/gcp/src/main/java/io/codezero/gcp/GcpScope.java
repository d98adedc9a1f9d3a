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
                       Map<String, String> labels, List<Resource> apis) {

    public GcpScope {
        apis = List.copyOf(apis);
    }

    /** A scope whose resources need no API enabled by the deploy. */
    public GcpScope(String resourcePrefix, String clusterName, String project, String region, Resource parent, Provider provider,
                    Map<String, String> labels) {
        this(resourcePrefix, clusterName, project, region, parent, provider, labels, List.of());
    }

    /** The same scope whose resources all wait for these API enablements. */
    public GcpScope afterApis(List<Resource> enabled) {
        return new GcpScope(resourcePrefix, clusterName, project, region, parent, provider, labels, enabled);
    }

    /** Parent, provider, and the API enablements everything here needs. */
    public CustomResourceOptions opts() {
        return opts(List.of());
    }

    public CustomResourceOptions opts(List<Resource> dependsOn) {
        List<Resource> all = new java.util.ArrayList<>(apis);
        all.addAll(dependsOn);
        return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(all).build();
    }

    /** A resource name such as "demo-vpc": prefixed with the stack's name, so unique per program, stable across runs. */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }
}
