package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;

/** {@code digitalocean:index/project:Project}: the folder the cloud console groups a stack's resources in. */
@ResourceType(type = Project.TYPE)
public class Project extends CustomResource {
    public static final String TYPE = "digitalocean:index/project:Project";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public Project(String name, ProjectArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, DigitalOceanPlugin.withPlugin(options));
    }

    public Output<String> name() {
        return name;
    }
}
