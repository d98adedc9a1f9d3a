package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Inputs of {@link Vpc}; region and ipRange force a new VPC (terraform-provider-digitalocean vpc/resource_vpc.go). */
public final class VpcArgs extends ResourceArgs {
    @Import(name = "name")
    private Output<String> name;

    @Import(name = "region", required = true)
    private Output<String> region;

    @Import(name = "ipRange")
    private Output<String> ipRange;

    @Import(name = "description")
    private Output<String> description;

    private VpcArgs() {
    }

    public static VpcArgs of(String name, String region, String ipRange, String description) {
        VpcArgs args = new VpcArgs();
        args.name = Output.of(name);
        args.region = Output.of(region);
        args.ipRange = Output.of(ipRange);
        args.description = Output.of(description);
        return args;
    }
}
