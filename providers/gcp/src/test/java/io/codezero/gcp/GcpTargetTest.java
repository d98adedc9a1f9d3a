package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.TargetContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the target registers, read off the offline engine: the secure defaults and the shape of the cluster. */
class GcpTargetTest {
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String POOL = "gcp:container/nodePool:NodePool";

    private static OfflineRun defaultRun() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    @Test
    void theClusterIsPrivateWithAnAllowlistWorkloadIdentityDataplaneV2AndShieldedNodes() {
        PlannedResource cluster = defaultRun().get(CLUSTER, "demo-gke");
        assertThat(cluster.input("privateClusterConfig.enablePrivateNodes")).isEqualTo(true);
        assertThat(cluster.input("privateClusterConfig.enablePrivateEndpoint")).isEqualTo(false);
        assertThat(cluster.input("privateClusterConfig.masterIpv4CidrBlock")).isEqualTo("172.16.0.0/28");
        assertThat(cluster.input("masterAuthorizedNetworksConfig.cidrBlocks.0.cidrBlock")).isEqualTo(Fixtures.ALLOWED);
        assertThat((List<?>) cluster.input("masterAuthorizedNetworksConfig.cidrBlocks")).hasSize(1);
        assertThat(cluster.input("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled")).isEqualTo(false);
        assertThat(cluster.input("workloadIdentityConfig.workloadPool")).isEqualTo("acme-platform-dev.svc.id.goog");
        assertThat(cluster.input("datapathProvider")).isEqualTo("ADVANCED_DATAPATH");
        assertThat(cluster.input("enableShieldedNodes")).isEqualTo(true);
        assertThat(cluster.input("enableLegacyAbac")).isEqualTo(false);
        assertThat(cluster.input("masterAuth.clientCertificateConfig.issueClientCertificate")).isEqualTo(false);
        assertThat(cluster.input("networkingMode")).isEqualTo("VPC_NATIVE");
        assertThat(cluster.input("releaseChannel.channel")).isEqualTo("REGULAR");
        assertThat(cluster.input("minMasterVersion")).isEqualTo("1.34" + GcpPlanMocks.PATCH);
        assertThat(cluster.input("resourceLabels")).isEqualTo(Map.of("team", "platform", "managed-by", "codezero", "codezero-cluster", "demo"));
    }

    @Test
    void secretsAreEncryptedWithAKmsKeyTheGkeServiceAgentMayUse() {
        OfflineRun run = defaultRun();
        PlannedResource cluster = run.get(CLUSTER, "demo-gke");
        PlannedResource key = run.get("gcp:kms/cryptoKey:CryptoKey", "demo-secrets-key");
        PlannedResource ring = run.get("gcp:kms/keyRing:KeyRing", "demo-keyring");
        PlannedResource grant = run.get("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "demo-secrets-key-gke-agent");
        assertThat(cluster.input("databaseEncryption.state")).isEqualTo("ENCRYPTED");
        assertThat(cluster.input("databaseEncryption.keyName")).isEqualTo("demo-secrets-key-id");
        assertThat(ring.input("location")).isEqualTo("europe-west1");
        assertThat(ring.input("name")).as("auto-named: key rings outlive a destroy").isNull();
        assertThat(key.input("purpose")).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.input("rotationPeriod")).isEqualTo("7776000s");
        assertThat(grant.input("role")).isEqualTo("roles/cloudkms.cryptoKeyEncrypterDecrypter");
        assertThat(grant.input("member")).isEqualTo("serviceAccount:service-" + GcpPlanMocks.PROJECT_NUMBER + "@container-engine-robot.iam.gserviceaccount.com");
        assertThat(grant.input("cryptoKeyId")).isEqualTo("demo-secrets-key-id");
        assertThat(run.dependsOn(cluster, grant)).as("the agent may use the key before the cluster is created").isTrue();
    }

    @Test
    void outsideAReleaseChannelPoolsPinTheVersionAndAutoUpgradeIsOff() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().releaseChannel(ReleaseChannel.UNSPECIFIED).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType(POOL)).allSatisfy(p -> {
            assertThat(p.input("version")).isEqualTo("1.34" + GcpPlanMocks.PATCH);
            assertThat(p.input("management.autoUpgrade")).isEqualTo(false);
        });
    }

    @Test
    void anAdoptedKmsKeyIsUsedWithoutAGrantThatADestroyWouldRevokeFromOtherClusters() {
        String key = "projects/acme-security/locations/europe-west1/keyRings/gke/cryptoKeys/secrets";
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().kmsKeyName(key).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType("gcp:kms/keyRing:KeyRing")).isEmpty();
        assertThat(run.ofType("gcp:kms/cryptoKey:CryptoKey")).isEmpty();
        assertThat(run.get(CLUSTER, "demo-gke").input("databaseEncryption.keyName")).isEqualTo(key);
        // the key's owner grants GKE's agent; a grant of this stack would be deleted with it, for every cluster using the key
        assertThat(run.ofType("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember")).isEmpty();
    }

    @Test
    void aNewClusterWaitsForTheKmsGrantToTakeEffectBeforeItIsCreated() {
        List<java.time.Duration> waits = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        OfflineRun run = OfflineEngine.create().mocks(GcpPlanMocks.create()).run(ctx -> new io.codezero.gcp.cluster.GkeCluster("demo", Fixtures.spec(),
                Fixtures.args().build(), new io.codezero.gcp.cluster.IamPropagation(java.time.Duration.ofSeconds(90), waits::add),
                ComponentResourceOptions.builder().build()));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(waits).containsExactly(java.time.Duration.ofSeconds(90));
        assertThat(run.get(CLUSTER, "demo-gke").input("databaseEncryption.keyName")).isEqualTo("demo-secrets-key-id");
        // an adopted key gets no grant from us, so there is nothing to wait for
        waits.clear();
        OfflineRun adopted = OfflineEngine.create().mocks(GcpPlanMocks.create()).run(ctx -> new io.codezero.gcp.cluster.GkeCluster("demo", Fixtures.spec(),
                Fixtures.args().kmsKeyName("projects/acme-security/locations/europe-west1/keyRings/gke/cryptoKeys/secrets").build(),
                new io.codezero.gcp.cluster.IamPropagation(java.time.Duration.ofSeconds(90), waits::add), ComponentResourceOptions.builder().build()));
        assertThat(adopted.succeeded()).as(adopted.failure()).isTrue();
        assertThat(waits).isEmpty();
    }

    @Test
    void gpuPoolsNameTheirGpusSoGkeInstallsTheDriver() {
        OfflineRun run = defaultRun();
        PlannedResource gpu = run.get(POOL, "demo-gpu");
        assertThat(gpu.input("nodeConfig.guestAccelerators.0.type")).isEqualTo("nvidia-l4");
        assertThat(gpu.input("nodeConfig.guestAccelerators.0.count")).isEqualTo(1.0);
        assertThat(gpu.input("nodeConfig.guestAccelerators.0.gpuDriverInstallationConfig.gpuDriverVersion")).isEqualTo("DEFAULT");
        assertThat(run.get(POOL, "demo-system").input("nodeConfig.guestAccelerators")).isNull();
    }

    @Test
    void enableApisTurnsTheApisOnBeforeAnythingThatUsesThemAndLeavesThemOnAtDestroy() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().enableApis(true).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<PlannedResource> apis = run.ofType("gcp:projects/service:Service");
        assertThat(apis).extracting(a -> a.input("service")).containsExactlyInAnyOrderElementsOf(io.codezero.gcp.preflight.GcpPreflight.REQUIRED_APIS);
        assertThat(apis).allSatisfy(a -> assertThat(a.input("disableOnDestroy")).isEqualTo(false));
        PlannedResource container = apis.stream().filter(a -> a.input("service").equals("container.googleapis.com")).findFirst().orElseThrow();
        for (String type : List.of("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "gcp:kms/keyRing:KeyRing", "gcp:compute/network:Network",
                "gcp:serviceaccount/account:Account", CLUSTER, POOL)) {
            assertThat(run.ofType(type)).as(type).isNotEmpty().allSatisfy(r -> assertThat(run.graph().reaches(r.urn(), container.urn()))
                    .as(r + " waits for the container API").isTrue());
        }
        assertThat(Fixtures.run(Fixtures.spec(), Fixtures.args().build()).ofType("gcp:projects/service:Service")).as("off by default").isEmpty();
    }

    @Test
    void apiEnablementsNameTheProjectAsQuotaProjectSoAUserLoginWithoutOneCanEnableThem() {
        // Service Usage answers 403 "requires a quota project" to a user login without one (pulumi/pulumi-gcp#2032);
        // provider 5.0.0 sends X-Goog-User-Project on enable only with user_project_override and billing_project
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().enableApis(true).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource apisProvider = run.get("pulumi:providers:gcp", "demo-apis-gcp");
        assertThat(apisProvider.input("userProjectOverride")).isIn(true, "true");
        assertThat(apisProvider.input("billingProject")).isEqualTo("acme-platform-dev");
        assertThat(run.ofType("gcp:projects/service:Service")).isNotEmpty()
                .allSatisfy(api -> assertThat(api.providerUrn()).isEqualTo(apisProvider.urn()));
        // only the enablements: every other call keeps the deployer's own quota (no serviceusage.services.use asked)
        PlannedResource clusterProvider = run.get("pulumi:providers:gcp", "demo-gcp");
        assertThat(clusterProvider.input("userProjectOverride")).isNull();
        assertThat(run.get(CLUSTER, "demo-gke").providerUrn()).isEqualTo(clusterProvider.urn());
        assertThat(Fixtures.run(Fixtures.spec(), Fixtures.args().build()).ofType("pulumi:providers:gcp")).as("no second provider without enableApis").hasSize(1);
    }

    @Test
    void privateNodesGetAFirewallRuleFromTheControlPlaneToTheWebhookPorts() {
        OfflineRun run = defaultRun();
        PlannedResource rule = run.get("gcp:compute/firewall:Firewall", "demo-master-webhooks");
        assertThat(rule.input("sourceRanges")).isEqualTo(List.of("172.16.0.0/28"));
        assertThat(rule.input("allows.0.ports")).isEqualTo(List.of("8443", "9443", "15017"));
        assertThat(rule.input("targetServiceAccounts")).isEqualTo(List.of("demo-nodes@acme-platform-dev.iam.gserviceaccount.com"));
        assertThat(rule.input("network")).isEqualTo(run.get(CLUSTER, "demo-gke").input("network"));
        // public nodes: no control-plane range, no rule
        OfflineRun publicNodes = Fixtures.run(ClusterSpec.builder("demo").kubernetesVersion("1.34")
                .network(NetworkSpec.builder().privateNodes(false).allowApiAccessFrom(Fixtures.ALLOWED).build()).build(), Fixtures.args().build());
        assertThat(publicNodes.succeeded()).as(publicNodes.failure()).isTrue();
        assertThat(publicNodes.ofType("gcp:compute/firewall:Firewall")).isEmpty();
    }

    @Test
    void theClusterHandsBackTypedHandles() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (cluster, parent) -> {
            GkeClusterHandles handles = cluster.handles(GkeClusterHandles.class);
            assertThat(handles.nodePools()).hasSize(2);
            com.pulumi.core.Output.all(handles.clusterName(), handles.endpoint(), handles.workloadIdentityPool(),
                    handles.nodeServiceAccount().email(), handles.workloadIdentityMember("apps", "web"), handles.networkId(),
                    handles.subnetworkId(), handles.nodePools().get(0).name()).applyValue(values -> {
                        HANDLES.clear();
                        HANDLES.addAll(values);
                        return values;
                    });
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(HANDLES).hasSize(8);
        assertThat(HANDLES.get(0)).isEqualTo("demo");
        assertThat(HANDLES.get(1)).startsWith("https://").doesNotStartWith("https://https://");
        assertThat(HANDLES.subList(2, 5)).containsExactly("acme-platform-dev.svc.id.goog", "demo-nodes@acme-platform-dev.iam.gserviceaccount.com",
                "serviceAccount:acme-platform-dev.svc.id.goog[apps/web]");
        assertThat(HANDLES.get(5)).isEqualTo(run.get(CLUSTER, "demo-gke").input("network"));
        assertThat(HANDLES.get(6)).isEqualTo(run.get(CLUSTER, "demo-gke").input("subnetwork"));
        assertThat(HANDLES.get(7)).startsWith("system-");
    }

    private static final List<String> HANDLES = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @Test
    void nodesRunAsADedicatedLeastPrivilegeServiceAccount() {
        OfflineRun run = defaultRun();
        PlannedResource account = run.get("gcp:serviceaccount/account:Account", "demo-nodes-sa");
        assertThat(account.input("accountId")).isEqualTo("demo-nodes");
        String email = "demo-nodes@acme-platform-dev.iam.gserviceaccount.com";
        List<PlannedResource> grants = run.ofType("gcp:projects/iAMMember:IAMMember");
        assertThat(grants).extracting(g -> g.input("role")).containsExactlyInAnyOrder(
                "roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader");
        assertThat(grants).allSatisfy(g -> {
            assertThat(g.input("member")).isEqualTo("serviceAccount:" + email);
            assertThat(g.input("project")).isEqualTo("acme-platform-dev");
        });
        for (PlannedResource pool : run.ofType(POOL)) {
            assertThat(pool.input("nodeConfig.serviceAccount")).isEqualTo(email);
            assertThat(pool.input("nodeConfig.oauthScopes")).isEqualTo(List.of("https://www.googleapis.com/auth/cloud-platform"));
            assertThat(pool.input("nodeConfig.shieldedInstanceConfig.enableSecureBoot")).isEqualTo(true);
            assertThat(pool.input("nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring")).isEqualTo(true);
            assertThat(pool.input("nodeConfig.workloadMetadataConfig.mode")).isEqualTo("GKE_METADATA");
            assertThat(pool.input("nodeConfig.metadata.disable-legacy-endpoints")).isEqualTo("true");
            grants.forEach(g -> assertThat(run.dependsOn(pool, g)).as(pool + " waits for " + g).isTrue());
        }
        // even the default pool GKE makes (and we remove) never runs as the default compute account
        assertThat(run.get(CLUSTER, "demo-gke").input("nodeConfig.serviceAccount")).isEqualTo(email);
    }

    @Test
    void theDefaultPoolIsRemovedAndEveryPoolIsItsOwnResource() {
        OfflineRun run = defaultRun();
        PlannedResource cluster = run.get(CLUSTER, "demo-gke");
        assertThat(cluster.input("removeDefaultNodePool")).isEqualTo(true);
        assertThat(cluster.input("initialNodeCount")).isEqualTo(1.0);
        assertThat(cluster.input("nodePools")).as("no inline pools").isNull();
        assertThat(cluster.ignoreChanges()).containsExactly("nodeConfig");
        List<PlannedResource> pools = run.ofType(POOL);
        assertThat(pools).extracting(PlannedResource::name).containsExactlyInAnyOrder("demo-system", "demo-gpu");
        assertThat(pools).allSatisfy(p -> {
            assertThat(p.input("cluster")).isEqualTo("demo");
            assertThat(p.input("location")).isEqualTo("europe-west1");
            assertThat(p.input("version")).as("in a channel the pool version is GKE's: pinning it fights auto-upgrade").isNull();
            assertThat(p.input("management.autoRepair")).isEqualTo(true);
            assertThat(p.input("management.autoUpgrade")).as("GKE forces it in a release channel").isEqualTo(true);
            assertThat(p.ignoreChanges()).contains("initialNodeCount");
            assertThat(run.dependsOn(p, cluster)).isTrue();
        });
    }

    @Test
    void whatGkeAddsToAPoolDoesNotPlanAnUpdateOnEveryUp() {
        // provider 5.0.0 reads nodeConfig.resourceLabels back with GKE's goog-gke-* additions and suppresses no diff, and
        // reads GKE's default kubeletConfig (linuxNodeConfig) into blocks that are optional but not computed in its schema
        OfflineRun run = defaultRun();
        assertThat(run.ofType(POOL)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.ignoreChanges()).containsExactlyInAnyOrder("initialNodeCount", "nodeConfig.resourceLabels",
                    "nodeConfig.kubeletConfig", "nodeConfig.linuxNodeConfig");
            // the settings GKE defaults are never ours to send
            assertThat(p.input("nodeConfig.kubeletConfig")).isNull();
            assertThat(p.input("nodeConfig.linuxNodeConfig")).isNull();
            // still labelled when created
            assertThat(p.input("nodeConfig.resourceLabels")).isEqualTo(Map.of("team", "platform", "managed-by", "codezero", "codezero-cluster", "demo"));
        });
    }

    @Test
    void noFlagThatGkeTurnsOnItselfCanPlanAClusterReplacement() throws Exception {
        // the pinned provider replaces the cluster when these go from on to off (extracted from its CustomizeDiff)
        List<String> onceOnAlwaysOn = new java.util.ArrayList<>();
        try (var in = getClass().getResourceAsStream(ProviderReplaceRulesTest.RULES)) {
            var rules = JsonParser.parseString(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
            rules.getAsJsonObject("resources").getAsJsonObject(CLUSTER).getAsJsonArray("forceNewIfChange").forEach(e -> {
                if (e.getAsJsonObject().get("when").getAsString().equals("isBeenEnabled")) {
                    onceOnAlwaysOn.add(e.getAsJsonObject().get("field").getAsString());
                }
            });
        }
        assertThat(onceOnAlwaysOn).containsExactlyInAnyOrder("enableL4IlbSubsetting", "enableFqdnNetworkPolicy");
        PlannedResource cluster = defaultRun().get(CLUSTER, "demo-gke");
        // GKE turns ILB subsetting on from 1.36 (its internal load balancing guide); unset means the provider's default false
        assertThat(cluster.input("enableL4IlbSubsetting")).isEqualTo(true);
        // FQDN network policy is only ever turned on by its owner: we never send it
        assertThat(cluster.input("enableFqdnNetworkPolicy")).isNull();
    }

    @Test
    void poolsMapSizeClassesSpotLabelsTaintsAndAutoscaling() {
        OfflineRun run = defaultRun();
        PlannedResource system = run.get(POOL, "demo-system");
        PlannedResource gpu = run.get(POOL, "demo-gpu");
        assertThat(system.input("nodeConfig.machineType")).isEqualTo("n2-standard-4");
        assertThat(system.input("nodeConfig.spot")).isEqualTo(false);
        assertThat(system.input("nodeConfig.labels")).isEqualTo(Map.of("codezero.io/pool", "system"));
        assertThat(system.input("autoscaling.totalMinNodeCount")).isEqualTo(2.0);
        assertThat(system.input("autoscaling.totalMaxNodeCount")).isEqualTo(5.0);
        assertThat(system.input("autoscaling.locationPolicy")).isEqualTo("BALANCED");
        assertThat(system.input("initialNodeCount")).as("2 nodes over GKE's default 3 zones: 1 per zone").isEqualTo(1.0);
        assertThat(system.input("upgradeSettings.strategy")).isEqualTo("SURGE");
        assertThat(system.input("upgradeSettings.maxSurge")).isEqualTo(1.0);
        assertThat(system.input("upgradeSettings.maxUnavailable")).isEqualTo(0.0);
        assertThat(system.input("nodeConfig.diskType")).isEqualTo("pd-balanced");
        assertThat((String) system.input("name")).matches("system-[0-9a-f]{4}");

        assertThat(gpu.input("nodeConfig.machineType")).isEqualTo("g2-standard-8");
        assertThat(gpu.input("nodeConfig.spot")).isEqualTo(true);
        assertThat(gpu.input("autoscaling.locationPolicy")).isEqualTo("ANY");
        assertThat(gpu.input("initialNodeCount")).isEqualTo(0.0);
        assertThat(gpu.input("nodeConfig.labels")).isEqualTo(Map.of("codezero.io/accelerator", "nvidia", "codezero.io/pool", "gpu"));
        assertThat(gpu.input("nodeConfig.taints")).isEqualTo(List.of(Map.of("key", "nvidia.com/gpu", "value", "present", "effect", "NO_SCHEDULE")));
        assertThat(gpu.input("nodeConfig.resourceLabels")).isEqualTo(Map.of("team", "platform", "managed-by", "codezero", "codezero-cluster", "demo"));
    }

    @Test
    void blueGreenUpgradesAndExplicitZonesAreOptions() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().upgradeStrategy(UpgradeStrategy.BLUE_GREEN)
                .zones(List.of("europe-west1-b", "europe-west1-c")).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource system = run.get(POOL, "demo-system");
        assertThat(system.input("upgradeSettings.strategy")).isEqualTo("BLUE_GREEN");
        assertThat(system.input("upgradeSettings.blueGreenSettings.nodePoolSoakDuration")).isEqualTo("1800s");
        assertThat(system.input("upgradeSettings.blueGreenSettings.standardRolloutPolicy.batchPercentage")).isEqualTo(0.25);
        assertThat(system.input("nodeLocations")).isEqualTo(List.of("europe-west1-b", "europe-west1-c"));
        assertThat(run.get(CLUSTER, "demo-gke").input("nodeLocations")).isEqualTo(List.of("europe-west1-b", "europe-west1-c"));
    }

    @Test
    void withoutAReleaseChannelNodeUpgradesAreOursAlone() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().releaseChannel(ReleaseChannel.UNSPECIFIED).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get(CLUSTER, "demo-gke").input("releaseChannel.channel")).isEqualTo("UNSPECIFIED");
        assertThat(run.ofType(POOL)).allSatisfy(p -> assertThat(p.input("management.autoUpgrade")).isEqualTo(false));
    }

    @Test
    void maintenanceHappensInTheWindowAndAMinorUpgradeFreezeIsAnExclusion() {
        PlannedResource plain = defaultRun().get(CLUSTER, "demo-gke");
        assertThat(plain.input("maintenancePolicy.recurringWindow.recurrence")).isEqualTo("FREQ=WEEKLY;BYDAY=SA,SU");
        assertThat(plain.input("maintenancePolicy.maintenanceExclusions")).isNull();
        OfflineRun frozen = Fixtures.run(Fixtures.spec(), Fixtures.args().noMinorUpgrades("2026-12-01T00:00:00Z", "2027-06-01T00:00:00Z").build());
        PlannedResource cluster = frozen.get(CLUSTER, "demo-gke");
        assertThat(cluster.input("maintenancePolicy.maintenanceExclusions.0.exclusionOptions.scope")).isEqualTo("NO_MINOR_UPGRADES");
        assertThat(cluster.input("maintenancePolicy.maintenanceExclusions.0.endTime")).isEqualTo("2027-06-01T00:00:00Z");
    }

    @Test
    void deletionProtectionIsOnByDefaultAndOffWhenAskedFor() {
        PlannedResource on = defaultRun().get(CLUSTER, "demo-gke");
        assertThat(on.input("deletionProtection")).isEqualTo(true);
        assertThat(on.protect()).as("pulumi destroy refuses before deleting anything").isTrue();
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().deletionProtection(false).build());
        PlannedResource off = run.get(CLUSTER, "demo-gke");
        assertThat(off.input("deletionProtection")).isEqualTo(false);
        assertThat(off.protect()).isFalse();
        // nothing else is protected: the rest of the stack is always destroyable
        assertThat(run.where(PlannedResource::protect)).isEmpty();
    }

    @Test
    void theNetworkIsCustomModeWithSecondaryRangesAndNatForPrivateNodes() {
        OfflineRun run = defaultRun();
        PlannedResource vpc = run.get("gcp:compute/network:Network", "demo-vpc");
        PlannedResource subnet = run.get("gcp:compute/subnetwork:Subnetwork", "demo-nodes");
        PlannedResource nat = run.get("gcp:compute/routerNat:RouterNat", "demo-nat");
        assertThat(vpc.input("autoCreateSubnetworks")).isEqualTo(false);
        assertThat(subnet.input("ipCidrRange")).isEqualTo(NetworkSpec.DEFAULT_VPC_CIDR);
        assertThat(subnet.input("privateIpGoogleAccess")).isEqualTo(true);
        assertThat(subnet.input("region")).isEqualTo("europe-west1");
        assertThat(subnet.input("secondaryIpRanges")).isEqualTo(List.of(
                Map.of("rangeName", "pods", "ipCidrRange", NetworkSpec.DEFAULT_POD_CIDR),
                Map.of("rangeName", "services", "ipCidrRange", NetworkSpec.DEFAULT_SERVICE_CIDR)));
        assertThat(nat.input("natIpAllocateOption")).isEqualTo("AUTO_ONLY");
        assertThat(nat.input("subnetworks.0.sourceIpRangesToNats")).isEqualTo(List.of("ALL_IP_RANGES"));
        PlannedResource cluster = run.get(CLUSTER, "demo-gke");
        assertThat(cluster.input("ipAllocationPolicy.clusterSecondaryRangeName")).isEqualTo("pods");
        assertThat(cluster.input("ipAllocationPolicy.servicesSecondaryRangeName")).isEqualTo("services");
        assertThat(cluster.input("subnetwork")).isEqualTo("demo-nodes-id");
        assertThat(run.dependsOn(cluster, nat)).isTrue();
    }

    @Test
    void anAdoptedNetworkIsUsedAsIsAndNothingIsCreatedInIt() {
        ClusterSpec spec = Fixtures.spec();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().existingNetwork("shared-vpc")
                .existingSubnetwork("projects/acme-net-host/regions/europe-west1/subnetworks/gke-nodes")
                .podRangeName("gke-pods").serviceRangeName("gke-services").build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.where(r -> r.type().startsWith("gcp:compute/"))).isEmpty();
        PlannedResource cluster = run.get(CLUSTER, "demo-gke");
        assertThat(cluster.input("network")).isEqualTo("shared-vpc");
        assertThat(cluster.input("subnetwork")).isEqualTo("projects/acme-net-host/regions/europe-west1/subnetworks/gke-nodes");
        assertThat(cluster.input("ipAllocationPolicy.clusterSecondaryRangeName")).isEqualTo("gke-pods");
        assertThat(cluster.input("ipAllocationPolicy.servicesSecondaryRangeName")).isEqualTo("gke-services");
    }

    @Test
    void aPrivateOnlyEndpointAdmitsTheNodeSubnetWhenNoAllowlistIsGiven() {
        ClusterSpec spec = Fixtures.spec().toBuilder()
                .network(NetworkSpec.builder().privateApiOnly(true).build()).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource cluster = run.get(CLUSTER, "demo-gke");
        assertThat(cluster.input("privateClusterConfig.enablePrivateEndpoint")).isEqualTo(true);
        assertThat(cluster.input("masterAuthorizedNetworksConfig.cidrBlocks.0.cidrBlock")).isEqualTo(NetworkSpec.DEFAULT_VPC_CIDR);
    }

    @Test
    void publicNodesAreAnExplicitOptOut() {
        ClusterSpec spec = Fixtures.spec().toBuilder()
                .network(NetworkSpec.builder().privateNodes(false).allowApiAccessFrom(Fixtures.ALLOWED).build()).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get(CLUSTER, "demo-gke").input("privateClusterConfig")).isNull();
    }

    @Test
    void theKubeconfigIsASecretThatRunsTheTokenHelperAndNeedsNoGcloud() {
        OfflineRun run = defaultRun();
        var kubeconfig = run.outputs().get("kubeconfig");
        assertThat(kubeconfig.secret()).isTrue();
        JsonObject config = JsonParser.parseString((String) kubeconfig.value()).getAsJsonObject();
        JsonObject cluster = config.getAsJsonArray("clusters").get(0).getAsJsonObject().getAsJsonObject("cluster");
        assertThat(cluster.get("server").getAsString()).startsWith("https://203.0.113.");
        assertThat(cluster.get("certificate-authority-data").getAsString()).isNotBlank();
        JsonObject exec = config.getAsJsonArray("users").get(0).getAsJsonObject().getAsJsonObject("user").getAsJsonObject("exec");
        assertThat(exec.get("command").getAsString()).isEqualTo("codezero-gke-token");
        assertThat(exec.get("interactiveMode").getAsString()).isEqualTo("Never");
        assertThat(kubeconfig.value().toString()).doesNotContain("gcloud", "gke-gcloud-auth-plugin");
        PlannedResource k8s = run.get("pulumi:providers:kubernetes", "demo-k8s");
        assertThat(k8s.isSecretInput("kubeconfig")).isTrue();
    }

    @Test
    void storageAndLoadBalancersUseGkeDriversAndAnnotations() {
        OfflineRun[] holder = new OfflineRun[1];
        ProvisionedCluster[] cluster = new ProvisionedCluster[1];
        holder[0] = Fixtures.run(Fixtures.spec(), Fixtures.args().build(), (c, parent) -> cluster[0] = c);
        OfflineRun run = holder[0];
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(cluster[0].storage().standardClass()).isEqualTo("codezero-balanced");
        assertThat(cluster[0].storage().fastClass()).isEqualTo("codezero-ssd");
        PlannedResource standard = run.get("kubernetes:storage.k8s.io/v1:StorageClass", "demo-storage-standard");
        PlannedResource fast = run.get("kubernetes:storage.k8s.io/v1:StorageClass", "demo-storage-fast");
        assertThat(standard.input("provisioner")).isEqualTo("pd.csi.storage.gke.io");
        assertThat(standard.input("parameters.type")).isEqualTo("pd-balanced");
        assertThat(fast.input("parameters.type")).isEqualTo("pd-ssd");
        assertThat(standard.input("volumeBindingMode")).isEqualTo("WaitForFirstConsumer");
        assertThat(cluster[0].loadBalancers().annotationsFor(Exposure.INTERNAL).orElseThrow())
                .isEqualTo(Map.of("networking.gke.io/load-balancer-type", "Internal"));
        assertThat(cluster[0].loadBalancers().annotationsFor(Exposure.INTERNET_FACING)).contains(Map.of());
        assertThat(cluster[0].loadBalancers().assignsAddresses()).isTrue();
        assertThat(cluster[0].facts().get(io.codezero.core.target.MeshDataplanePreference.class)).hasValueSatisfying(p -> assertThat(p.ambient()).isFalse());
    }

    @Test
    void twoGcpTargetsLiveInOneProgram() {
        ClusterSpec west = Fixtures.spec().toBuilder().name("west").build();
        ClusterSpec east = Fixtures.spec().toBuilder().name("east").build();
        OfflineRun run = OfflineEngine.create().mocks(GcpPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            new GcpTarget(Fixtures.args().build()).provision(west, new TargetContext("west", stack));
            new GcpTarget(Fixtures.args().region("us-east1").build()).provision(east, new TargetContext("east", stack));
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType(CLUSTER)).extracting(r -> r.input("name")).containsExactlyInAnyOrder("west", "east");
        assertThat(run.ofType(CLUSTER)).extracting(r -> r.input("location")).containsExactlyInAnyOrder("europe-west1", "us-east1");
        assertThat(run.ofType("pulumi:providers:gcp")).extracting(r -> r.input("region")).containsExactlyInAnyOrder("europe-west1", "us-east1");
        assertThat(run.ofType(POOL)).hasSize(4);
        // each cluster's resources use its own provider
        PlannedResource eastProvider = run.get("pulumi:providers:gcp", "east-gcp");
        assertThat(run.get(CLUSTER, "east-gke").providerUrn()).isEqualTo(eastProvider.urn());
    }

    @Test
    void theTargetHonoursEverySpecField() {
        assertThat(new GcpTarget(Fixtures.args().build()).honours()).containsExactlyInAnyOrder(SpecField.values());
    }
}
