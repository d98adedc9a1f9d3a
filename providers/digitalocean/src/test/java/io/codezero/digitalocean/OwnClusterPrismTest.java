package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.TargetContext;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.prism.PrismServer;
import io.codezero.digitalocean.prism.RecordedLayer;
import io.codezero.digitalocean.resources.KubernetesCluster;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The running cluster the program keeps the version of and holds changes against is this stack's, found by the stack's
 * tag on the cluster ({@code codezero-stack:<project>:<stack>}), not by name and region alone: another Pulumi project or
 * stack of the account may run a cluster of the same name in the same region. The clusters are the specification's
 * example {@code prod-cluster-01} (pods 10.244.0.0/16) renamed {@code demo} in fra1, served by Prism.
 */
class OwnClusterPrismTest {
    /** The offline engine's project and stack ({@code codezero}/{@code dev}). */
    private static final StackIdentity ME = new StackIdentity("codezero", "dev");

    /**
     * The example cluster list, as {@code demo} in fra1, holding one copy per (tag, version) given; a cluster read by
     * its id (the wait for the one the program created or updated) runs {@code runs}.
     */
    private static BinaryOperator<String> clusters(String runs, List<String[]> tagAndVersion) {
        return (path, body) -> {
            String renamed = body.replace("prod-cluster-01", "demo").replace("\"nyc1\"", "\"fra1\"");
            if (!path.equals("/v2/kubernetes/clusters")) {
                return renamed.replace("1.18.6-do.0", runs).replace("10.10.10.0/24", "10.20.0.0/16"); // the fixtures' VPC range
            }
            JsonObject list = JsonParser.parseString(renamed).getAsJsonObject();
            JsonObject example = list.getAsJsonArray("kubernetes_clusters").get(0).getAsJsonObject();
            JsonArray out = new JsonArray();
            int n = 0;
            for (String[] tv : tagAndVersion) {
                JsonObject copy = example.deepCopy();
                copy.addProperty("id", "bd5f5959-5e1e-4205-a714-a9143739420" + n++);
                copy.addProperty("version", tv[1]);
                JsonArray tags = new JsonArray();
                tags.add("k8s");
                tags.add(tv[0]);
                copy.add("tags", tags);
                out.add(copy);
            }
            list.add("kubernetes_clusters", out);
            return list.toString();
        };
    }

    private static OfflineRun provision(ClusterSpec spec, BinaryOperator<String> answers) throws Exception {
        try (RecordedLayer layer = RecordedLayer.over(PrismServer.require(), Map.of(), answers)) {
            var target = new DigitalOceanTarget(Fixtures.args().build(), () -> true,
                    () -> new DoApi(layer.base(), ApiToken.of("dop_v1_test", "test"), Map.of()),
                    api -> new io.codezero.digitalocean.cluster.RunningWait(api, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(15), d -> { }));
            return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> target.provision(spec,
                    new TargetContext("demo", new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build()))));
        }
    }

    private static ClusterSpec movedRanges() {
        return Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder().podCidr("10.246.0.0/16").serviceCidr("10.247.0.0/16").build()).build();
    }

    @Test
    void aClusterOfTheSameNameAndRegionTaggedForAnotherStackIsNotTaken() throws Exception {
        // another stack's demo in fra1: its version is not kept and its ranges do not hold this stack's create
        OfflineRun run = provision(movedRanges(), clusters("1.33" + DigitalOceanPlanMocks.PLAN_PATCH, List.<String[]>of(new String[] {"codezero-stack:codezero:prod", "1.33.4-do.2"})));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.33" + DigitalOceanPlanMocks.PLAN_PATCH);
    }

    @Test
    void amongClustersOfTheSameNameTheOneTaggedForThisStackIsKept() throws Exception {
        OfflineRun run = provision(Fixtures.spec(), clusters("1.33.4-do.2", List.of(new String[] {"codezero-stack:codezero:prod", "1.33.1-do.0"},
                new String[] {ME.clusterTag(), "1.33.4-do.2"})));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.33.4-do.2");
        // and it is held to its ranges: moving them would replace it
        OfflineRun moved = provision(movedRanges(), clusters("1.33.4-do.2", List.of(new String[] {"codezero-stack:codezero:prod", "1.33.1-do.0"},
                new String[] {ME.clusterTag(), "1.33.4-do.2"})));
        assertThat(moved.failure()).contains("network.podCidr", "cannot change on the running cluster");
    }

    @Test
    void aClusterMadeBeforeStackTagsIsThisStacksOnlyIfItSitsInTheStacksProject() throws Exception {
        // an untagged demo in fra1 (as CodeZero made clusters before the stack tag); the specification's example project
        // my-web-api stands in for this stack's project demo-dev (name and marker), holding a Droplet and a domain only
        BinaryOperator<String> elsewhere = withProject(clusters("1.33" + DigitalOceanPlanMocks.PLAN_PATCH,
                List.<String[]>of(new String[] {"production", "1.33.4-do.2"})), "do:droplet:13457723");
        OfflineRun notOurs = provision(movedRanges(), elsewhere);
        assertThat(notOurs.succeeded()).as(notOurs.failure()).isTrue();
        assertThat(notOurs.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.33" + DigitalOceanPlanMocks.PLAN_PATCH);
        // the same cluster assigned to the stack's project is this stack's: its version is kept (and the next up tags it)
        BinaryOperator<String> inProject = withProject(clusters("1.33.4-do.2", List.<String[]>of(new String[] {"production", "1.33.4-do.2"})),
                "do:kubernetes:bd5f5959-5e1e-4205-a714-a91437394200");
        OfflineRun ours = provision(Fixtures.spec(), inProject);
        assertThat(ours.succeeded()).as(ours.failure()).isTrue();
        assertThat(ours.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.33.4-do.2");
    }

    /** The example project my-web-api as this stack's project demo-dev; its resources example's Droplet becomes {@code urn}. */
    private static BinaryOperator<String> withProject(BinaryOperator<String> clusters, String urn) {
        return (path, body) -> path.startsWith("/v2/projects")
                ? body.replace("\"my-web-api\"", "\"" + ME.projectName("demo") + "\"").replace("My website API", "DOKS cluster demo (" + ME.marker() + ")")
                        .replace("do:droplet:13457723", urn)
                : clusters.apply(path, body);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterCarriesTheStacksTagSoALaterRunFindsIt() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(ME.clusterTag()).isEqualTo("codezero-stack:codezero:dev");
        assertThat((List<Object>) run.get(KubernetesCluster.TYPE, "demo-doks").input("tags")).contains(ME.clusterTag());
    }
}
