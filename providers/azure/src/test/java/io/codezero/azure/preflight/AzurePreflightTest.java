package io.codezero.azure.preflight;

import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.azure.testing.ReplayServer;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The preflight against a loopback server that answers every call with Azure's published example
 * responses (src/test/resources/azure-examples/README.md names their sources). The pipeline has no
 * bearer policy (azure-core refuses tokens over http); the credential is still asked for a token,
 * as the first check. One scenario per verdict, each naming the examples it replays.
 */
class AzurePreflightTest {
    /** The first subscription of GetSubscriptions.json. */
    static final String SUBSCRIPTION = "291bba3f-e0a5-47bc-a099-3bdcb2a50a05";
    static final String SUBS = "/subscriptions/" + SUBSCRIPTION;
    static final UnaryOperator<String> SKUS_IN_EASTUS = body -> body.replace("\"westus\"", "\"eastus\"");
    static final UnaryOperator<String> USAGE_OF_A_FAMILY = body -> body.replace("aaaaaaaaaaaaaaaaaa", "standardA0_A7Family");
    /** Providers - Get of one namespace: the path ends at the namespace. */
    static final String PROVIDER = "/providers/Microsoft\\.[A-Za-z]+";
    static final UnaryOperator<String> REGISTERED = body -> body.replace("\"Registering\"", "\"Registered\"");
    static final TokenCredential STATIC_TOKEN = request -> Mono.just(new AccessToken("loopback-token", OffsetDateTime.now().plusHours(1)));

    private ReplayServer arm;

    @BeforeEach
    void replayTheHappyPath() {
        arm = ReplayServer.start()
                .example("GET", "/subscriptions", "resources-2022-12-01-GetSubscriptions.json", 200)
                .example("GET", SUBS + "/locations", "resources-2022-12-01-GetLocations.json", 200)
                .example("GET", SUBS + "/providers/Microsoft.ContainerService/locations/[^/]+/kubernetesVersions",
                        "containerservice-2023-04-01-KubernetesVersions_List.json", 200)
                .example("GET", SUBS + PROVIDER, "resources-2022-12-01-GetProvider.json", 200, REGISTERED)
                .example("GET", SUBS + "/providers/Microsoft.Compute/skus", "compute-skus-2021-07-01-ListAvailableResourceSkusForARegion.json", 200, SKUS_IN_EASTUS)
                .example("GET", SUBS + "/providers/Microsoft.Compute/locations/[^/]+/usages", "compute-2023-07-01-Usage_List_MaximumSet_Gen.json", 200, USAGE_OF_A_FAMILY)
                .example("GET", "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+",
                        "network-2023-04-01-SubnetGet.json", 200);
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    /** A cluster the examples can satisfy: Standard_A1 (1 vCPU, zones 1-3) for the system pool (1 node) and one pool of at most one node. */
    static ClusterSpec spec(String version, String size, int maxNodes) {
        return ClusterSpec.builder("demo").kubernetesVersion(version)
                .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("general").machineType(size).scaling(0, 0, maxNodes).build()).build();
    }

    static AzureTargetArgs.Builder args() {
        return AzureTargetArgs.builder().location("eastus").subscriptionId(SUBSCRIPTION).systemPoolVmSize("Standard_A1").systemPoolCount(1);
    }

    /**
     * The preflight against the replay server. The published cluster example names a real-looking API server
     * FQDN: the scenarios run as if behind an HTTPS proxy, so the api-server check never connects out of the
     * machine (aMachineOutsideTheAuthorizedRanges... points it at a loopback listener instead).
     */
    private PreflightReport run(ClusterSpec spec, AzureTargetArgs args) {
        return new AzurePreflight(AzureClients.forLoopback(arm.uri(), STATIC_TOKEN), 443, java.util.Map.of("HTTPS_PROXY", "http://127.0.0.1:9"))
                .run(spec, args);
    }

    private static CheckResult result(PreflightReport report, String check) {
        return report.results().stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " check in\n" + report.render()));
    }

    @Test
    void everyCheckPassesWhenTheExamplesSatisfyTheCluster() {
        // replays GetSubscriptions, GetLocations, KubernetesVersions_List, ListAvailableResourceSkusForARegion
        // (westus read as eastus) and Usage_List_MaximumSet_Gen (its placeholder quota read as standardA0_A7Family)
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().build());
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.results()).extracting(CheckResult::check).startsWith("credentials", "subscription", "location", "resource-providers", "kubernetes-version", "vm-sizes");
        assertThat(result(report, "subscription").message()).contains(SUBSCRIPTION).contains("Example Subscription").contains("Enabled");
        assertThat(result(report, "vm-sizes").message()).contains("Standard_A1 (pools czsystem, general) is offered in eastus zones 1, 2, 3");
        CheckResult family = report.results().stream().filter(r -> r.check().equals("vcpu-quota") && r.message().contains("standardA0_A7Family"))
                .findFirst().orElseThrow();
        assertThat(family.status()).isEqualTo(CheckStatus.PASS);
        assertThat(family.message()).contains("2 vCPUs").contains("2 of 19 are free");
        // the example lists no regional total, so that check is not made and says so, never a pass
        assertThat(report.unknowns()).anySatisfy(u -> assertThat(u.message()).contains("no quota named cores"));
        // and the resource group does not exist yet, so the right to assign roles cannot be listed there
        assertThat(report.unknowns()).extracting(CheckResult::check).containsExactlyInAnyOrder("vcpu-quota", "role-assignments");
        // every call carried the SDK's api-version, and no bearer token went over http
        assertThat(arm.requests()).allSatisfy(r -> {
            assertThat(r.query()).contains("api-version=");
            assertThat(r.headers()).doesNotContainKey("authorization");
        });
    }

    @Test
    void credentialsThatGetNoTokenStopThePreflight() {
        // no server call is made: the credential chain fails locally
        TokenCredential none = request -> Mono.error(new ClientAuthenticationException("DefaultAzureCredential failed to retrieve a token", null));
        PreflightReport report = new AzurePreflight(AzureClients.forLoopback(arm.uri(), none)).run(spec("1.26", "Standard_A1", 1), args().build());
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(r.message()).contains("az login").contains("AZURE_CLIENT_ID");
        });
        assertThat(arm.requests()).isEmpty();
    }

    @Test
    void aTokenArmRefusesIsACredentialsFailure() {
        // replays the ARM error shape (common-types ErrorResponse) with InvalidAuthenticationToken for Subscriptions_List
        arm.armError("GET", "/subscriptions", 401, "InvalidAuthenticationToken", "The access token is invalid.");
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().build());
        CheckResult subscription = result(report, "subscription");
        assertThat(subscription.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(subscription.message()).contains("refused").contains("InvalidAuthenticationToken").contains("az login");
        assertThat(report.results()).hasSize(2);
    }

    @Test
    void withTwoSubscriptionsVisibleTheSubscriptionMustBeNamed() {
        // replays GetSubscriptions.json, which lists two subscriptions
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().subscriptionId(null).build());
        CheckResult subscription = result(report, "subscription");
        assertThat(subscription.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(subscription.message()).contains("see 2 subscriptions").contains(SUBSCRIPTION).contains("72ac930a-f34e-42d8-b06d-dc2a9e12ed71")
                .contains("set azure.subscriptionId");
    }

    @Test
    void aSubscriptionTheCredentialsCannotSeeFails() {
        // replays GetSubscriptions.json
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().subscriptionId("00000000-1111-2222-3333-444444444444").build());
        assertThat(result(report, "subscription").message()).contains("is not visible to these credentials").contains("fix azure.subscriptionId");
        assertThat(result(report, "subscription").status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void aLocationTheSubscriptionDoesNotOfferFails() {
        // replays GetLocations.json (eastus, eastus2)
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().location("westeurope").build());
        CheckResult location = result(report, "location");
        assertThat(location.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(location.message()).contains("westeurope").contains("eastus, eastus2").contains("set azure.location");
    }

    @Test
    void aKubernetesVersionAksDoesNotOfferFails() {
        // replays KubernetesVersions_List.json (1.23 to 1.26)
        PreflightReport report = run(spec("1.34", "Standard_A1", 1), args().build());
        CheckResult version = result(report, "kubernetes-version");
        assertThat(version.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(version.message()).isEqualTo("AKS does not offer Kubernetes 1.34 in eastus; it offers 1.23, 1.24, 1.25, 1.26; set kubernetesVersion to one of them");
    }

    @Test
    void aVmSizeTheRegionDoesNotOfferFails() {
        // replays ListAvailableResourceSkusForARegion.json (Standard_A0 and Standard_A1 only)
        PreflightReport report = run(spec("1.26", "Standard_D4s_v5", 1), args().build());
        CheckResult sizes = report.failures().stream().filter(r -> r.check().equals("vm-sizes")).findFirst().orElseThrow();
        assertThat(sizes.message()).contains("Standard_D4s_v5 (pool general) is not offered in eastus").contains("azure.vmSizes");
    }

    @Test
    void aVmSizeMissingFromAChosenZoneFails() {
        // replays ListAvailableResourceSkusForARegion.json: Standard_A0 is offered in zones 2 and 1 only
        PreflightReport report = run(spec("1.26", "Standard_A0", 1), args().build());
        CheckResult sizes = report.failures().stream().filter(r -> r.check().equals("vm-sizes")).findFirst().orElseThrow();
        assertThat(sizes.message()).contains("Standard_A0 (pool general) is not offered in zone 3 of eastus; it is offered in zones 1, 2")
                .contains("set azure.zones");
        assertThat(run(spec("1.26", "Standard_A0", 1), args().zones(List.of("1", "2")).build()).passed()).isTrue();
    }

    @Test
    void aVmSizeRestrictedForTheSubscriptionFails() {
        // ListAvailableResourceSkusForARegion.json with a restriction added in the shape of the spec's ResourceSkuRestrictions
        arm.example("GET", SUBS + "/providers/Microsoft.Compute/skus", "compute-skus-2021-07-01-ListAvailableResourceSkusForARegion.json", 200,
                SKUS_IN_EASTUS.andThen(body -> body.replace("\"name\":\"Standard_A1\"", "\"name\":\"Standard_A1\", \"restrictions\": [{\"type\": \"Location\","
                        + " \"values\": [\"eastus\"], \"restrictionInfo\": {\"locations\": [\"eastus\"]}, \"reasonCode\": \"NotAvailableForSubscription\"}]"))::apply);
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().build());
        CheckResult sizes = report.failures().stream().filter(r -> r.check().equals("vm-sizes")).findFirst().orElseThrow();
        assertThat(sizes.message()).contains("Standard_A1 (pools czsystem, general) is restricted for this subscription in eastus (NotAvailableForSubscription)")
                .contains("support request");
    }

    @Test
    void aVcpuQuotaTooSmallForThePoolsAtMaximumSizeFails() {
        // replays Usage_List_MaximumSet_Gen.json (17 of 19 used) with ListAvailableResourceSkusForARegion.json (Standard_A1: 1 vCPU)
        PreflightReport report = run(spec("1.26", "Standard_A1", 5), args().build());
        CheckResult quota = report.failures().stream().filter(r -> r.check().equals("vcpu-quota")).findFirst().orElseThrow();
        assertThat(quota.message()).isEqualTo("pools czsystem, general need 6 vCPUs of quota standardA0_A7Family in eastus at maximum size"
                + " but only 2 of 19 are free; request a quota increase for standardA0_A7Family (Subscriptions, Usage + quotas) or lower maxNodes");
    }

    @Test
    void theDeployerMustBeAllowedToCreateRoleAssignments() {
        String permissions = SUBS + "/resourcegroups/demo-rg/providers/Microsoft.Authorization/permissions";
        // replays GetPermissions.json as published: no actions at all
        arm.example("GET", permissions, "authorization-2015-07-01-GetPermissions.json", 200);
        CheckResult none = result(run(spec("1.26", "Standard_A1", 1), args().build()), "role-assignments");
        assertThat(none.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(none.message()).contains("Microsoft.Authorization/roleAssignments/write").contains("Owner, User Access Administrator or Role Based Access Control Administrator")
                .contains("createRoleAssignments: false");
        // the same example with Contributor's permissions substituted (actions *, notActions Microsoft.Authorization/*/Write ...)
        arm.example("GET", permissions, "authorization-2015-07-01-GetPermissions.json", 200, body -> body.replace("\"actions\":[]", "\"actions\": [\"*\"]")
                .replace("\"notActions\":[]", "\"notActions\": [\"Microsoft.Authorization/*/Delete\", \"Microsoft.Authorization/*/Write\", \"Microsoft.Authorization/elevateAccess/Action\"]"));
        assertThat(result(run(spec("1.26", "Standard_A1", 1), args().build()), "role-assignments").status()).isEqualTo(CheckStatus.FAIL);
        // and with Owner's (actions *)
        arm.example("GET", permissions, "authorization-2015-07-01-GetPermissions.json", 200, body -> body.replace("\"actions\":[]", "\"actions\": [\"*\"]"));
        assertThat(result(run(spec("1.26", "Standard_A1", 1), args().build()), "role-assignments").status()).isEqualTo(CheckStatus.PASS);
        // pre-made grants: nothing to check
        assertThat(run(spec("1.26", "Standard_A1", 1), args().createRoleAssignments(false).build()).results())
                .noneSatisfy(r -> assertThat(r.check()).isEqualTo("role-assignments"));
    }

    @Test
    void aResourceGroupThatDoesNotExistYetLeavesTheRoleCheckUnknownWithTheRoleNamed() {
        // no route: the loopback server answers 404, as ARM does for a missing group
        CheckResult unknown = result(run(spec("1.26", "Standard_A1", 1), args().build()), "role-assignments");
        assertThat(unknown.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(unknown.message()).contains("does not exist yet").contains("User Access Administrator");
    }

    @Test
    void aChangeOfTheSystemPoolsFixedSettingsIsRefusedWithTheWayOut() {
        // replays ManagedClustersGet.json, its pool (3 x Standard_DS1_v2 in zones 1-3) read as this cluster's system pool
        arm.example("GET", SUBS + "/resourceGroups/demo-rg/providers/Microsoft.ContainerService/managedClusters/demo",
                "containerservice-2023-04-01-ManagedClustersGet.json", 200, body -> body.replace("\"nodepool1\"", "\"czsystem\""));
        CheckResult system = result(run(spec("1.26", "Standard_A1", 1), args().build()), "system-pool");
        assertThat(system.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(system.message()).contains("vmSize Standard_DS1_v2 -> Standard_A1").contains("in place").contains("keep the old values");
        // unchanged: a pass
        CheckResult same = result(run(spec("1.26", "Standard_A1", 1), args().systemPoolVmSize("Standard_DS1_v2").build()), "system-pool");
        assertThat(same.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void theDeployerListedAmongTheAdminsFailsThePreflightBeforeAnythingRegisters() {
        // an access token's payload carries the holder's object id as "oid" (Microsoft identity platform access token claims)
        String deployer = "00000000-0000-0000-0000-0000000de910";
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"aud\":\"https://management.azure.com/\",\"oid\":\"" + deployer + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TokenCredential jwt = request -> Mono.just(new AccessToken("eyJhbGciOiJub25lIn0." + payload + ".sig", OffsetDateTime.now().plusHours(1)));
        var preflight = new AzurePreflight(AzureClients.forLoopback(arm.uri(), jwt));
        CheckResult listed = result(preflight.run(spec("1.26", "Standard_A1", 1),
                args().adminPrincipalIds(List.of(deployer.toUpperCase(java.util.Locale.ROOT))).build()), "admin-principals");
        assertThat(listed.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(listed.message()).contains("adminPrincipalIds[0]").contains("RoleAssignmentExists").contains("grantDeployerAdmin: false");
        CheckResult other = result(preflight.run(spec("1.26", "Standard_A1", 1),
                args().adminPrincipalIds(List.of("0000000a-0000-0000-0000-00000000beef")).build()), "admin-principals");
        assertThat(other.status()).isEqualTo(CheckStatus.PASS);
        // a token that is not a JWT: the check cannot be made, and says so
        assertThat(result(run(spec("1.26", "Standard_A1", 1), args().adminPrincipalIds(List.of(deployer)).build()), "admin-principals").status())
                .isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void aKubernetesUpgradeMovesOneMinorVersionAtATimeAndNeverDown() {
        // replays ManagedClustersGet.json: the running cluster is at Kubernetes 1.9.6
        arm.example("GET", SUBS + "/resourceGroups/demo-rg/providers/Microsoft.ContainerService/managedClusters/demo",
                "containerservice-2023-04-01-ManagedClustersGet.json", 200, body -> body);
        assertThat(result(run(spec("1.10", "Standard_A1", 1), args().build()), "kubernetes-upgrade").status()).isEqualTo(CheckStatus.PASS);
        assertThat(result(run(spec("1.9", "Standard_A1", 1), args().build()), "kubernetes-upgrade").status()).isEqualTo(CheckStatus.PASS);
        CheckResult skip = result(run(spec("1.11", "Standard_A1", 1), args().build()), "kubernetes-upgrade");
        assertThat(skip.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(skip.message()).contains("1.9.6").contains("one minor version at a time").contains("set kubernetesVersion to 1.10");
        CheckResult down = result(run(spec("1.8", "Standard_A1", 1), args().build()), "kubernetes-upgrade");
        assertThat(down.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(down.message()).contains("never downgrades");
        // with channel stable AKS owns the version and the program never sends it: nothing to check
        assertThat(run(spec("1.11", "Standard_A1", 1), args().autoUpgradeChannel("stable").build()).results())
                .noneSatisfy(r -> assertThat(r.check()).isEqualTo("kubernetes-upgrade"));
    }

    @Test
    void aLaterUpNeedsQuotaOnlyForTheIncreaseAndTheUpgradeSurge() {
        // replays ManagedClustersGet.json, its pool read as this cluster's "general" of 3 x Standard_A1 (the SKU
        // example's size); Usage_List_MaximumSet_Gen.json counts those 3 vCPUs among the 17 used of 19
        arm.example("GET", SUBS + "/resourceGroups/demo-rg/providers/Microsoft.ContainerService/managedClusters/demo",
                "containerservice-2023-04-01-ManagedClustersGet.json", 200,
                body -> body.replace("\"nodepool1\"", "\"general\"").replace("\"Standard_DS1_v2\"", "\"Standard_A1\""));
        PreflightReport report = run(spec("1.26", "Standard_A1", 3), args().maxSurge("1").build());
        CheckResult family = report.results().stream().filter(r -> r.check().equals("vcpu-quota") && r.message().contains("standardA0_A7Family"))
                .findFirst().orElseThrow();
        // czsystem is new (1 vCPU); general runs 3 of its 3: it needs only 1 surge node for an upgrade. 2 <= 2 free
        assertThat(family.status()).as(report.render()).isEqualTo(CheckStatus.PASS);
        assertThat(family.message()).contains("need 2 vCPUs").contains("more than the 3 this cluster already runs (upgrade surge 1 included)");
        assertThat(arm.requests()).anySatisfy(r -> assertThat(r.path()).endsWith("/managedClusters/demo"));
        // growing general to 5 needs 2 more nodes: 1 + 2 + 1 surge = 4 > 2 free
        CheckResult grown = run(spec("1.26", "Standard_A1", 5), args().maxSurge("1").build()).failures().stream()
                .filter(r -> r.check().equals("vcpu-quota")).findFirst().orElseThrow();
        assertThat(grown.message()).contains("need 4 vCPUs").contains("but only 2 of 19 are free");
        assertThat(VcpuQuotas.surgeNodes("33%", 3)).isEqualTo(1);
        assertThat(VcpuQuotas.surgeNodes("33%", 10)).isEqualTo(4);
        assertThat(VcpuQuotas.surgeNodes("2", 10)).isEqualTo(2);
    }

    @Test
    void anAdoptedSubnetNeedsANatGatewayForNatEgressAndARouteTableForRoutedEgress() {
        // replays SubnetGet.json, a subnet without a NAT gateway
        String subnet = SUBS + "/resourceGroups/subnet-test/providers/Microsoft.Network/virtualNetworks/vnetname/subnets/subnet1";
        PreflightReport nat = run(spec("1.26", "Standard_A1", 1), args().existingSubnetId(subnet).build());
        assertThat(result(nat, "subnet").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result(nat, "subnet").message()).contains("has no NAT gateway").contains("azure.vnet.outboundType");
        // routed egress needs the subnet's route table (Azure/AKS#1842: AKS validates it and its 0.0.0.0/0 route at create)
        PreflightReport unrouted = run(spec("1.26", "Standard_A1", 1), args().existingSubnetId(subnet).outboundType("userDefinedRouting").build());
        assertThat(result(unrouted, "subnet").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result(unrouted, "subnet").message()).contains("has no route table", "0.0.0.0/0", "azure.vnet.outboundType");
        // the same example with a routeTable reference (a Subnet property of the spec) substituted
        String table = "/subscriptions/subid/resourceGroups/subnet-test/providers/Microsoft.Network/routeTables/to-firewall";
        arm.example("GET", "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+",
                "network-2023-04-01-SubnetGet.json", 200, body -> body.replace("\"addressPrefix\"", "\"routeTable\": {\"id\": \"" + table + "\"}, \"addressPrefix\""));
        PreflightReport routed = run(spec("1.26", "Standard_A1", 1), args().existingSubnetId(subnet).outboundType("userDefinedRouting").build());
        assertThat(result(routed, "subnet").status()).isEqualTo(CheckStatus.PASS);
        assertThat(result(routed, "subnet").message()).contains("10.0.0.0/16", table);
    }

    @Test
    void anAdoptedSubnetThatDoesNotExistFails() {
        // replays the ARM error shape (common-types ErrorResponse) with NotFound for Subnets_Get
        arm.armError("GET", "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+",
                404, "NotFound", "Resource /subscriptions/.../subnets/missing not found.");
        String subnet = SUBS + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/missing";
        PreflightReport report = run(spec("1.26", "Standard_A1", 1), args().existingSubnetId(subnet).build());
        assertThat(result(report, "subnet").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result(report, "subnet").message()).contains("does not exist").contains("fix azure.vnet.subnetId");
    }

    @Test
    void eachFailureIsOneSentence() {
        PreflightReport report = run(spec("1.34", "Standard_A0", 5), args().location("westeurope").build());
        assertThat(report.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.message()).doesNotContain("\n").doesNotContain("Exception"));
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(PreflightReport.PreflightException.class, report::throwIfFailed).getMessage())
                .startsWith("Azure preflight failed (1 problem):");
    }

    @Test
    void aSubscriptionWithoutTheResourceProvidersRegisteredFailsBeforeAnythingIsCreated() {
        // replays GetProvider.json as published: the namespace is still Registering
        arm.example("GET", SUBS + PROVIDER, "resources-2022-12-01-GetProvider.json", 200);
        CheckResult registering = result(run(spec("1.26", "Standard_A1", 1), args().build()), "resource-providers");
        assertThat(registering.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(registering.message()).contains("Microsoft.ContainerService (Registering)", "Microsoft.Network (Registering)",
                "Microsoft.Compute (Registering)", "Microsoft.ManagedIdentity (Registering)", "Microsoft.KeyVault (Registering)",
                "MissingSubscriptionRegistration", "az provider register --namespace");
        assertThat(registering.message()).doesNotContain("Microsoft.Insights");
        // and with the state ARM reports for a namespace never registered, in a fresh subscription
        arm.example("GET", SUBS + PROVIDER, "resources-2022-12-01-GetProvider.json", 200, body -> body.replace("\"Registering\"", "\"NotRegistered\""));
        CheckResult fresh = result(run(spec("1.26", "Standard_A1", 1), args().build()), "resource-providers");
        assertThat(fresh.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fresh.message()).contains("Microsoft.ContainerService (NotRegistered)");
        // each namespace was asked for by its own path
        assertThat(arm.requests()).extracting(ReplayServer.Request::path).contains(SUBS + "/providers/Microsoft.ContainerService",
                SUBS + "/providers/Microsoft.Network", SUBS + "/providers/Microsoft.Compute", SUBS + "/providers/Microsoft.ManagedIdentity",
                SUBS + "/providers/Microsoft.KeyVault");
    }

    @Test
    void theResourceProvidersFollowWhatTheTargetCreates() {
        AzureTargetArgs monitoredWithOwnKey = args()
                .kmsKeyId("https://kv.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef")
                .kmsKeyVaultId("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/keys/providers/Microsoft.KeyVault/vaults/kv")
                .logAnalyticsWorkspaceId("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/ws")
                .build();
        assertThat(AzurePreflight.requiredResourceProviders(monitoredWithOwnKey)).contains("Microsoft.Insights").doesNotContain("Microsoft.KeyVault");
        assertThat(AzurePreflight.requiredResourceProviders(args().build())).contains("Microsoft.KeyVault").doesNotContain("Microsoft.Insights");
        CheckResult passed = result(run(spec("1.26", "Standard_A1", 1), monitoredWithOwnKey), "resource-providers");
        assertThat(passed.status()).isEqualTo(CheckStatus.PASS);
        assertThat(passed.message()).contains("Microsoft.Insights");
    }

    @Test
    void aNodeResourceGroupThatAlreadyExistsFailsTheFirstUpSinceAksCreatesItItself() {
        String nodes = "(?i)" + SUBS + "/resourcegroups/demo-rg-nodes";
        String other = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/demo-rg/providers/Microsoft.ContainerService/managedClusters/other";
        // replays CreateResourceGroup.json's 200 body as demo-rg-nodes, managed by another cluster of the same group
        arm.example("GET", nodes, "resources-2022-12-01-CreateResourceGroup.json", 200, body -> body.replace("my-resource-group", "demo-rg-nodes")
                .replace("\"properties\"", "\"managedBy\": \"" + other + "\", \"properties\""));
        CheckResult taken = result(run(spec("1.26", "Standard_A1", 1), args().build()), "node-resource-group");
        assertThat(taken.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(taken.message()).contains("demo-rg-nodes already exists", "managed by " + other, "NodeResourceGroupAlreadyExists", "azure.resourceGroup");

        // once the cluster runs, the group is its own (ManagedClustersGet.json with its nodeResourceGroup read as demo-rg-nodes)
        arm.example("GET", SUBS + "/resourceGroups/demo-rg/providers/Microsoft.ContainerService/managedClusters/demo",
                "containerservice-2023-04-01-ManagedClustersGet.json", 200, body -> body.replace("MC_rg1_clustername1_location1", "demo-rg-nodes"));
        CheckResult own = result(run(spec("1.26", "Standard_A1", 1), args().build()), "node-resource-group");
        assertThat(own.status()).isEqualTo(CheckStatus.PASS);
        assertThat(own.message()).contains("demo's own");
    }

    @Test
    void grantsOnAnAdoptedSubnetOrVaultOfAnotherGroupNeedTheRightToAssignRolesThere() {
        String subnetId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/network-team/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        String vaultId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/security-team/providers/Microsoft.KeyVault/vaults/kv-shared";
        AzureTargetArgs adopted = args().existingSubnetId(subnetId).egressCidrs(List.of("20.50.1.10/32"))
                .kmsKeyId("https://kv-shared.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef").kmsKeyVaultId(vaultId).build();
        // the cluster's own group allows it (Owner: actions *), as GetPermissions.json with Owner's actions substituted
        arm.example("GET", SUBS + "/resourcegroups/demo-rg/providers/Microsoft.Authorization/permissions", "authorization-2015-07-01-GetPermissions.json", 200,
                body -> body.replace("\"actions\":[]", "\"actions\": [\"*\"]"));
        // replays GetResourcePermissions.json as published on the subnet (no actions) ...
        arm.example("GET", subnetId + "/providers/Microsoft.Authorization/permissions", "authorization-2015-07-01-GetResourcePermissions.json", 200);
        // ... and with User Access Administrator's actions on the vault
        arm.example("GET", vaultId + "/providers/Microsoft.Authorization/permissions", "authorization-2015-07-01-GetResourcePermissions.json", 200,
                body -> body.replace("\"actions\":[]", "\"actions\": [\"*/read\", \"Microsoft.Authorization/*\"]"));
        List<CheckResult> grants = run(spec("1.26", "Standard_A1", 1), adopted).results().stream().filter(r -> r.check().equals("role-assignments")).toList();
        assertThat(grants).hasSize(3);
        assertThat(grants.get(0).status()).as(grants.get(0).message()).isEqualTo(CheckStatus.PASS);
        assertThat(grants.get(1).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(grants.get(1).message()).contains("may not create role assignments on aks, azure.vnet.subnetId (Network Contributor",
                "Microsoft.Authorization/roleAssignments/write at " + subnetId, "createRoleAssignments: false");
        assertThat(grants.get(2).status()).as(grants.get(2).message()).isEqualTo(CheckStatus.PASS);
        assertThat(grants.get(2).message()).contains("kv-shared", "Key Vault Crypto User");
        // Network Contributor on the subnet is not enough: it holds no Microsoft.Authorization write
        arm.example("GET", subnetId + "/providers/Microsoft.Authorization/permissions", "authorization-2015-07-01-GetResourcePermissions.json", 200,
                body -> body.replace("\"actions\":[]", "\"actions\": [\"Microsoft.Authorization/*/read\", \"Microsoft.Network/*\"]"));
        assertThat(run(spec("1.26", "Standard_A1", 1), adopted).results()).filteredOn(r -> r.message().contains("on aks,"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(CheckStatus.FAIL));
    }

    @Test
    void beforeItsGroupExistsTheDeployersRightToAssignRolesIsReadOnTheSubscription() {
        // the group demo-rg does not exist (no route: 404); GetPermissions.json is served for the subscription scope, where
        // ARM answers the same operation (the spec documents its group and resource forms only)
        String subscriptionPermissions = SUBS + "/providers/Microsoft.Authorization/permissions";
        arm.example("GET", subscriptionPermissions, "authorization-2015-07-01-GetPermissions.json", 200, body -> body.replace("\"actions\":[]", "\"actions\": [\"*\"]")
                .replace("\"notActions\":[]", "\"notActions\": [\"Microsoft.Authorization/*/Delete\", \"Microsoft.Authorization/*/Write\", \"Microsoft.Authorization/elevateAccess/Action\"]"));
        CheckResult contributor = result(run(spec("1.26", "Standard_A1", 1), args().build()), "role-assignments");
        assertThat(contributor.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(contributor.message()).contains("does not exist yet", "may not create role assignments on subscription " + SUBSCRIPTION,
                "Contributor does not have it", "createRoleAssignments: false");
        arm.example("GET", subscriptionPermissions, "authorization-2015-07-01-GetPermissions.json", 200, body -> body.replace("\"actions\":[]", "\"actions\": [\"*\"]"));
        assertThat(result(run(spec("1.26", "Standard_A1", 1), args().build()), "role-assignments").status()).isEqualTo(CheckStatus.PASS);
        // an adopted group that does not exist is not read through the subscription: that group is missing
        PreflightReport adopted = run(spec("1.26", "Standard_A1", 1), args().resourceGroup("demo-rg").adoptResourceGroup(true).build());
        assertThat(result(adopted, "role-assignments").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void anAdoptedResourceGroupThatDoesNotExistFailsSinceTheTargetNeverCreatesIt() {
        // no route for demo-rg: the loopback server answers 404, as ARM does for a missing group
        AzureTargetArgs adopt = args().resourceGroup("demo-rg").adoptResourceGroup(true).build();
        CheckResult missing = result(run(spec("1.26", "Standard_A1", 1), adopt), "resource-group");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.message()).contains("demo-rg does not exist", "adoptResourceGroup: true", "create it first");
        // replays CreateResourceGroup.json's 200 body as demo-rg
        arm.example("GET", "(?i)" + SUBS + "/resourcegroups/demo-rg", "resources-2022-12-01-CreateResourceGroup.json", 200,
                body -> body.replace("my-resource-group", "demo-rg"));
        CheckResult found = result(run(spec("1.26", "Standard_A1", 1), adopt), "resource-group");
        assertThat(found.status()).isEqualTo(CheckStatus.PASS);
        assertThat(found.message()).contains("demo-rg exists (eastus)");
        // a created group is not checked
        assertThat(run(spec("1.26", "Standard_A1", 1), args().build()).results()).noneSatisfy(r -> assertThat(r.check()).isEqualTo("resource-group"));
    }

    @Test
    void aMachineOutsideTheAuthorizedRangesCannotApplyThePlatformSoALaterUpFailsFirst() throws Exception {
        String cluster = SUBS + "/resourceGroups/demo-rg/providers/Microsoft.ContainerService/managedClusters/demo";
        // replays ManagedClustersGet.json, its API server FQDN read as this machine's loopback address and its version as the spec's
        arm.example("GET", cluster, "containerservice-2023-04-01-ManagedClustersGet.json", 200,
                body -> body.replace("dnsprefix1-abcd1234.hcp.eastus.azmk8s.io", "127.0.0.1").replace("\"1.9.6\"", "\"1.26\""));
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int open = listening.getLocalPort();
            CheckResult reached = result(new AzurePreflight(AzureClients.forLoopback(arm.uri(), STATIC_TOKEN), open, java.util.Map.of())
                    .run(spec("1.26", "Standard_A1", 1), args().build()), "api-server");
            assertThat(reached.status()).as(reached.message()).isEqualTo(CheckStatus.PASS);
            int closed;
            try (java.net.ServerSocket gone = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = gone.getLocalPort();
            }
            CheckResult refused = result(new AzurePreflight(AzureClients.forLoopback(arm.uri(), STATIC_TOKEN), closed, java.util.Map.of())
                    .run(spec("1.26", "Standard_A1", 1), args().build()), "api-server");
            assertThat(refused.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(refused.message()).contains("cannot reach the API server 127.0.0.1:" + closed, "network.apiAccessAllowlist");
            // through a proxy the direct connection proves nothing
            CheckResult proxied = result(new AzurePreflight(AzureClients.forLoopback(arm.uri(), STATIC_TOKEN), closed,
                    java.util.Map.of("HTTPS_PROXY", "http://proxy.example:3128")).run(spec("1.26", "Standard_A1", 1), args().build()), "api-server");
            assertThat(proxied.status()).isEqualTo(CheckStatus.UNKNOWN);
        }
        // a first up (no cluster): nothing to reach yet, no check
        arm.armError("GET", cluster, 404, "ResourceNotFound", "The Resource 'Microsoft.ContainerService/managedClusters/demo' was not found.");
        assertThat(run(spec("1.26", "Standard_A1", 1), args().build()).results()).noneSatisfy(r -> assertThat(r.check()).isEqualTo("api-server"));
    }

    @Test
    void aSoftDeletedVaultOfAnAdoptedIdentityBlocksReCreatingTheStackSoThePreflightSaysHowToRecover() {
        String identity = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-cp";
        AzureTargetArgs adopted = args().controlPlaneIdentityId(identity).build();
        // replays IdentityGet.json: principal id 25cc773c-7f05-40fc-a104-32d2300754ad names the vault
        arm.example("GET", identity, "msi-2023-01-31-IdentityGet.json", 200);
        String vault = io.codezero.azure.AksNames.keyVaultName("demo", "25cc773c-7f05-40fc-a104-32d2300754ad");
        String availability = SUBS + "/providers/Microsoft.KeyVault/checkNameAvailability";
        // replays checkVaultNameAvailability.json as published: the name is free
        arm.example("POST", availability, "keyvault-2023-02-01-checkVaultNameAvailability.json", 200);
        assertThat(result(run(spec("1.26", "Standard_A1", 1), adopted), "key-vault-name").status()).isEqualTo(CheckStatus.PASS);
        // the same with the spec's AlreadyExists answer: taken, and not a vault of this stack's group (none listed: 404)
        arm.example("POST", availability, "keyvault-2023-02-01-checkVaultNameAvailability.json", 200, body -> body.replace("\"nameAvailable\":true",
                "\"nameAvailable\": false, \"reason\": \"AlreadyExists\", \"message\": \"The vault name '" + vault + "' is already in use.\""));
        CheckResult taken = result(run(spec("1.26", "Standard_A1", 1), adopted), "key-vault-name");
        assertThat(taken.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(taken.message()).contains(vault, "is already in use", "soft-deleted with purge protection", "az keyvault recover --name " + vault,
                "kms.keyId", "another controlPlaneIdentityId");
        // a later up: the name is taken by this stack's own vault (listVaultByResourceGroup.json, its sample-vault read as that name)
        arm.example("GET", SUBS + "/resourceGroups/demo-rg/providers/Microsoft.KeyVault/vaults", "keyvault-2023-02-01-listVaultByResourceGroup.json", 200,
                body -> body.replace("\"sample-vault\"", "\"" + vault + "\""));
        assertThat(result(run(spec("1.26", "Standard_A1", 1), adopted), "key-vault-name").status()).isEqualTo(CheckStatus.PASS);
        // a created identity is new on every deployment, and a brought key needs no vault: nothing to check
        assertThat(run(spec("1.26", "Standard_A1", 1), args().build()).results()).noneSatisfy(r -> assertThat(r.check()).isEqualTo("key-vault-name"));
    }

    @Test
    void aGrantTheAdoptedIdentityAlreadyHoldsOnTheAdoptedSubnetWouldBeRefusedAsADuplicate() {
        String identity = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-cp";
        String subnetId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/network-team/providers/Microsoft.Network/virtualNetworks/hub/subnets/aks";
        String principal = "25cc773c-7f05-40fc-a104-32d2300754ad";
        AzureTargetArgs adopted = args().controlPlaneIdentityId(identity).existingSubnetId(subnetId).egressCidrs(List.of("20.50.1.10/32"))
                .secretsEncryption(AzureTargetArgs.SecretsEncryption.PLATFORM).build();
        // replays IdentityGet.json (principal 25cc773c-...) and RoleAssignments_ListForScope.json read as that principal's Network
        // Contributor assignment at the subnet, under its published name b0f43c54-...: made outside this stack
        arm.example("GET", identity, "msi-2023-01-31-IdentityGet.json", 200);
        UnaryOperator<String> networkContributorAtSubnet = body -> body.replace("0b5fe924-9a61-425c-96af-cfe6e287ca2d", io.codezero.azure.AksNames.ROLE_NETWORK_CONTRIBUTOR)
                .replace("ce2ce14e-85d7-4629-bdbc-454d0519d987", principal).replace("\"scope\":\"/subscriptions/a925f2f7-5c63-4b7b-8799-25a5f97bc3b2\"",
                        "\"scope\":\"" + subnetId + "\"");
        String assignments = subnetId + "/providers/Microsoft.Authorization/roleAssignments";
        arm.example("GET", assignments, "authorization-2022-04-01-RoleAssignments_ListForScope.json", 200, networkContributorAtSubnet);
        CheckResult duplicate = result(run(spec("1.26", "Standard_A1", 1), adopted), "existing-grants");
        assertThat(duplicate.status()).as(duplicate.message()).isEqualTo(CheckStatus.FAIL);
        assertThat(duplicate.message()).contains("already holds Network Contributor on " + subnetId, "b0f43c54-e787-4862-89b1-a653fa9cf747",
                "RoleAssignmentExists", "createRoleAssignments: false");
        assertThat(arm.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo(assignments))
                .anySatisfy(r -> assertThat(r.query()).contains("principalId%20eq%20%27" + principal + "%27").contains("api-version=2022-04-01"));
        // the same assignment under the name this stack gives its own grant: a later up
        String ours = io.codezero.azure.AksNames.grantName("demo-rg", "demo", io.codezero.azure.AksNames.GRANT_NETWORK_CONTRIBUTOR, subnetId, principal);
        arm.example("GET", assignments, "authorization-2022-04-01-RoleAssignments_ListForScope.json", 200,
                body -> networkContributorAtSubnet.apply(body).replace("b0f43c54-e787-4862-89b1-a653fa9cf747", ours));
        assertThat(result(run(spec("1.26", "Standard_A1", 1), adopted), "existing-grants").status()).isEqualTo(CheckStatus.PASS);
        // inherited from the VNet, not at the subnet itself: no conflict
        arm.example("GET", assignments, "authorization-2022-04-01-RoleAssignments_ListForScope.json", 200,
                body -> networkContributorAtSubnet.apply(body).replace("/subnets/aks\"", "\""));
        assertThat(result(run(spec("1.26", "Standard_A1", 1), adopted), "existing-grants").status()).isEqualTo(CheckStatus.PASS);
    }
}
