package io.codezero.digitalocean.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.digitalocean.StackIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line recognises the stack's own VPC and project by the same names the program gives them. */
class PreflightCommandIdentityTest {

    @Test
    void theStackComesFromTheConfigFileAndTheProjectFromPulumiYamlBesideIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.yaml"), "name: \"shop\"\nruntime: java\n");
        Path config = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(config, "config: {}\n");
        assertThat(DigitalOceanPreflightTarget.identity(config, null, null)).isEqualTo(new StackIdentity("shop", "prod"));
        assertThat(DigitalOceanPreflightTarget.identity(config, "other", "staging")).isEqualTo(new StackIdentity("other", "staging"));
        assertThat(new StackIdentity("shop", "prod").projectName("web")).isEqualTo("web-prod");
        assertThat(new StackIdentity("shop", "my_stack").vpcName("web", "fra1")).isEqualTo("web-my-stack-fra1");
    }
}
