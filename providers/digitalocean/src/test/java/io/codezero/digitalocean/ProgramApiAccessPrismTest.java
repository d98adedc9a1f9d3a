package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.target.TargetContext;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.prism.PrismServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the real engine the program reads the running cluster even with the preflight off, so a {@code pulumi preview}
 * without a token (a CI job without secrets) or with a refused one must stop with one problem that says why a token is
 * needed and where it goes, before anything registers, never with a stack trace.
 */
class ProgramApiAccessPrismTest {

    private static OfflineRun provision(Supplier<DoApi> api) {
        var target = new DigitalOceanTarget(Fixtures.args().build(), () -> true, api);
        return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> target.provision(Fixtures.spec(),
                new TargetContext("demo", new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build()))));
    }

    @Test
    void aPreviewWithoutAnyTokenIsOneProblemSayingWhyAndWhereTheTokenGoes(@TempDir Path home) {
        // no environment, no token file, no digitalocean:token in the stack's config
        OfflineRun run = provision(() -> new DoApi(DoApi.PRODUCTION,
                ApiToken.requiredForProgram(null, Map.of(), home, key -> Optional.empty()), Map.of()));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("digitalocean:token = <missing>", "also with preflight off", "export DIGITALOCEAN_TOKEN",
                "pulumi config set --secret digitalocean:token").doesNotContain("IllegalStateException");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
    }

    @Test
    void aRefusedTokenIsAProblemNamingWhereItCameFrom() {
        // the specification's 401 answer to GET /v2/kubernetes/clusters
        PrismServer prism = PrismServer.require();
        OfflineRun run = provision(() -> new DoApi(prism.base(), ApiToken.of("dop_v1_revoked", "$DIGITALOCEAN_TOKEN"), Map.of())
                .withHeader("Prefer", "code=401"));
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("digitalocean:token = \"$DIGITALOCEAN_TOKEN\"", "refused the token", "401", "read access to Kubernetes")
                .doesNotContain("dop_v1_revoked", "IllegalStateException");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
    }
}
