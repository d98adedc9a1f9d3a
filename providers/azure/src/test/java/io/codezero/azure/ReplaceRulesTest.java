package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.azure.cluster.AgentPools;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.testing.InPlaceUpdates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our replacement table and the options resources register, checked against the pinned
 * provider's extracted rules ({@link ProviderReplaceRules}), and the replacement cases that used to
 * fail with fixed physical names: azure-native refuses to create a resource whose name exists, so a
 * replacement either gets a new name from the forcing input, or is delete-before-replace.
 */
class ReplaceRulesTest {
    static final String AGENT_POOL = "azure-native:containerservice:AgentPool";
    static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    static final String ROLE = "azure-native:authorization:RoleAssignment";

    @Test
    void theExtractedRulesCoverEveryTypeTheTargetRegisters() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<String> types = run.where(r -> r.custom() && !r.isProvider() && r.type().startsWith("azure-native:"))
                .stream().map(PlannedResource::type).distinct().toList();
        assertThat(ProviderReplaceRules.byType().keySet()).containsAll(types);
        // the provider's own rules say what our docs and code rely on
        assertThat(ProviderReplaceRules.forceNew(AGENT_POOL)).contains("vmSize");
        assertThat(ProviderReplaceRules.forceNew(CLUSTER)).contains("networkProfile", "dnsPrefix", "nodeResourceGroup", "location");
        assertThat(ProviderReplaceRules.forceNew(ROLE)).contains("principalId", "scope");
    }

    @Test
    void ourAgentPoolReplaceOnChangesAreWhatTheProviderDoesNotAlreadyReplaceOn() {
        // AgentPools.REPLACE_ON_CHANGE says "the provider does not mark them": none may be a provider rule
        assertThat(AgentPools.REPLACE_ON_CHANGE).doesNotContainAnyElementsOf(ProviderReplaceRules.byType().get(AGENT_POOL));
        // every entry is an input the pools really set, so the option is not dead
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        List<PlannedResource> pools = run.ofType(AGENT_POOL);
        assertThat(AgentPools.REPLACE_ON_CHANGE).allSatisfy(input ->
                assertThat(pools).as(input).anySatisfy(pool -> assertThat(pool.inputs()).containsKey(input)));
    }

    @Test
    void registeredOptionsMatchTheTableAndEveryFixedNameReplacementDeletesFirst() {
        RegisteredOptions options = new RegisteredOptions();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), options);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<PlannedResource> pools = run.ofType(AGENT_POOL);
        assertThat(pools).hasSize(2);
        for (PlannedResource pool : pools) {
            var registered = options.of(AGENT_POOL, pool.name());
            assertThat(registered.replaceOnChanges()).containsExactlyInAnyOrderElementsOf(AgentPools.REPLACE_ON_CHANGE);
            // the pool keeps its AKS name through a replacement (vmSize is force-new): the old one must go first
            assertThat(registered.deleteBeforeReplace()).as(pool.name()).isTrue();
        }
        var cluster = options.of(CLUSTER, "demo-aks");
        assertThat(cluster.deleteBeforeReplace()).isTrue();
        assertThat(cluster.protect()).isTrue();
        assertThat(run.get(CLUSTER, "demo-aks").protect()).as("what the engine received").isTrue();
    }

    @Test
    void theClusterIsProtectedByDefaultAndTheOptOutIsExplicit() {
        OfflineRun unprotected = Fixtures.run(Fixtures.spec(), Fixtures.args().protectCluster(false).build());
        assertThat(unprotected.get(CLUSTER, "demo-aks").protect()).isFalse();
        assertThat(Fixtures.run(Fixtures.spec(), Fixtures.args().build()).get(CLUSTER, "demo-aks").protect()).isTrue();
    }

    @Test
    void aNetworkChangeReplacesTheClusterUnderItsFixedNameSoItIsProtectedAndDeletesFirst() {
        // a pod range change: networkProfile is force-new in 2.10.0, the cluster's name does not change with it
        var changed = Fixtures.spec().toBuilder().network(io.codezero.core.spec.NetworkSpec.builder()
                .allowApiAccessFrom(Fixtures.ALLOWED).podCidr("10.200.0.0/16").build()).build();
        RegisteredOptions options = new RegisteredOptions();
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(changed, Fixtures.args().build(), options);
        InPlaceUpdates rules = InPlaceUpdates.of(InPlaceUpgradeTest.REPLACE_ON_CHANGE);
        PlannedResource was = before.get(CLUSTER, "demo-aks");
        PlannedResource now = after.get(CLUSTER, "demo-aks");
        assertThat(rules.replacementInputs(now)).isNotEqualTo(rules.replacementInputs(was));
        assertThat(now.input("resourceName")).isEqualTo(was.input("resourceName"));
        assertThat(options.of(CLUSTER, "demo-aks").deleteBeforeReplace()).isTrue();
        assertThat(now.protect()).isTrue();
    }

    @Test
    void anotherIdentityRunningUpGetsANewDeployerAdminAssignmentNameSoTheReplacementIsCreated() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        var mocks = AzurePlanMocks.create();
        mocks.invoke("azure-native:authorization:getClientConfig", call -> Map.of("clientId", "11111111-1111-1111-1111-111111111111",
                "objectId", "22222222-2222-2222-2222-222222222222", "subscriptionId", AzurePlanMocks.SUBSCRIPTION, "tenantId", AzurePlanMocks.TENANT));
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), mocks, new RegisteredOptions(), (c, p) -> { });
        assertThat(second.succeeded()).as(second.failure()).isTrue();
        PlannedResource was = first.get(ROLE, "demo-deployer-admin");
        PlannedResource now = second.get(ROLE, "demo-deployer-admin");
        assertThat(now.input("principalId")).isNotEqualTo(was.input("principalId"));
        // principalId is force-new: the replacement is created before the old one is deleted, under a new name
        assertThat(now.input("roleAssignmentName")).isNotEqualTo(was.input("roleAssignmentName"));
        // the other grants keep theirs
        for (String grant : List.of("demo-network-contributor", "demo-kms-crypto-user")) {
            assertThat(second.get(ROLE, grant).input("roleAssignmentName")).isEqualTo(first.get(ROLE, grant).input("roleAssignmentName"));
        }
    }

    @Test
    void theDocsListTheProvidersForceNewPropertiesOfTheClusterAndThePools() throws IOException {
        String doc = Files.readString(Path.of("../../docs/azure.md"));
        for (String input : ProviderReplaceRules.forceNew(CLUSTER)) {
            assertThat(doc).as("docs/azure.md names " + input).contains("`" + input + "`");
        }
        for (String input : ProviderReplaceRules.forceNew(AGENT_POOL)) {
            assertThat(doc).as("docs/azure.md names " + input).contains("`" + input + "`");
        }
    }
}
