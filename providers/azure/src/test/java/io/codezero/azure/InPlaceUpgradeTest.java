package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.azure.cluster.AgentPools;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.testing.InPlaceUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Changing the Kubernetes version or the pool sizes must update resources in place. Two programs
 * that differ only in that are run; for every resource, the inputs whose change makes the provider
 * replace the resource must be identical, and only version or scaling inputs may differ.
 */
class InPlaceUpgradeTest {

    /**
     * Inputs that force replacement, per type: the pinned provider's own rules as extracted into
     * {@link ProviderReplaceRules#RESOURCE} (path parameters and azure-native 2.10.0's forceNewMap),
     * plus, for agent pools, the inputs we tell the engine to replace on
     * ({@link AgentPools#REPLACE_ON_CHANGE}). Create-only properties marked with x-ms-mutability are
     * not enumerated; the tests also assert that nothing but version and scaling inputs changes at all.
     */
    static final Map<String, List<String>> REPLACE_ON_CHANGE = replaceOnChange();

    private static Map<String, List<String>> replaceOnChange() {
        Map<String, List<String>> rules = new java.util.LinkedHashMap<>(ProviderReplaceRules.byType());
        rules.put("azure-native:containerservice:AgentPool", Stream.concat(rules.get("azure-native:containerservice:AgentPool").stream(),
                AgentPools.REPLACE_ON_CHANGE.stream()).toList());
        return Map.copyOf(rules);
    }

    private static final InPlaceUpdates UPDATES = InPlaceUpdates.of(REPLACE_ON_CHANGE).listing(r -> r.type().startsWith("azure-native:"));

    @Test
    void aKubernetesVersionUpgradeChangesOnlyVersionInputs() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        assertThat(before.ofType("azure-native:containerservice:AgentPool")).as("the comparison covers the pools").hasSize(2);
        // the upgrade reaches the control plane, the system pool and every agent pool, and nothing else
        assertThat(changed).containsOnlyKeys("azure-native:containerservice:ManagedCluster::demo-aks",
                "azure-native:containerservice:AgentPool::demo-general", "azure-native:containerservice:AgentPool::demo-gpu");
        assertThat(changed.get("azure-native:containerservice:ManagedCluster::demo-aks"))
                .containsExactlyInAnyOrder("kubernetesVersion", "agentPoolProfiles.0.orchestratorVersion");
        assertThat(changed.get("azure-native:containerservice:AgentPool::demo-general")).containsExactly("orchestratorVersion");
        assertThat(changed.get("azure-native:containerservice:AgentPool::demo-gpu")).containsExactly("orchestratorVersion");
    }

    @Test
    void resizingAPoolChangesOnlyItsScalingInputs() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.33", 4, 10), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        assertThat(changed).containsOnlyKeys("azure-native:containerservice:AgentPool::demo-general");
        // count is ignored once the pool exists (the autoscaler owns it), so only maxCount reaches Azure
        assertThat(changed.get("azure-native:containerservice:AgentPool::demo-general")).containsExactlyInAnyOrder("count", "maxCount");
        assertThat(AgentPools.ignoredChanges(Fixtures.args().build(), Fixtures.spec().nodePools().get(0))).containsExactly(AgentPools.COUNT);
    }

    @Test
    void addingAPoolTouchesNeitherTheClusterNorTheOtherPools() {
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        var grown = Fixtures.spec().toBuilder();
        List<NodePool> pools = new ArrayList<>(Fixtures.spec().nodePools());
        pools.add(NodePool.builder("batch").size(SizeClass.LARGE).scaling(0, 0, 3).build());
        OfflineRun after = Fixtures.run(grown.nodePools(pools).build(), Fixtures.args().build());
        assertThat(after.succeeded()).as(after.failure()).isTrue();
        Map<String, PlannedResource> old = InPlaceUpdates.byUrn(before);
        List<String> added = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        for (PlannedResource now : after.resources()) {
            PlannedResource was = old.get(now.urn());
            if (was == null) {
                added.add(now.name());
            } else if (now.custom() && !now.isProvider()) {
                assertThat(InPlaceUpdates.flatten(now.inputs())).as(now.toString()).isEqualTo(InPlaceUpdates.flatten(was.inputs()));
                compared.add(now.type() + "::" + now.name());
            }
        }
        // an empty run must not pass: the new pool was seen, and the cluster and the other pools were compared
        assertThat(added).as("only the new pool is new").containsExactly("demo-batch");
        assertThat(compared).contains("azure-native:containerservice:ManagedCluster::demo-aks",
                "azure-native:containerservice:AgentPool::demo-general", "azure-native:containerservice:AgentPool::demo-gpu");
        assertThat(compared).hasSize(before.resources().stream().filter(r -> r.custom() && !r.isProvider()).toList().size());
    }

    @Test
    void theSameProgramTwiceRegistersIdenticalInputs() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(UPDATES.assertInPlace(first, second)).isEmpty();
        // an empty plan would compare equal too: the comparison covered the cluster, its pools and its grants
        assertThat(first.ofType("azure-native:containerservice:ManagedCluster")).hasSize(1);
        assertThat(first.ofType("azure-native:containerservice:AgentPool")).hasSize(2);
        assertThat(first.ofType("azure-native:authorization:RoleAssignment")).isNotEmpty();
    }

    @Test
    void aSizeClassChangeIsAPlannedReplacementOfThatPoolOnly() {
        // guards the guard: a VM size change must show up as a replacement-triggering difference
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec(), Fixtures.args().vmSize(SizeClass.MEDIUM, "Standard_D4as_v5").build());
        assertThat(UPDATES.replacementInputs(before.get("azure-native:containerservice:AgentPool", "demo-general")))
                .isNotEqualTo(UPDATES.replacementInputs(after.get("azure-native:containerservice:AgentPool", "demo-general")));
        assertThat(UPDATES.replacementInputs(before.get("azure-native:containerservice:AgentPool", "demo-gpu")))
                .isEqualTo(UPDATES.replacementInputs(after.get("azure-native:containerservice:AgentPool", "demo-gpu")));
        assertThat(UPDATES.replacementInputs(before.get("azure-native:containerservice:ManagedCluster", "demo-aks")))
                .isEqualTo(UPDATES.replacementInputs(after.get("azure-native:containerservice:ManagedCluster", "demo-aks")));
    }
}
