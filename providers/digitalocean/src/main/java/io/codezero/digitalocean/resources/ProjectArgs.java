package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** Inputs of {@link Project}. Resources are attached by {@link ProjectResources}, not here. */
public final class ProjectArgs extends ResourceArgs {
    @Import(name = "name")
    private Output<String> name;

    @Import(name = "description")
    private Output<String> description;

    @Import(name = "purpose")
    private Output<String> purpose;

    /** Development, Staging or Production; absent when not given. */
    @Import(name = "environment")
    private Output<String> environment;

    private ProjectArgs() {
    }

    public static ProjectArgs of(String name, String description, String purpose, String environment) {
        ProjectArgs args = new ProjectArgs();
        args.name = Output.of(name);
        args.description = Output.of(description);
        args.purpose = Output.of(purpose);
        args.environment = environment == null ? null : Output.of(environment);
        return args;
    }
}
