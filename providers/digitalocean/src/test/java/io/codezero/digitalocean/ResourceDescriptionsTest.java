package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.TargetContext;
import io.codezero.core.testing.TestPrerequisites;
import io.codezero.digitalocean.prism.PrismServer;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.Vpc;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The VPC and project a stack creates carry its marker in their description, and DigitalOcean refuses a description
 * longer than its models allow at create: with Pulumi's longest project and stack names (100 characters each) and a
 * cluster name of 30 the first {@code up} would stop there. The limits are read from DigitalOcean's API specification, not typed here.
 */
class ResourceDescriptionsTest {
    private static final String LONGEST_PULUMI_NAME = "p".repeat(100);

    /** {@code maxLength} of the {@code description} property of a model file beside the specification's entry point. */
    @SuppressWarnings("unchecked")
    private static int descriptionLimit(String model) throws IOException {
        Path spec = PrismServer.specification();
        TestPrerequisites.require(Files.isRegularFile(spec), "DigitalOcean's OpenAPI specification not found at "
                + spec.toAbsolutePath() + ": set -Dcodezero.do.apispec=<path to DigitalOcean-public.v2.yaml>");
        try (Reader reader = Files.newBufferedReader(spec.resolveSibling(model))) {
            Map<String, Object> schemas = new Yaml().load(reader);
            // the file holds several schemas (base, create, updatable...); one of them declares the description
            return schemas.values().stream().map(schema -> (Map<String, Object>) ((Map<String, Object>) schema).get("properties"))
                    .filter(properties -> properties != null && properties.get("description") instanceof Map)
                    .map(properties -> (Integer) ((Map<String, Object>) properties.get("description")).get("maxLength"))
                    .filter(Objects::nonNull).findFirst()
                    .orElseThrow(() -> new AssertionError("no description maxLength in " + model));
        }
    }

    private static OfflineRun plan(String project, String stack, String cluster) {
        ClusterSpec spec = Fixtures.spec().toBuilder().name(cluster).build();
        return OfflineEngine.create().project(project).stack(stack).mocks(DigitalOceanPlanMocks.create()).run(ctx ->
                new DigitalOceanTarget(Fixtures.args().build()).provision(spec, new TargetContext("demo",
                        new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build()))));
    }

    @Test
    void withPulumisLongestProjectAndStackNamesTheDescriptionsStayWithinDigitalOceansLimitsAndKeepTheMarker() throws IOException {
        int vpcLimit = descriptionLimit("resources/vpcs/models/vpc.yml");
        int projectLimit = descriptionLimit("resources/projects/models/project.yml");
        OfflineRun run = plan(LONGEST_PULUMI_NAME, LONGEST_PULUMI_NAME, "checkout-platform-in-frankfurt");
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        String marker = new StackIdentity(LONGEST_PULUMI_NAME, LONGEST_PULUMI_NAME).marker();
        String vpc = (String) run.get(Vpc.TYPE, "demo-vpc").input("description");
        String project = (String) run.get(Project.TYPE, "demo-project").input("description");
        assertThat(vpc).hasSizeLessThanOrEqualTo(vpcLimit).contains(marker);
        assertThat(project).hasSizeLessThanOrEqualTo(projectLimit).contains(marker);
        assertThat(StackIdentity.DESCRIPTION_MAX).isEqualTo(Math.min(vpcLimit, projectLimit));
    }

    @Test
    void shortNamesKeepTheWordsForPeopleBesideTheMarker() {
        OfflineRun run = plan("shop", "prod", "demo");
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get(Vpc.TYPE, "demo-vpc").input("description")).isEqualTo("Nodes of DOKS cluster demo (codezero-stack:shop/prod)");
        assertThat(run.get(Project.TYPE, "demo-project").input("description"))
                .isEqualTo("DOKS cluster demo and its platform (codezero-stack:shop/prod)");
    }
}
