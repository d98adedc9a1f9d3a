package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A change the provider could apply only by replacing the running cluster (its pod, service or VPC range, its VPC,
 * the built-in pool's Droplet size: ForceNew in terraform-provider-digitalocean v2.96.0, see replace-rules.tsv) is
 * refused before anything registers. The running cluster is the specification's example {@code prod-cluster-01}
 * (pods 10.244.0.0/16, services 10.245.0.0/16, VPC c33931f2-..., whose {@code GET /v2/vpcs/{id}} answers
 * 10.10.10.0/24, pools frontend-pool on s-1vcpu-2gb and backend-pool) as this stack's cluster {@code demo} in fra1.
 */
class RunningClusterReplacementPrismTest {
    private static final BinaryOperator<String> AS_DEMO = (path, body) -> body.replace("prod-cluster-01", "demo")
            .replace("\"web-team\"", "\"codezero-stack:codezero:dev\"")
            .replace("\"nyc1\"", "\"fra1\"").replace("1.18.6-do.0", "1.33.4-do.2");

    private static OfflineRun provision(ClusterSpec spec, DigitalOceanTargetArgs args, BinaryOperator<String> running) throws Exception {
        try (RecordedLayer layer = RecordedLayer.over(PrismServer.require(), Map.of(), running)) {
            // a wait that never sleeps and gives up after four reads: no test here waits for an upgrade
            var target = new DigitalOceanTarget(args, () -> true, () -> new DoApi(layer.base(), ApiToken.of("dop_v1_test", "test"), Map.of()),
                    api -> new io.codezero.digitalocean.cluster.RunningWait(api, java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(15), d -> { }));
            return OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> target.provision(spec,
                    new TargetContext("demo", new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build()))));
        }
    }

    @Test
    void changingTheRunningClustersRangesIsRefusedBeforeTheProviderWouldReplaceIt() throws Exception {
        ClusterSpec moved = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder()
                .podCidr("10.246.0.0/16").serviceCidr("10.247.0.0/16").build()).build();
        OfflineRun run = provision(moved, Fixtures.args().build(), AS_DEMO);
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("network.podCidr = \"10.246.0.0/16\": cannot change on the running cluster: the running cluster's pod range is 10.244.0.0/16",
                "network.serviceCidr", "10.245.0.0/16",
                // the fixtures' VPC range 10.20.0.0/16 against the running VPC's 10.10.10.0/24
                "network.vpcCidr", "10.10.10.0/24", "replace the whole cluster", "Set it back");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
    }

    @Test
    void anotherBuiltInPoolSizeOrAnotherAdoptedVpcIsRefusedToo() throws Exception {
        BinaryOperator<String> withBasePool = (path, body) -> AS_DEMO.apply(path, body).replace("frontend-pool", DigitalOceanTargetArgs.BUILT_IN_POOL)
                .replace("10.10.10.0/24", "10.20.0.0/16");
        OfflineRun run = provision(Fixtures.spec(), Fixtures.args().builtInPoolSize("s-2vcpu-4gb").build(), withBasePool);
        assertThat(run.failure()).contains("digitalocean.builtInPool.size = \"s-2vcpu-4gb\"", "built-in pool's Droplets are s-1vcpu-2gb");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();

        ClusterSpec adopting = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder().vpcCidr(io.codezero.core.spec.NetworkSpec.DEFAULT_VPC_CIDR).build()).build();
        OfflineRun adopted = provision(adopting, Fixtures.args().existingVpcId("5a4981aa-9653-4bd1-bef5-d6bff52042e4").build(), AS_DEMO);
        assertThat(adopted.failure()).contains("digitalocean.vpcId", "nodes are in VPC c33931f2-a26a-4e61-b85c-4e95a2ec431b");
    }

    @Test
    void aClusterStillBeingDeletedAfterADestroyDoesNotHoldTheNextCreate() throws Exception {
        // DigitalOcean deletes clusters in the background: an up right after pulumi destroy may still list the old one
        // the list holds the old cluster, deleting; the new one (read by its id while the kubeconfig waits) runs the new patch
        BinaryOperator<String> deleting = (path, body) -> path.matches("/v2/kubernetes/clusters/[0-9a-f-]{36}")
                ? AS_DEMO.apply(path, body).replace("1.33.4-do.2", "1.33" + DigitalOceanPlanMocks.PLAN_PATCH)
                        .replaceAll("\"state\":\"[a-z]+\"", "\"state\":\"running\"")
                : AS_DEMO.apply(path, body).replaceAll("\"state\":\"[a-z]+\"", "\"state\":\"deleting\"");
        ClusterSpec anew = Fixtures.spec().toBuilder().network(Fixtures.spec().network().toBuilder()
                .podCidr("10.246.0.0/16").serviceCidr("10.247.0.0/16").build()).build();
        OfflineRun run = provision(anew, Fixtures.args().build(), deleting);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        // nothing kept from the old cluster: the newest patch of the minor is looked up for the new one
        assertThat(run.get(io.codezero.digitalocean.resources.KubernetesCluster.TYPE, "demo-doks").input("version"))
                .isEqualTo("1.33" + DigitalOceanPlanMocks.PLAN_PATCH);
    }

    @Test
    void theRunningClustersOwnSettingsPlanAsBefore() throws Exception {
        BinaryOperator<String> same = (path, body) -> AS_DEMO.apply(path, body).replace("10.10.10.0/24", "10.20.0.0/16");
        OfflineRun run = provision(Fixtures.spec(), Fixtures.args().build(), same);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
    }
}
