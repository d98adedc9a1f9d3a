package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/** {@code digitalocean:index/vpc:Vpc}: a private network in one region. */
@ResourceType(type = Vpc.TYPE)
public class Vpc extends CustomResource {
    public static final String TYPE = "digitalocean:index/vpc:Vpc";

    @Export(name = "ipRange", refs = {String.class}, tree = "[0]")
    private Output<String> ipRange;

    @Export(name = "vpcUrn", refs = {String.class}, tree = "[0]")
    private Output<String> vpcUrn;

    public Vpc(String name, VpcArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, DigitalOceanPlugin.withPlugin(options));
    }

    public Output<String> ipRange() {
        return ipRange;
    }

    public Output<String> vpcUrn() {
        return vpcUrn;
    }
}
