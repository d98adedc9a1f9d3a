package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Google Cloud rule gives a problem with the field path, the bad value and the fix; good input gives none. */
class GcpValidatorTest {

    private static List<Problem> problems(ClusterSpec spec, GcpTargetArgs args) {
        return GcpValidator.validate(spec, args);
    }

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void theFixturesAreValid() {
        assertThat(problems(Fixtures.spec(), Fixtures.args().build())).isEmpty();
    }

    @Test
    void projectAndRegionAreRequiredAndWellFormed() {
        assertThat(fields(problems(Fixtures.spec(), GcpTargetArgs.builder().build()))).contains("gcp.project", "gcp.region");
        List<Problem> bad = problems(Fixtures.spec(), GcpTargetArgs.builder().project("My Project").region("europe-west1-b").build());
        assertThat(bad).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("gcp.project");
            assertThat(p.value()).isEqualTo("My Project");
            assertThat(p.message()).contains("6-30 lowercase");
        });
        assertThat(bad).anySatisfy(p -> assertThat(p.message()).contains("a zone such as europe-west1-b is not a region"));
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().project("12345").build()))).contains("gcp.project");
    }

    @Test
    void zonesMustBelongToTheRegionOnce() {
        List<Problem> found = problems(Fixtures.spec(), Fixtures.args().zones(List.of("europe-west1-b", "us-east1-b", "europe-west1-b")).build());
        assertThat(fields(found)).containsExactly("gcp.zones[1]", "gcp.zones[2]");
        assertThat(found.get(0).message()).contains("not a zone of region europe-west1");
        assertThat(found.get(1).message()).contains("listed twice");
    }

    @Test
    void tagsMustBeGoogleCloudLabelsAndAreNeverRewritten() {
        ClusterSpec spec = Fixtures.spec().toBuilder().tag("CostCenter", "Finance Team").tag("goog-x", "1").tag("managed-by", "me").build();
        List<Problem> found = problems(spec, Fixtures.args().build());
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("tags.CostCenter");
            assertThat(p.value()).isEqualTo("CostCenter");
            assertThat(p.message()).contains("lowercase").contains("for example 'costcenter'");
        });
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("tags.CostCenter");
            assertThat(p.value()).isEqualTo("Finance Team");
            assertThat(p.message()).contains("for example 'finance-team'");
        });
        assertThat(found).anySatisfy(p -> assertThat(p.message()).contains("reserved by Google Cloud"));
        assertThat(found).anySatisfy(p -> assertThat(p.message()).contains("set by CodeZero"));
    }

    @Test
    void poolsNeedMachineTypesGkeKnowsAndShortEnoughNames() {
        ClusterSpec spec = ClusterSpec.builder("demo").network(NetworkSpec.builder().allowApiAccessFrom(Fixtures.ALLOWED).build())
                .nodePool(NodePool.builder("a").machineType("m6i.xlarge").build())
                .nodePool(NodePool.builder("b").size(SizeClass.GPU).scaling(0, 0, 1).build())
                .nodePool(NodePool.builder("c".repeat(36)).build())
                .build();
        List<Problem> found = problems(spec, Fixtures.args().machineType(SizeClass.GPU, "n2-standard-8").build());
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("nodePools[0].size");
            assertThat(p.message()).contains("not a Compute Engine machine type");
        });
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("nodePools[1].size");
            assertThat(p.message()).contains("accelerator-optimized");
        });
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("nodePools[2].name");
            assertThat(p.message()).contains("at most 35");
        });
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().machineType(SizeClass.SMALL, "Big Box").build())))
                .contains("gcp.machineTypes.small");
    }

    @Test
    void theControlPlaneNeedsAnAllowlistOrAPrivateEndpoint() {
        ClusterSpec open = Fixtures.spec().toBuilder().network(NetworkSpec.defaults()).build();
        assertThat(problems(open, Fixtures.args().build())).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("network.apiAccessAllowlist");
            assertThat(p.message()).contains("whole internet");
        });
        ClusterSpec v6 = Fixtures.spec().toBuilder().network(NetworkSpec.builder().allowApiAccessFrom("2001:db8::/48").build()).build();
        assertThat(fields(problems(v6, Fixtures.args().build()))).contains("network.apiAccessAllowlist[0]");
        ClusterSpec privateEndpointPublicNodes = Fixtures.spec().toBuilder()
                .network(NetworkSpec.builder().privateApiOnly(true).privateNodes(false).build()).build();
        assertThat(fields(problems(privateEndpointPublicNodes, Fixtures.args().build()))).contains("network.privateApiOnly");
    }

    @Test
    void theMasterRangeIsAPrivateSlash28OutsideTheNetwork() {
        assertThat(problems(Fixtures.spec(), Fixtures.args().masterCidr("172.16.0.0/24").build()))
                .anySatisfy(p -> assertThat(p.message()).contains("/28"));
        assertThat(problems(Fixtures.spec(), Fixtures.args().masterCidr("8.8.8.0/28").build()))
                .anySatisfy(p -> assertThat(p.message()).contains("RFC 1918"));
        assertThat(problems(Fixtures.spec(), Fixtures.args().masterCidr("10.0.5.0/28").build()))
                .anySatisfy(p -> assertThat(p.message()).contains("overlaps network.vpcCidr"));
    }

    @Test
    void adoptionNeedsBothNamesAndIgnoresNoSpecRange() {
        List<Problem> half = problems(Fixtures.spec(), Fixtures.args().existingNetwork("shared").build());
        assertThat(fields(half)).contains("gcp.network.subnetwork");
        ClusterSpec withRanges = Fixtures.spec().toBuilder()
                .network(NetworkSpec.builder().allowApiAccessFrom(Fixtures.ALLOWED).podCidr("10.64.0.0/14").build()).build();
        List<Problem> found = problems(withRanges, Fixtures.args().existingNetwork("shared")
                .existingSubnetwork("projects/acme-net-host/regions/us-east1/subnetworks/nodes").build());
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("network.podCidr");
            assertThat(p.message()).contains("no effect with an adopted network");
        });
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("gcp.network.subnetwork");
            assertThat(p.message()).contains("is in region us-east1");
        });
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().podRangeName("Pods!").build()))).contains("gcp.network.podRangeName");
    }

    @Test
    void upgradeSettingsKmsKeyDisksAndMaintenanceAreChecked() {
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().maxSurge(0).maxUnavailable(0).build()))).contains("gcp.upgrades");
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().maxSurge(15).maxUnavailable(10).build()))).contains("gcp.upgrades");
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().blueGreenSoak("1h").build()))).contains("gcp.upgrades.blueGreenSoak");
        assertThat(problems(Fixtures.spec(), Fixtures.args().kmsKeyName("projects/acme-sec/locations/us/keyRings/r/cryptoKeys/k").build()))
                .anySatisfy(p -> assertThat(p.message()).contains("cluster's region europe-west1"));
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().kmsKeyName("alias/gke").build()))).contains("gcp.kmsKeyName");
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().diskSizeGb(5).diskType("pd-extreme").build())))
                .contains("gcp.diskSizeGb", "gcp.diskType");
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().maintenanceWindow("2025-01-04T08:00:00Z", "2025-01-04T02:00:00Z", "weekly").build())))
                .contains("gcp.maintenance.end", "gcp.maintenance.recurrence");
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().noMinorUpgrades("tomorrow", null).build())))
                .contains("gcp.maintenance.noMinorUpgrades.start", "gcp.maintenance.noMinorUpgrades.end");
        assertThat(fields(problems(Fixtures.spec(), Fixtures.args().tokenCommand(List.of()).build()))).contains("gcp.tokenCommand");
    }

    @Test
    void aMaintenanceWindowMustKeepGkesFortyEightHoursInAny32DaysAndFourHoursEach() {
        // the default (Saturday and Sunday, 02:00-08:00) gives exactly 4 x 2 x 6 h = 48 h
        assertThat(problems(Fixtures.spec(), Fixtures.args().build())).isEmpty();
        List<Problem> short3h = problems(Fixtures.spec(), Fixtures.args()
                .maintenanceWindow("2025-01-04T02:00:00Z", "2025-01-04T05:00:00Z", "FREQ=DAILY").build());
        assertThat(short3h).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("gcp.maintenance");
            assertThat(p.message()).contains("a window of 3 h").contains("at least 4 hours");
        });
        List<Problem> sundaysOnly = problems(Fixtures.spec(), Fixtures.args()
                .maintenanceWindow("2025-01-05T02:00:00Z", "2025-01-05T08:00:00Z", "FREQ=WEEKLY;BYDAY=SU").build());
        assertThat(sundaysOnly).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("gives 24 h of maintenance in the least favourable 32 days (4 windows of 6 h); GKE needs at least 48 hours in any 32 days: "
                        + "make the windows longer or more frequent"));
        assertThat(problems(Fixtures.spec(), Fixtures.args()
                .maintenanceWindow("2025-01-05T00:00:00Z", "2025-01-05T12:00:00Z", "FREQ=WEEKLY;BYDAY=SU").build())).isEmpty();
    }

    @Test
    void noMinorUpgradesNeedsAReleaseChannel() {
        List<Problem> found = problems(Fixtures.spec(), Fixtures.args().releaseChannel(ReleaseChannel.UNSPECIFIED)
                .noMinorUpgrades("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z").build());
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("gcp.maintenance.noMinorUpgrades");
            assertThat(p.message()).startsWith("needs a release channel");
        });
        assertThat(problems(Fixtures.spec(), Fixtures.args().noMinorUpgrades("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z").build())).isEmpty();
    }

    @Test
    void thePodRangeAndNodeSubnetMustHoldEveryNodeThePoolsMayReach() {
        // GKE: a /24 of the pod range per node (110 pods, its default) and one subnet address; 4 subnet addresses reserved
        ClusterSpec spec = ClusterSpec.builder("demo").kubernetesVersion("1.34")
                .network(NetworkSpec.builder().vpcCidr("10.0.0.0/28").podCidr("10.100.0.0/22").allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, 3, 10).build())
                .build();
        List<Problem> found = problems(spec, Fixtures.args().build());
        // 10 nodes at maxNodes + 1 surge node in each of GKE's 3 zones = 13
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("network.podCidr");
            assertThat(p.value()).isEqualTo("10.100.0.0/22");
            assertThat(p.message()).isEqualTo("holds pod ranges for 4 nodes (GKE gives each node a /24 for its 110 pods), but the pools reach 13 nodes"
                    + " at maxNodes with upgrade surge; use a /20 or larger, or lower maxNodes");
        });
        assertThat(found).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("network.vpcCidr");
            assertThat(p.message()).isEqualTo("has 12 addresses for nodes (Google reserves 4 of every subnet), but the pools reach 13 nodes at maxNodes with upgrade surge; use a /27 or larger, or lower maxNodes");
        });
        // blue-green doubles a pool while it upgrades
        ClusterSpec tight = spec.toBuilder().network(spec.network().toBuilder().vpcCidr("10.0.0.0/24").podCidr("10.100.0.0/20").build()).build();
        assertThat(problems(tight, Fixtures.args().build())).isEmpty();
        assertThat(problems(tight.toBuilder().nodePool(NodePool.builder("batch").size(SizeClass.SMALL).scaling(0, 0, 4).build()).build(),
                Fixtures.args().upgradeStrategy(UpgradeStrategy.BLUE_GREEN).build())).extracting(Problem::field).containsExactly("network.podCidr");
    }
}
