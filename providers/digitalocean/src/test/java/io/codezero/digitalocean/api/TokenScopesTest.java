package io.codezero.digitalocean.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.testing.TestPrerequisites;
import io.codezero.digitalocean.prism.PrismServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@link TokenScopes} against DigitalOcean's OpenAPI specification: each call exists there with its method, and the
 * scope we name for it is the one its {@code security} names. A custom-scoped token built from docs/digitalocean.md's
 * list then holds every scope a stack needs.
 */
class TokenScopesTest {
    @Test
    void everyCallsScopeIsTheOneTheSpecificationNames() throws IOException {
        Path spec = PrismServer.specification();
        TestPrerequisites.require(Files.isRegularFile(spec), "DigitalOcean's OpenAPI specification not found at " + spec.toAbsolutePath());
        Map<String, Object> root = load(spec);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, String>>> paths = (Map<String, Map<String, Map<String, String>>>) root.get("paths");
        for (TokenScopes.Call call : TokenScopes.CALLS) {
            var item = paths.get(call.template());
            assertThat(item).as("path %s in the specification", call.template()).isNotNull();
            var operation = item.get(call.method().toLowerCase(Locale.ROOT));
            assertThat(operation).as("%s %s in the specification", call.method(), call.template()).isNotNull();
            Map<String, Object> resource = load(spec.getParent().resolve(operation.get("$ref")));
            assertThat(scopes(resource)).as("%s %s", call.method(), call.template()).contains(call.scope());
        }
    }

    @Test
    void theDocsListEveryScopeAStackNeeds() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/digitalocean.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/digitalocean.md above the working directory").isNotNull();
        String doc = Files.readString(dir.resolve("docs/digitalocean.md"));
        String section = doc.substring(doc.indexOf("### Token scopes"), doc.indexOf("(the control panel adds"));
        var listed = new java.util.TreeSet<String>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z_]+:[a-z_]+)`").matcher(section);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).isEqualTo(TokenScopes.all());
    }

    @Test
    void aGetIsMappedToItsScopeWhateverItsIdsAndQuery() {
        assertThat(TokenScopes.forGet("/v2/vpcs?per_page=200&page=1")).contains("vpc:read");
        assertThat(TokenScopes.forGet("/v2/vpcs/5a4981aa-9653-4bd1-bef5-d6bff52042e4")).contains("vpc:read");
        assertThat(TokenScopes.forGet("/v2/kubernetes/clusters/bd5f5959-5e1e-4205-a714-a914373942af/credentials")).contains("kubernetes:access_cluster");
        assertThat(TokenScopes.forGet("/v2/unknown")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> scopes(Map<String, Object> operation) {
        var security = (List<Map<String, List<String>>>) operation.get("security");
        return security.stream().flatMap(s -> s.getOrDefault("bearer_auth", List.of()).stream()).map(String::strip).toList();
    }

    private static Map<String, Object> load(Path file) throws IOException {
        var options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        try (var in = Files.newInputStream(file)) {
            return new Yaml(options).load(in);
        }
    }
}
