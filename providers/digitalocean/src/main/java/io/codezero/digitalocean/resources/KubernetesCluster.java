package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;

/**
 * {@code digitalocean:index/kubernetesCluster:KubernetesCluster}: a DOKS control plane and its
 * built-in node pool. {@code kubeConfigs} holds a bearer token and is a secret output.
 */
@ResourceType(type = KubernetesCluster.TYPE)
public class KubernetesCluster extends CustomResource {
    public static final String TYPE = "digitalocean:index/kubernetesCluster:KubernetesCluster";
    public static final String KUBE_CONFIGS = "kubeConfigs";

    @Export(name = "endpoint", refs = {String.class}, tree = "[0]")
    private Output<String> endpoint;

    @Export(name = "clusterUrn", refs = {String.class}, tree = "[0]")
    private Output<String> clusterUrn;

    @Export(name = "version", refs = {String.class}, tree = "[0]")
    private Output<String> version;

    @Export(name = "vpcUuid", refs = {String.class}, tree = "[0]")
    private Output<String> vpcUuid;

    @Export(name = "status", refs = {String.class}, tree = "[0]")
    private Output<String> status;

    @Export(name = KUBE_CONFIGS, refs = {List.class, KubeConfig.class}, tree = "[0,1]")
    private Output<List<KubeConfig>> kubeConfigs;

    public KubernetesCluster(String name, KubernetesClusterArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, DigitalOceanPlugin.withPlugin(options, KUBE_CONFIGS));
    }

    public Output<String> endpoint() {
        return endpoint;
    }

    /** {@code do:kubernetes:<id>}, what a project lists. */
    public Output<String> clusterUrn() {
        return clusterUrn;
    }

    public Output<String> version() {
        return version;
    }

    public Output<String> vpcUuid() {
        return vpcUuid;
    }

    public Output<String> status() {
        return status;
    }

    /** Secret: also marked here, so it is secret before the engine answers. */
    public Output<List<KubeConfig>> kubeConfigs() {
        return kubeConfigs.asSecret();
    }
}
