package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.testing.InPlaceUpdates;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.ProjectResources;
import io.codezero.digitalocean.resources.Vpc;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Changing the Kubernetes version or pool sizes must update resources in place. Two programs that
 * differ only in that are planned; for every resource, the inputs whose change makes the provider
 * replace it must be identical, and only version or scaling inputs may differ.
 */
class InPlaceUpgradeTest {

    /**
     * Inputs that force replacement, per type: ForceNew in the Terraform schema the DigitalOcean
     * provider is bridged from (terraform-provider-digitalocean v2.96.0, which pulumi-digitalocean
     * 4.76.0 wraps): kubernetes/resource_kubernetes_cluster.go (region, vpc_uuid, worker_subnet_uuid,
     * cluster_subnet, service_subnet; version only when lowered, a CustomizeDiff rule), the built-in
     * pool's size through kubernetes/kubernetes.go nodePoolSchema (size ForceNew inside the cluster's
     * node_pool block, so it replaces the cluster), kubernetes/resource_kubernetes_node_pool.go
     * (cluster_id, size), vpc/resource_vpc.go (region, ip_range),
     * project/resource_project_resources.go (project); resource_project.go has none.
     * {@link ProviderReplaceRulesTest} holds this table to the rules extracted from that source
     * (src/test/resources/provider-rules/replace-rules.tsv).
     */
    static final Map<String, List<String>> REPLACE_ON_CHANGE = Map.of(
            KubernetesCluster.TYPE, List.of("region", "vpcUuid", "workerSubnetUuid", "clusterSubnet", "serviceSubnet", "nodePool.size"),
            KubernetesNodePool.TYPE, List.of("clusterId", "size"),
            Vpc.TYPE, List.of("region", "ipRange"),
            Project.TYPE, List.of(),
            ProjectResources.TYPE, List.of("project"));

    private static final InPlaceUpdates UPDATES = InPlaceUpdates.of(REPLACE_ON_CHANGE)
            .listing(r -> r.packageName().equals("digitalocean"))
            .alsoChecking((a, b) -> {
                if (b.type().equals(KubernetesCluster.TYPE)) {
                    assertThat(versionNotLowered(a, b)).as("a lower version would replace the cluster").isTrue();
                }
            });

    @Test
    void aKubernetesVersionUpgradeChangesOnlyTheClustersVersion() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        // DOKS upgrades the control plane and then every pool (surge upgrades) from the one cluster version
        assertThat(changed).containsOnlyKeys(KubernetesCluster.TYPE + "::demo-doks");
        assertThat(changed.get(KubernetesCluster.TYPE + "::demo-doks")).containsExactly("version");
        assertThat(after.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.34.0-do.0");
    }

    @Test
    void resizingAPoolChangesOnlyItsScaling() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 4, 10), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        assertThat(changed).containsOnlyKeys(KubernetesNodePool.TYPE + "::demo-system");
        assertThat(changed.get(KubernetesNodePool.TYPE + "::demo-system")).containsExactly("maxNodes");
    }

    @Test
    void theSameProgramTwiceRegistersIdenticalInputs() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(UPDATES.assertInPlace(first, second)).isEmpty();
    }

    @Test
    void theReplacementTableCatchesAChangeThatWouldReplace() {
        // guards the guard: a different Droplet size for a class must show up as a replacing difference
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec(), Fixtures.args().dropletSize(SizeClass.MEDIUM, "s-4vcpu-8gb").build());
        PlannedResource a = before.get(KubernetesNodePool.TYPE, "demo-system");
        PlannedResource b = after.get(KubernetesNodePool.TYPE, "demo-system");
        assertThat(UPDATES.replacementInputs(a)).isNotEqualTo(UPDATES.replacementInputs(b));
        // and the built-in pool's size replaces the whole cluster, which is why it stays fixed
        OfflineRun bigger = Fixtures.run(Fixtures.spec(), Fixtures.args().builtInPoolSize("s-4vcpu-8gb").build());
        assertThat(UPDATES.replacementInputs(bigger.get(KubernetesCluster.TYPE, "demo-doks")))
                .isNotEqualTo(UPDATES.replacementInputs(before.get(KubernetesCluster.TYPE, "demo-doks")));
    }

    @Test
    void resizingThePoolsNeverTouchesTheBuiltInPool() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 5, 20), Fixtures.args().build());
        assertThat(after.get(KubernetesCluster.TYPE, "demo-doks").input("nodePool"))
                .isEqualTo(before.get(KubernetesCluster.TYPE, "demo-doks").input("nodePool"));
    }


    private static boolean versionNotLowered(PlannedResource before, PlannedResource after) {
        return compare(String.valueOf(after.input("version")), String.valueOf(before.input("version"))) >= 0;
    }

    private static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i].matches("\\d+") && y[i].matches("\\d+")) {
                int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
                if (c != 0) {
                    return c;
                }
            }
        }
        return 0;
    }





}
