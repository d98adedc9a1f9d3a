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

    /**
     * Copies the API list.
     * @param resourcePrefix the prefix of every resource name, from the stack's name
     * @param clusterName the spec's cluster name
     * @param project the project ID
     * @param region the cluster's region
     * @param parent the cluster component
     * @param provider the gcp provider pinned to the project and region
     * @param labels the labels every resource carries
     * @param apis API enablements every resource waits for
     */
    public GcpScope {
        apis = List.copyOf(apis);
    }

    /**
     * A scope whose resources need no API enabled by the deploy.
     * @param resourcePrefix the prefix of every resource name, from the stack's name
     * @param clusterName the spec's cluster name
     * @param project the project ID
     * @param region the cluster's region
     * @param parent the cluster component
     * @param provider the gcp provider pinned to the project and region
     * @param labels the labels every resource carries
     */
    public GcpScope(String resourcePrefix, String clusterName, String project, String region, Resource parent, Provider provider,
                    Map<String, String> labels) {
        this(resourcePrefix, clusterName, project, region, parent, provider, labels, List.of());
    }

    /**
     * The same scope whose resources all wait for these API enablements.
     * @param enabled the API enablements to wait for
     * @return a new scope
     */
    public GcpScope afterApis(List<Resource> enabled) {
        return new GcpScope(resourcePrefix, clusterName, project, region, parent, provider, labels, enabled);
    }

    /**
     * Parent, provider, and the API enablements everything here needs.
     * @return the options
     */
    public CustomResourceOptions opts() {
        return opts(List.of());
    }

    /**
     * Options like {@link #opts()}, plus more resources that must exist first.
     * @param dependsOn resources to wait for besides the APIs
     * @return the options
     */
    public CustomResourceOptions opts(List<Resource> dependsOn) {
        List<Resource> all = new java.util.ArrayList<>(apis);
        all.addAll(dependsOn);
        return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(all).build();
    }

    /**
     * A resource name such as "demo-vpc": prefixed with the stack's name, so unique per program, stable across runs.
     * @param suffix what the resource is, e.g. {@code vpc}
     * @return the prefixed name
     */
    public String name(String suffix) {
        return resourcePrefix + "-" + suffix;
    }
}
