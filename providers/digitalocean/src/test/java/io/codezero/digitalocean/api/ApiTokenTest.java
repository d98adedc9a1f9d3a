package io.codezero.digitalocean.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the API token comes from, in order, and that it is never shown. */
class ApiTokenTest {

    @Test
    void anExplicitFileWinsThenTheEnvironmentThenTheStandardFile(@TempDir Path home) throws Exception {
        Path explicit = home.resolve("explicit");
        Files.writeString(explicit, " from-file \n");
        Path standard = home.resolve(ApiToken.DEFAULT_FILE);
        Files.createDirectories(standard.getParent());
        Files.writeString(standard, "from-standard-file");
        Map<String, String> env = Map.of("DIGITALOCEAN_TOKEN", "from-env", "DIGITALOCEAN_ACCESS_TOKEN", "from-doctl-env");

        assertThat(ApiToken.find(explicit.toString(), env, home).orElseThrow().value()).isEqualTo("from-file");
        assertThat(ApiToken.find(null, env, home).orElseThrow().value()).isEqualTo("from-env");
        assertThat(ApiToken.find(null, Map.of("DIGITALOCEAN_ACCESS_TOKEN", "from-doctl-env"), home).orElseThrow().value()).isEqualTo("from-doctl-env");
        assertThat(ApiToken.find(null, Map.of("DIGITALOCEAN_TOKEN_FILE", explicit.toString()), home).orElseThrow().value()).isEqualTo("from-file");
        assertThat(ApiToken.find(null, Map.of(), home).orElseThrow().value()).isEqualTo("from-standard-file");
        assertThat(ApiToken.find(null, Map.of(), home.resolve("nowhere"))).isEmpty();
        assertThat(ApiToken.find(null, env, home).orElseThrow().toString()).doesNotContain("from-env").contains("$DIGITALOCEAN_TOKEN");
    }

    @Test
    void theProgramAlsoTakesTheProvidersOwnConfigKeyButTheEnvironmentWins(@TempDir Path home) {
        java.util.function.Function<String, java.util.Optional<String>> config =
                key -> key.equals("digitalocean:token") ? java.util.Optional.of("from-stack-config") : java.util.Optional.empty();
        ApiToken fromConfig = ApiToken.forProgram(null, Map.of(), home, config).orElseThrow();
        assertThat(fromConfig.value()).isEqualTo("from-stack-config");
        assertThat(fromConfig.toString()).doesNotContain("from-stack-config").contains("digitalocean:token");
        assertThat(ApiToken.forProgram(null, Map.of("DIGITALOCEAN_TOKEN", "from-env"), home, config).orElseThrow().value()).isEqualTo("from-env");
        assertThat(ApiToken.forProgram(null, Map.of(), home, key -> java.util.Optional.empty())).isEmpty();
    }
}
