package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import java.util.List;

/** {@code digitalocean:index/projectResources:ProjectResources}: puts resources (by DigitalOcean URN) into a project. */
@ResourceType(type = ProjectResources.TYPE)
public class ProjectResources extends CustomResource {
    public static final String TYPE = "digitalocean:index/projectResources:ProjectResources";

    public ProjectResources(String name, Args args, CustomResourceOptions options) {
        super(TYPE, name, args, DigitalOceanPlugin.withPlugin(options));
    }

    /** project forces a new resource (project/resource_project_resources.go); resources update in place. */
    public static final class Args extends ResourceArgs {
        @Import(name = "project", required = true)
        private Output<String> project;

        @Import(name = "resources", required = true)
        private Output<List<String>> resources;

        private Args() {
        }

        public static Args of(Output<String> projectId, List<Output<String>> urns) {
            Args args = new Args();
            args.project = projectId;
            args.resources = Output.all(urns);
            return args;
        }
    }
}
