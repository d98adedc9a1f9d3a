package io.codezero.digitalocean.resources;

import com.pulumi.resources.CustomResourceOptions;

/**
 * The pulumi-digitalocean plugin these classes speak to. {@code com.pulumi:digitalocean} is not
 * served to this project, so the resources are registered through the small typed classes of this
 * package, with the type tokens and property names of the provider's schema
 * (pulumi/pulumi-digitalocean {@code provider/cmd/pulumi-resource-digitalocean/schema.json} at
 * v4.76.0). The version makes a real engine install exactly that plugin.
 */
public final class DigitalOceanPlugin {
    public static final String VERSION = "4.76.0";

    private DigitalOceanPlugin() {
    }

    /** The caller's options with the plugin version (and any secret outputs) of this package. */
    static CustomResourceOptions withPlugin(CustomResourceOptions options, String... secretOutputs) {
        var ours = CustomResourceOptions.builder().version(VERSION);
        if (secretOutputs.length > 0) {
            ours.additionalSecretOutputs(secretOutputs);
        }
        return CustomResourceOptions.merge(options, ours.build());
    }
}
