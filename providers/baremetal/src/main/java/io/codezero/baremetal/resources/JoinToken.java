package io.codezero.baremetal.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.PluginVersion;
import io.codezero.baremetal.ResourceTokens;
import javax.annotation.Nullable;

/**
 * A cluster's join token, known before the first server installs: the provider creates it once (a
 * random 256-bit value for a new cluster; the token of a cluster CodeZero already runs on the first
 * server, so upgrading CodeZero rotates nothing) and never changes it afterwards. Every node gets it
 * as input, so no join waits for the first server's outputs.
 */
@ResourceType(type = ResourceTokens.JOIN_TOKEN)
public final class JoinToken extends CustomResource {
    /** The token. Secret. */
    @Export(name = "value", refs = {String.class}, tree = "[0]") private Output<String> value;

    /**
     * Registers the token of the cluster whose first server the args name.
     * @param name the Pulumi resource name
     * @param args the first server's connection
     * @param options resource options, merged over the plugin version; may be {@code null}
     */
    public JoinToken(String name, JoinTokenArgs args, @Nullable CustomResourceOptions options) {
        super(ResourceTokens.JOIN_TOKEN, name, args, CustomResourceOptions.merge(CustomResourceOptions.builder()
                .version(PluginVersion.VALUE).additionalSecretOutputs("value").build(), options));
    }

    /**
     * The token (a secret).
     * @return the token, never shown in plain text
     */
    public Output<String> value() { return value; }
}
