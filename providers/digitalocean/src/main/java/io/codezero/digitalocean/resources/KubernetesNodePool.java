package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/** {@code digitalocean:index/kubernetesNodePool:KubernetesNodePool}: a node pool managed apart from the cluster. */
@ResourceType(type = KubernetesNodePool.TYPE)
public class KubernetesNodePool extends CustomResource {
    public static final String TYPE = "digitalocean:index/kubernetesNodePool:KubernetesNodePool";

    @Export(name = "actualNodeCount", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> actualNodeCount;

    public KubernetesNodePool(String name, KubernetesNodePoolArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, DigitalOceanPlugin.withPlugin(options));
    }

    public Output<Integer> actualNodeCount() {
        return actualNodeCount;
    }
}
