package io.codezero.platform.secrets;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.Versions;

/**
 * A minimal typed binding of pulumi-random's RandomPassword (the Java SDK for random is not
 * served here). The password is generated once by the provider and kept in the stack's state, so
 * it stays the same on every later run; {@code result} is always a secret.
 */
@ResourceType(type = "random:index/randomPassword:RandomPassword")
public class RandomPassword extends CustomResource {
    /** The resource type of the pulumi-random provider's RandomPassword. */
    public static final String TYPE = "random:index/randomPassword:RandomPassword";

    @Export(name = "result", refs = {String.class}, tree = "[0]")
    private Output<String> result;

    /** A password generated once by the random provider and kept in the stack's state. */
    public RandomPassword(String name, RandomPasswordArgs args, CustomResourceOptions options) {
        super(TYPE, name, args, CustomResourceOptions.merge(options, CustomResourceOptions.builder()
                .version(Versions.Platform.RANDOM_PLUGIN)
                .additionalSecretOutputs("result")
                .build()));
    }

    /** The password, marked secret here as well so it is secret even before the engine answers. */
    public Output<String> result() {
        return result.asSecret();
    }
}
