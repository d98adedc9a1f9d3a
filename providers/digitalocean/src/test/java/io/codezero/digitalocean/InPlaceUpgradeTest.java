package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.SizeClass;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.ProjectResources;
import io.codezero.digitalocean.resources.Vpc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
     */
    static final Map<String, List<String>> REPLACE_ON_CHANGE = Map.of(
            KubernetesCluster.TYPE, List.of("region", "vpcUuid", "workerSubnetUuid", "clusterSubnet", "serviceSubnet", "nodePool.size"),
            KubernetesNodePool.TYPE, List.of("clusterId", "size"),
            Vpc.TYPE, List.of("region", "ipRange"),
            Project.TYPE, List.of(),
            ProjectResources.TYPE, List.of("project"));

    @Test
    void aKubernetesVersionUpgradeChangesOnlyTheClustersVersion() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        Map<String, Set<String>> changed = assertInPlace(before, after);
        // DOKS upgrades the control plane and then every pool (surge upgrades) from the one cluster version
        assertThat(changed).containsOnlyKeys(KubernetesCluster.TYPE + "::demo-doks");
        assertThat(changed.get(KubernetesCluster.TYPE + "::demo-doks")).containsExactly("version");
        assertThat(after.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.34.0-do.0");
    }

    @Test
    void resizingAPoolChangesOnlyItsScaling() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 4, 10), Fixtures.args().build());
        Map<String, Set<String>> changed = assertInPlace(before, after);
        assertThat(changed).containsOnlyKeys(KubernetesNodePool.TYPE + "::demo-system");
        assertThat(changed.get(KubernetesNodePool.TYPE + "::demo-system")).containsExactlyInAnyOrder("nodeCount", "maxNodes");
    }

    @Test
    void theSameProgramTwiceRegistersIdenticalInputs() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(assertInPlace(first, second)).isEmpty();
    }

    @Test
    void theReplacementTableCatchesAChangeThatWouldReplace() {
        // guards the guard: a different Droplet size for a class must show up as a replacing difference
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec(), Fixtures.args().dropletSize(SizeClass.MEDIUM, "s-4vcpu-8gb").build());
        PlannedResource a = before.get(KubernetesNodePool.TYPE, "demo-system");
        PlannedResource b = after.get(KubernetesNodePool.TYPE, "demo-system");
        assertThat(replacementInputs(a)).isNotEqualTo(replacementInputs(b));
        // and the built-in pool's size replaces the whole cluster, which is why it stays fixed
        OfflineRun bigger = Fixtures.run(Fixtures.spec(), Fixtures.args().builtInPoolSize("s-4vcpu-8gb").build());
        assertThat(replacementInputs(bigger.get(KubernetesCluster.TYPE, "demo-doks")))
                .isNotEqualTo(replacementInputs(before.get(KubernetesCluster.TYPE, "demo-doks")));
    }

    @Test
    void resizingThePoolsNeverTouchesTheBuiltInPool() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 5, 20), Fixtures.args().build());
        assertThat(after.get(KubernetesCluster.TYPE, "demo-doks").input("nodePool"))
                .isEqualTo(before.get(KubernetesCluster.TYPE, "demo-doks").input("nodePool"));
    }

    /** Asserts nothing would be replaced, created or deleted; returns the changed input paths per resource. */
    private static Map<String, Set<String>> assertInPlace(OfflineRun before, OfflineRun after) {
        assertThat(before.succeeded()).as(before.failure()).isTrue();
        assertThat(after.succeeded()).as(after.failure()).isTrue();
        Map<String, PlannedResource> old = byUrn(before);
        Map<String, PlannedResource> now = byUrn(after);
        assertThat(now.keySet()).as("same resources, same names: nothing created or deleted").isEqualTo(old.keySet());

        Set<String> registeredTypes = now.values().stream().filter(r -> r.custom() && !r.isProvider() && r.packageName().equals("digitalocean"))
                .map(PlannedResource::type).collect(Collectors.toCollection(TreeSet::new));
        assertThat(REPLACE_ON_CHANGE.keySet()).as("every registered type has its replace-on-change inputs listed").containsAll(registeredTypes);

        Map<String, Set<String>> changed = new TreeMap<>();
        for (var entry : now.entrySet()) {
            PlannedResource a = old.get(entry.getKey());
            PlannedResource b = entry.getValue();
            if (!b.custom() || b.isProvider()) {
                continue;
            }
            assertThat(replacementInputs(b)).as("replace-on-change inputs of " + b).isEqualTo(replacementInputs(a));
            if (b.type().equals(KubernetesCluster.TYPE)) {
                assertThat(versionNotLowered(a, b)).as("a lower version would replace the cluster").isTrue();
            }
            Set<String> diff = diff(flatten(a.inputs()), flatten(b.inputs()));
            if (!diff.isEmpty()) {
                changed.put(b.type() + "::" + b.name(), diff);
            }
        }
        return changed;
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

    private static Map<String, Object> replacementInputs(PlannedResource r) {
        Map<String, Object> out = new TreeMap<>();
        for (String path : REPLACE_ON_CHANGE.getOrDefault(r.type(), List.of())) {
            out.put(path, r.input(path));
        }
        return out;
    }

    private static Map<String, PlannedResource> byUrn(OfflineRun run) {
        Map<String, PlannedResource> out = new LinkedHashMap<>();
        run.resources().forEach(r -> out.put(r.urn(), r));
        return out;
    }

    private static Set<String> diff(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(k -> !Objects.equals(a.get(k), b.get(k))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> flatten(Map<String, Object> inputs) {
        Map<String, Object> out = new TreeMap<>();
        flatten("", inputs, out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "." + i, list.get(i), out);
            }
        } else {
            out.put(prefix, value);
        }
    }
}
