package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.testing.InPlaceUpdates;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Changing the Kubernetes version or the pool sizes must update resources in place. Two programs
 * that differ only in that are run; for every resource, the inputs whose change makes the provider
 * replace it must be identical (unless the resource tells the engine to ignore them), and only
 * version or autoscaling inputs may differ.
 */
class InPlaceUpgradeTest {

    /**
     * Inputs that force replacement, per type: the ForceNew fields of terraform-provider-google-beta
     * v5.0.0 (commit 925e6d96, the `upstream` submodule of pulumi-gcp v7.0.0), in Pulumi's
     * spelling. Cluster: google-beta/services/container/resource_container_cluster.go; node pool:
     * resource_container_node_pool.go plus node_config.go (schemaNodeConfig); network, subnetwork,
     * router, router NAT: services/compute/resource_compute_*.go; key ring and key:
     * services/kms/resource_kms_*.go; service account: resourcemanager/resource_google_service_account.go;
     * IAM members: tpgiamresource/resource_iam_member.go (role, member, condition) plus the
     * parent (project, crypto_key_id). Kubernetes: immutable StorageClass fields.
     */
    static final Map<String, List<String>> REPLACE_ON_CHANGE = Map.ofEntries(
            Map.entry("gcp:container/cluster:Cluster", List.of("name", "location", "project", "description", "initialNodeCount",
                    "network", "subnetwork", "nodePools", "nodeConfig", "clusterIpv4Cidr", "enableKubernetesAlpha", "enableTpu", "enableAutopilot",
                    "confidentialNodes", "masterAuth.clientCertificateConfig", "ipAllocationPolicy.clusterIpv4CidrBlock",
                    "ipAllocationPolicy.servicesIpv4CidrBlock", "ipAllocationPolicy.clusterSecondaryRangeName",
                    "ipAllocationPolicy.servicesSecondaryRangeName", "ipAllocationPolicy.stackType", "ipAllocationPolicy.podCidrOverprovisionConfig", "networkingMode",
                    "privateClusterConfig.enablePrivateNodes", "privateClusterConfig.masterIpv4CidrBlock",
                    "privateClusterConfig.privateEndpointSubnetwork", "defaultMaxPodsPerNode", "datapathProvider", "enableMultiNetworking",
                    "dnsConfig", "clusterAutoscaling.autoProvisioningDefaults.bootDiskKmsKey", "tpuConfig")),
            Map.entry("gcp:container/nodePool:NodePool", List.of("project", "cluster", "location", "placementPolicy", "maxPodsPerNode",
                    "initialNodeCount", "name", "namePrefix", "networkConfig.createPodRange", "networkConfig.podRange",
                    "networkConfig.podIpv4CidrBlock", "networkConfig.additionalNodeNetworkConfigs", "networkConfig.additionalPodNetworkConfigs",
                    "networkConfig.podCidrOverprovisionConfig",
                    "nodeConfig.diskSizeGb", "nodeConfig.diskType", "nodeConfig.guestAccelerators", "nodeConfig.localSsdCount",
                    "nodeConfig.ephemeralStorageConfig", "nodeConfig.ephemeralStorageLocalSsdConfig", "nodeConfig.localNvmeSsdBlockConfig",
                    "nodeConfig.gvnic", "nodeConfig.machineType", "nodeConfig.metadata", "nodeConfig.minCpuPlatform", "nodeConfig.oauthScopes",
                    "nodeConfig.preemptible", "nodeConfig.reservationAffinity", "nodeConfig.spot", "nodeConfig.serviceAccount",
                    "nodeConfig.shieldedInstanceConfig", "nodeConfig.taints", "nodeConfig.sandboxConfig", "nodeConfig.bootDiskKmsKey",
                    "nodeConfig.nodeGroup", "nodeConfig.advancedMachineFeatures", "nodeConfig.soleTenantConfig",
                    "nodeConfig.hostMaintenancePolicy", "nodeConfig.confidentialNodes")),
            Map.entry("gcp:compute/network:Network", List.of("name", "autoCreateSubnetworks", "description", "enableUlaInternalIpv6",
                    "internalIpv6Range", "mtu", "project")),
            Map.entry("gcp:compute/subnetwork:Subnetwork", List.of("name", "network", "description", "purpose", "region", "project")),
            Map.entry("gcp:compute/router:Router", List.of("name", "network", "encryptedInterconnectRouter", "region", "project")),
            Map.entry("gcp:compute/firewall:Firewall", List.of("name", "direction", "project")),
            Map.entry("gcp:compute/routerNat:RouterNat", List.of("name", "router", "region", "type", "project")),
            Map.entry("gcp:kms/keyRing:KeyRing", List.of("location", "name", "project")),
            Map.entry("gcp:kms/cryptoKey:CryptoKey", List.of("keyRing", "name", "destroyScheduledDuration", "importOnly", "purpose",
                    "skipInitialVersionCreation", "versionTemplate.protectionLevel")),
            Map.entry("gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", List.of("cryptoKeyId", "role", "member", "condition")),
            Map.entry("gcp:serviceaccount/account:Account", List.of("accountId", "project")),
            Map.entry("gcp:projects/iAMMember:IAMMember", List.of("project", "role", "member", "condition")),
            Map.entry("kubernetes:storage.k8s.io/v1:StorageClass", List.of("metadata.name", "provisioner", "parameters",
                    "reclaimPolicy", "volumeBindingMode")));

    private static final InPlaceUpdates UPDATES = InPlaceUpdates.of(REPLACE_ON_CHANGE).honouringIgnoreChanges();

    @Test
    void aKubernetesVersionUpgradeChangesOnlyVersionInputs() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.33", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        // in a release channel the upgrade moves the control plane; the nodes follow it by GKE's auto-upgrade
        assertThat(changed).containsOnlyKeys("gcp:container/cluster:Cluster::demo-gke");
        assertThat(changed.get("gcp:container/cluster:Cluster::demo-gke")).containsExactly("minMasterVersion");
    }

    @Test
    void outsideAReleaseChannelAVersionUpgradeMovesTheControlPlaneAndEveryPool() {
        var args = Fixtures.args().releaseChannel(ReleaseChannel.UNSPECIFIED).build();
        Map<String, Set<String>> changed = UPDATES.assertInPlace(Fixtures.run(Fixtures.spec("1.33", 2, 5), args),
                Fixtures.run(Fixtures.spec("1.34", 2, 5), args));
        assertThat(changed).containsOnlyKeys("gcp:container/cluster:Cluster::demo-gke",
                "gcp:container/nodePool:NodePool::demo-system", "gcp:container/nodePool:NodePool::demo-gpu");
        assertThat(changed.get("gcp:container/nodePool:NodePool::demo-system")).containsExactly("version");
        assertThat(changed.get("gcp:container/nodePool:NodePool::demo-gpu")).containsExactly("version");
    }

    @Test
    void resizingAPoolChangesOnlyItsAutoscalingLimits() {
        OfflineRun before = Fixtures.run(Fixtures.spec("1.34", 2, 5), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec("1.34", 6, 10), Fixtures.args().build());
        Map<String, Set<String>> changed = UPDATES.assertInPlace(before, after);
        assertThat(changed).containsOnlyKeys("gcp:container/nodePool:NodePool::demo-system");
        // initialNodeCount (1 -> 2 per zone) is ignored by the engine once the pool exists
        assertThat(changed.get("gcp:container/nodePool:NodePool::demo-system"))
                .containsExactlyInAnyOrder("autoscaling.totalMaxNodeCount", "initialNodeCount");
    }

    @Test
    void theSameProgramTwiceRegistersIdenticalInputs() {
        OfflineRun first = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun second = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(UPDATES.assertInPlace(first, second)).isEmpty();
    }

    @Test
    void aMachineTypeChangeIsAPlannedReplacementUnderANewGkeName() {
        // GKE cannot change a live pool's machine type: the pool is replaced. Its GKE name changes
        // with it, so Pulumi creates the new pool before it deletes (and GKE drains) the old one.
        OfflineRun before = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        OfflineRun after = Fixtures.run(Fixtures.spec(), Fixtures.args().machineType(SizeClass.MEDIUM, "n2d-standard-4").build());
        PlannedResource a = before.get("gcp:container/nodePool:NodePool", "demo-system");
        PlannedResource b = after.get("gcp:container/nodePool:NodePool", "demo-system");
        assertThat(UPDATES.replacementInputs(a)).isNotEqualTo(UPDATES.replacementInputs(b));
        assertThat(b.input("name")).isNotEqualTo(a.input("name"));
        assertThat((String) b.input("name")).startsWith("system-");
        // the other pool keeps its name and its inputs
        assertThat(after.get("gcp:container/nodePool:NodePool", "demo-gpu").inputs())
                .isEqualTo(before.get("gcp:container/nodePool:NodePool", "demo-gpu").inputs());
    }






}
