package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.digitalocean.cluster.DoksCluster;
import io.codezero.digitalocean.cluster.DoksClusterHandles;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.Vpc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a later {@code pulumi up} changes, and what a destroy needs, as registered with the engine. */
class DoksClusterChangesTest {

    @Test
    void switchingFromAnAllowlistToAnOpenEndpointTurnsTheFirewallOffExplicitly() {
        // the provider's control_plane_firewall is optional and computed: leaving it out would change nothing
        ClusterSpec open = Fixtures.spec().toBuilder().network(Fixtures.network().apiAccessAllowlist(List.of()).apiOpenToInternet(true).build()).build();
        PlannedResource cluster = Fixtures.run(open, Fixtures.args().build()).get(KubernetesCluster.TYPE, "demo-doks");
        assertThat(cluster.input("controlPlaneFirewall")).isEqualTo(Map.of("enabled", false, "allowedAddresses", List.of()));
    }

    @Test
    void withoutTheFirewallOptInNoFirewallIsAskedFor() {
        ClusterSpec open = Fixtures.spec().toBuilder().network(Fixtures.network().apiAccessAllowlist(List.of()).apiOpenToInternet(true).build()).build();
        PlannedResource cluster = Fixtures.run(open, Fixtures.args().controlPlaneFirewall(false).build()).get(KubernetesCluster.TYPE, "demo-doks");
        assertThat(cluster.inputs()).doesNotContainKey("controlPlaneFirewall");
    }

    @Test
    void anAutoscaledPoolNeverSendsANodeCountThatWouldResetIt() {
        var requests = Registrations.of(Fixtures.spec(), Fixtures.args().build());
        var system = requests.get(KubernetesNodePool.TYPE + "::demo-system");
        assertThat(system.getObject().getFieldsMap()).containsKey("autoScale").doesNotContainKey("nodeCount");
        // ignoreChanges would copy the creation-time count from the state into every later update
        assertThat(system.getIgnoreChangesList()).isEmpty();
    }

    @Test
    void theVpcWaitsHalfAnHourForTheClustersDeletionBeforeGivingUp() {
        var vpc = Registrations.of(Fixtures.spec(), Fixtures.args().build()).get(Vpc.TYPE + "::demo-vpc");
        // a Go duration, as the engine hands it to the provider (which otherwise retries for 2 minutes)
        assertThat(vpc.getCustomTimeouts().getDelete()).isEqualTo(java.time.Duration.ofMinutes(30).toNanos() + "ns");
        assertThat(DoksCluster.VPC_DELETE_TIMEOUT.toMinutes()).isEqualTo(30);
    }

    @Test
    void theProjectWaitsHalfAnHourForItsLastVolumesAndTheClusterToLeaveBeforeGivingUp() {
        // DigitalOcean deletes a project only when empty, and the provider retries that for 3 minutes by default (resource_project.go
        // Timeouts), while the CSI driver deletes a claim's volume after the claim is gone and the cluster leaves in the background
        var project = Registrations.of(Fixtures.spec(), Fixtures.args().build()).get(io.codezero.digitalocean.resources.Project.TYPE + "::demo-project");
        assertThat(project.getCustomTimeouts().getDelete()).isEqualTo(java.time.Duration.ofMinutes(30).toNanos() + "ns");
    }

    @Test
    void projectAndVpcNamesCarryTheStackSoTwoStacksOfOneClusterNameDoNotCollide() {
        OfflineRun dev = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun prod = io.codezero.core.plan.OfflineEngine.create().stack("prod").mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var stack = new com.pulumi.resources.ComponentResource("codezero:index:Platform", "platform",
                    com.pulumi.resources.ComponentResourceOptions.builder().build());
            new DigitalOceanTarget(Fixtures.args().build()).provision(Fixtures.spec(), new io.codezero.core.target.TargetContext("demo", stack));
        });
        assertThat(dev.get(Project.TYPE, "demo-project").input("name")).isEqualTo("demo-dev");
        assertThat(prod.get(Project.TYPE, "demo-project").input("name")).isEqualTo("demo-prod");
        assertThat(dev.get(Vpc.TYPE, "demo-vpc").input("name")).isNotEqualTo(prod.get(Vpc.TYPE, "demo-vpc").input("name"));
        // the preflight recognises this stack's own VPC and project on a later up by this marker
        assertThat(String.valueOf(dev.get(Project.TYPE, "demo-project").input("description"))).contains("codezero-stack:codezero/dev");
        assertThat(String.valueOf(dev.get(Vpc.TYPE, "demo-vpc").input("description"))).contains("codezero-stack:codezero/dev");
    }

    @Test
    void theTargetHandsBackTypedHandles() {
        AtomicReference<DoksClusterHandles> handles = new AtomicReference<>();
        var requests = Registrations.of(Fixtures.spec(), Fixtures.args().build(), cluster -> handles.set(cluster.handles(DoksClusterHandles.class)));
        DoksClusterHandles h = handles.get();
        assertThat(h.nodePools()).hasSize(2);
        assertThat(h.cluster()).isNotNull();
        assertThat(requests).containsKey(KubernetesCluster.TYPE + "::demo-doks");
        assertThat(h.clusterName()).isNotNull();
        assertThat(h.endpoint()).isNotNull();
        assertThat(h.vpcId()).isNotNull();
        assertThat(h.projectId()).isNotNull();
        assertThat(h.clusterUrn()).isNotNull();
    }
}
