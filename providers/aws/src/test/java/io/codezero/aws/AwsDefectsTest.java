package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocks;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 23 items 13-15 and issue 20 item 15 (zoneCount against availabilityZones). */
@SuppressWarnings("unchecked")
class AwsDefectsTest {

    @Test
    void zonesAreLookedUpAmongRegularAvailabilityZonesOnly() {
        List<Map<String, Object>> calls = new ArrayList<>();
        PlanMocks mocks = AwsPlanMocks.create();
        mocks.invoke("aws:index/getAvailabilityZones:getAvailabilityZones", call -> {
            calls.add(call.args);
            return Map.of("id", "eu-west-1", "names", List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                    "zoneIds", List.of("euw1-az1", "euw1-az2", "euw1-az3"), "groupNames", List.of("eu-west-1"));
        });
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), mocks, (c, p) -> { });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsEntry("state", "available");
        assertThat((List<Map<String, Object>>) calls.get(0).get("filters"))
                .containsExactly(Map.of("name", "zone-type", "values", List.of("availability-zone")));
    }

    @Test
    void subnetsKeepTheZoneTheyWereCreatedInWhenZonesAreLookedUp() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.ofType("aws:ec2/subnet:Subnet")).hasSize(6).allSatisfy(s -> assertThat(s.ignoreChanges()).containsExactly("availabilityZone"));
        // zones the user names are the user's: renaming one is a deliberate move
        OfflineRun named = Fixtures.run(Fixtures.spec(), Fixtures.args().availabilityZones(List.of("eu-west-1a", "eu-west-1b")).build());
        assertThat(named.succeeded()).as(named.failure()).isTrue();
        assertThat(named.ofType("aws:ec2/subnet:Subnet")).hasSize(4).allSatisfy(s -> assertThat(s.ignoreChanges()).isEmpty());
    }

    @Test
    void theClusterStaysOnStandardSupportUnlessExtendedIsAskedFor() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.get("aws:eks/cluster:Cluster", "demo-eks").input("upgradePolicy.supportType")).isEqualTo("STANDARD");
        OfflineRun extended = Fixtures.run(Fixtures.spec(), Fixtures.args().supportType("EXTENDED").build());
        assertThat(extended.get("aws:eks/cluster:Cluster", "demo-eks").input("upgradePolicy.supportType")).isEqualTo("EXTENDED");
        assertThat(new AwsTarget(Fixtures.args().supportType("extended-please").build()).validate(Fixtures.spec()))
                .extracting(Problem::field).containsExactly("aws.supportType");
    }

    @Test
    void gpuTypesWithoutAMatchingAmiAreRefusedAndOthersMapped() {
        for (String type : List.of("g4ad.xlarge", "g5g.2xlarge")) {
            ClusterSpec spec = ClusterSpec.builder("demo").kubernetesVersion("1.33")
                    .network(io.codezero.core.spec.NetworkSpec.builder().allowApiAccessFrom(Fixtures.ALLOWED).build())
                    .nodePool(NodePool.builder("gpu").machineType(type).scaling(1, 1, 2).build()).build();
            assertThat(new AwsTarget(Fixtures.args().build()).validate(spec)).as(type)
                    .anySatisfy(p -> assertThat(p.field()).isEqualTo("nodePools[0].size"));
        }
        assertThat(new AwsTarget(Fixtures.args().instanceType(SizeClass.GPU, "g5g.xlarge").build()).validate(Fixtures.spec()))
                .anySatisfy(p -> assertThat(p.message()).contains("ARM"));
        assertThat(InstanceTypes.amiTypeFor("g5.2xlarge")).isEqualTo("AL2023_x86_64_NVIDIA");
        assertThat(InstanceTypes.amiTypeFor("gr6.4xlarge")).isEqualTo("AL2023_x86_64_NVIDIA");
        assertThat(InstanceTypes.amiTypeFor("inf2.xlarge")).isEqualTo("AL2023_x86_64_NEURON");
        assertThat(InstanceTypes.amiTypeFor("a1.large")).isEqualTo("AL2023_ARM_64_STANDARD");
        assertThat(InstanceTypes.amiTypeFor("m7g.large")).isEqualTo("AL2023_ARM_64_STANDARD");
    }

    @Test
    void aZoneCountThatDisagreesWithTheNamedZonesIsAProblem() {
        var problems = new AwsTarget(Fixtures.args().zoneCount(3).availabilityZones(List.of("eu-west-1a", "eu-west-1b")).build())
                .validate(Fixtures.spec());
        assertThat(problems).extracting(Problem::field).containsExactly("aws.zoneCount");
        assertThat(problems.get(0).message()).contains("names 2 zones");
        assertThat(new AwsTarget(Fixtures.args().zoneCount(2).availabilityZones(List.of("eu-west-1a", "eu-west-1b")).build())
                .validate(Fixtures.spec())).isEmpty();
    }
}
