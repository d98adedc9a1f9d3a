package io.codezero.gcp.preflight;

import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.ServiceAccountCredentials;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.gcp.GcpTargetArgs;
import io.codezero.gcp.ReleaseChannel;
import io.codezero.gcp.auth.GoogleAccessTokens;
import io.codezero.gcp.testing.FakeGoogle;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight against {@link FakeGoogle}, a loopback server answering with the documented
 * response shapes of each endpoint (named in each test); credentials are a real service-account
 * key flow against its token endpoint. One test per failure, each checking the one sentence a
 * user reads.
 */
class GcpPreflightTest {
    @TempDir
    Path dir;
    private FakeGoogle google;

    @BeforeEach
    void start() throws Exception {
        google = new FakeGoogle();
    }

    @AfterEach
    void stop() {
        google.close();
        // every request was a method of Google's published API descriptions, every answer one its schema allows
        assertThat(google.violations).isEmpty();
    }

    private static ClusterSpec spec() {
        return ClusterSpec.builder("demo").kubernetesVersion("1.34")
                .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, 3, 6).build())
                .nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(0, 0, 2).spot(true).build())
                .build();
    }

    private static GcpTargetArgs.Builder args() {
        return GcpTargetArgs.builder().project("acme-platform-dev").region("europe-west1");
    }

    private PreflightReport run(GcpTargetArgs args) throws Exception {
        return run(args, null);
    }

    private PreflightReport run(GcpTargetArgs args, String quotaProject) throws Exception {
        return run(spec(), args, quotaProject);
    }

    private PreflightReport run(ClusterSpec spec, GcpTargetArgs args, String quotaProject) throws Exception {
        Path key = google.writeServiceAccountKey(dir, quotaProject);
        try (InputStream in = Files.newInputStream(key)) {
            var credentials = ServiceAccountCredentials.fromStream(in).createScoped(GoogleAccessTokens.SCOPES);
            return new GcpPreflight(GoogleRest.at(google.uri(), credentials)).run(spec, args);
        }
    }

    private static CheckResult only(PreflightReport report, CheckStatus status) {
        List<CheckResult> matching = report.results().stream().filter(r -> r.status() == status).toList();
        assertThat(matching).as(report.render()).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aHealthyProjectPassesEveryCheck() throws Exception {
        PreflightReport report = run(args().build());
        assertThat(report.passed()).as(report.render() + google.rejections).isTrue();
        assertThat(report.unknowns()).as(report.render()).isEmpty();
        assertThat(report.results()).extracting(CheckResult::check).containsExactly("credentials", "project", "api", "api", "api", "api", "api",
                "permissions", "org-policy", "org-policy", "org-policy", "org-policy", "region", "kubernetes-version", "names", "machine-type", "machine-type", "quota", "quota", "quota", "quota");
        // one token for the whole run, and a token request signed like Google's own libraries do
        assertThat(google.tokenRequests()).isEqualTo(1);
        assertThat(google.assertions.get(0).get("scope").getAsString()).contains("https://www.googleapis.com/auth/cloud-platform");
        // 6 nodes at maximum plus one surge node in each of the 3 zones, 4 vCPUs each
        assertThat(report.render()).contains("N2_CPUS in europe-west1 has 40 vCPUs free; pool system need 36 more (36 in all at maximum size with upgrade surge)")
                .contains("NVIDIA_L4_GPUS in europe-west1 has 8 GPUs free; pool gpu need 5 more")
                .contains("SSD_TOTAL_GB in europe-west1 has 4096 GB free; pools system, gpu need 1400 more");
    }

    @Test
    void aUserLoginWithoutAQuotaProjectReadsServiceUsageBilledToTheProjectAsTheDeployEnablesApis() throws Exception {
        // `gcloud auth application-default login` without set-quota-project: an authorized_user file naming no quota
        // project. Service Usage answers such a login 403 "requires a quota project"; the deploy's enablements name
        // the project (ProjectApis), and so do the preflight's reads, so enableApis is checked like any other login
        google.services.put("cloudkms.googleapis.com", "DISABLED");
        PreflightReport report = runAsUser(args().enableApis(true).build(), null);
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.results()).filteredOn(r -> r.check().equals("api")).extracting(CheckResult::status).containsOnly(CheckStatus.PASS);
        List<String> serviceUsage = new ArrayList<>();
        List<String> others = new ArrayList<>();
        synchronized (google.calls) {
            List<String> apiCalls = google.calls.stream().filter(c -> !c.endsWith("/token")).toList();
            for (int i = 0; i < apiCalls.size(); i++) {
                (apiCalls.get(i).contains("/services/") ? serviceUsage : others).add(google.quotaProjects.get(i));
            }
        }
        assertThat(serviceUsage).hasSize(5).containsOnly("acme-platform-dev");
        assertThat(others).as("every other API takes a user login as it is").isNotEmpty().containsOnly("");
        // a quota project the login names is the one used, everywhere
        google.quotaProjects.clear();
        assertThat(runAsUser(args().enableApis(true).build(), "acme-billing").passed()).isTrue();
        assertThat(google.quotaProjects).isNotEmpty().containsOnly("acme-billing");
    }

    private PreflightReport runAsUser(GcpTargetArgs args, String quotaProject) throws Exception {
        Path file = google.writeAuthorizedUser(dir, quotaProject);
        try (InputStream in = Files.newInputStream(file)) {
            var credentials = com.google.auth.oauth2.GoogleCredentials.fromStream(in).createScoped(GoogleAccessTokens.SCOPES);
            return new GcpPreflight(GoogleRest.at(google.uri(), credentials)).run(spec(), args);
        }
    }

    @Test
    void everyCallCarriesTheAuthLibrarysRequestMetadataIncludingTheQuotaProject() throws Exception {
        // ADC files may name a quota project; the auth library then asks for x-goog-user-project on every request
        PreflightReport report = run(args().build(), "acme-billing");
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(google.quotaProjects).hasSizeGreaterThan(8).allMatch("acme-billing"::equals);
    }

    @Test
    void rejectedCredentialsStopEverythingWithOneSentence() throws Exception {
        // OAuth 2.0 token endpoint error response: {"error": "invalid_grant", "error_description": ...}
        google.rejectGrant = true;
        PreflightReport report = run(args().build());
        CheckResult failed = only(report, CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("credentials");
        assertThat(failed.message()).contains("invalid_grant").contains("GOOGLE_APPLICATION_CREDENTIALS").doesNotContain("\n");
        assertThat(report.results()).hasSize(1);
    }

    @Test
    void anUnknownProjectIsReported() throws Exception {
        // Resource Manager v1 projects.get answers 403 PERMISSION_DENIED for a project the caller cannot see (or that does not exist)
        PreflightReport report = run(args().project("acme-typo-project").build());
        CheckResult failed = only(report, CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("project acme-typo-project does not exist or these credentials cannot see it")
                .contains("check gcp.project");
    }

    @Test
    void aProjectBeingDeletedIsReported() throws Exception {
        google.projectState = "DELETE_REQUESTED";
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).contains("is DELETE_REQUESTED, not ACTIVE");
    }

    @Test
    void aDisabledApiSaysHowToEnableIt() throws Exception {
        // Service Usage v1 services.get: Service.state DISABLED
        google.services.put("cloudkms.googleapis.com", "DISABLED");
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).isEqualTo("cloudkms.googleapis.com is not enabled in project acme-platform-dev; enable it at "
                + "https://console.cloud.google.com/apis/library/cloudkms.googleapis.com?project=acme-platform-dev (or: gcloud services enable cloudkms.googleapis.com), or set gcp.enableApis: true");
    }

    @Test
    void aDisabledContainerApiStopsTheChecksThatNeedIt() throws Exception {
        google.services.put("container.googleapis.com", "DISABLED");
        PreflightReport report = run(args().build());
        assertThat(only(report, CheckStatus.FAIL).message()).startsWith("container.googleapis.com is not enabled");
        assertThat(report.results()).extracting(CheckResult::check).doesNotContain("region", "kubernetes-version");
    }

    @Test
    void disabledApisPassWhenTheDeployEnablesThem() throws Exception {
        google.services.put("cloudkms.googleapis.com", "DISABLED");
        google.services.put("container.googleapis.com", "DISABLED");
        PreflightReport report = run(args().enableApis(true).build());
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.render()).contains("container.googleapis.com is not enabled yet; the deploy enables it first (gcp.enableApis)");
        assertThat(only(report, CheckStatus.UNKNOWN).message()).contains("once container.googleapis.com is on");
    }

    @Test
    void aMinorUpgradeTogetherWithANewExclusionEndMustBeTwoUps() throws Exception {
        // Kubernetes Engine v1 clusters.get: currentMasterVersion and maintenancePolicy.window.maintenanceExclusions
        google.clusters.put("demo", new String[] {"1.33.7-gke.1000000", "2026-06-01T00:00:00Z"});
        CheckResult failed = only(run(args().noMinorUpgrades("2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z").build()), CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("upgrade-order");
        assertThat(failed.message()).startsWith("cluster demo runs 1.33 and this deploy both moves it to 1.34 and changes the no-minor-upgrades exclusion's end")
                .endsWith("so do it in two `up`s: first kubernetesVersion with the exclusion as it is, then the exclusion");
        // step one: the upgrade alone passes; step two: the exclusion alone (the cluster already on 1.34) has nothing to order
        assertThat(run(args().noMinorUpgrades("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z").build()).passed()).isTrue();
        google.clusters.put("demo", new String[] {"1.34.4-gke.1200000", "2026-06-01T00:00:00Z"});
        assertThat(run(args().noMinorUpgrades("2026-01-01T00:00:00Z", "2026-12-01T00:00:00Z").build()).passed()).isTrue();
    }

    @Test
    void aTypeMissingInOneZoneOfAFourZoneRegionIsUnknownNotAFailure() throws Exception {
        google.zones.add("europe-west1-e");
        google.missingIn.put("g2-standard-8", List.of("europe-west1-e"));
        PreflightReport report = run(args().build());
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(only(report, CheckStatus.UNKNOWN).message()).startsWith("machine type g2-standard-8 (pool gpu) is not offered in europe-west1-e but is in 3 other zones");
    }

    @Test
    void anUnknownRegionIsReported() throws Exception {
        // Compute v1 regions.get: 404 with errors[].reason notFound
        CheckResult failed = only(run(args().region("europe-west99").build()), CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("region");
        assertThat(failed.message()).startsWith("region europe-west99 does not exist");
    }

    @Test
    void zonesOutsideTheRegionAreReported() throws Exception {
        CheckResult failed = only(run(args().zones(List.of("europe-west1-b", "europe-west1-a")).build()), CheckStatus.FAIL);
        assertThat(failed.message()).isEqualTo("zone europe-west1-a not in region europe-west1; its zones are europe-west1-b, europe-west1-c, europe-west1-d: fix gcp.zones");
    }

    @Test
    void aVersionTheChannelDoesNotOfferNamesTheChannelsThatDo() throws Exception {
        // Kubernetes Engine v1 getServerConfig: channels[].validVersions
        CheckResult failed = only(run(args().releaseChannel(ReleaseChannel.STABLE).build()), CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("kubernetes-version");
        assertThat(failed.message()).isEqualTo("GKE does not offer Kubernetes 1.34 in the STABLE channel in europe-west1 (it offers 1.32, 1.33 there); "
                + "set gcp.releaseChannel to RAPID or REGULAR, or kubernetesVersion to an offered version");
    }

    @Test
    void withoutAChannelTheRegionsMasterVersionsDecide() throws Exception {
        google.validMasterVersions.removeIf(v -> v.startsWith("1.34."));
        CheckResult failed = only(run(args().releaseChannel(ReleaseChannel.UNSPECIFIED).build()), CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("GKE does not offer Kubernetes 1.34 in europe-west1 (it offers 1.32, 1.33, 1.35 there)");
    }

    @Test
    void aMachineTypeMissingInAZoneIsReported() throws Exception {
        // Compute v1 machineTypes.get: 404 notFound in that zone
        google.missingIn.put("g2-standard-8", List.of("europe-west1-d"));
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).isEqualTo("machine type g2-standard-8 (pool gpu) is not offered in europe-west1-d; GKE may place nodes in any zone "
                + "of the region, so set gcp.zones to zones that offer it or another type with gcp.machineTypes");
        // with zones chosen around it, it passes
        assertThat(run(args().zones(List.of("europe-west1-b", "europe-west1-c")).build()).passed()).isTrue();
    }

    @Test
    void aCpuQuotaTooSmallForThePoolsAtMaximumSizeIsReported() throws Exception {
        // Compute v1 regions.get: quotas[] of {metric, limit, usage}
        google.quotas.put("N2_CPUS", new double[] {24, 8});
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).isEqualTo("quota N2_CPUS in europe-west1 is 24 with 8 in use, so 16 are free, but pool system need 36 more vCPUs "
                + "at maximum size with upgrade surge (36 in all); request more at https://console.cloud.google.com/iam-admin/quotas?project=acme-platform-dev or lower maxNodes");
    }

    @Test
    void aLaterUpCountsOnlyWhatItAddsNotTheNodesTheClusterAlreadyHas() throws Exception {
        // 24 of the 24 vCPUs in use are this cluster's own 6 nodes (Compute v1 instances.aggregatedList, GKE's node label)
        google.quotas.put("N2_CPUS", new double[] {40, 24});
        for (int i = 0; i < 6; i++) {
            google.clusterNodes.computeIfAbsent("demo", k -> new java.util.ArrayList<>())
                    .add(new FakeGoogle.Node("europe-west1-" + "bcd".charAt(i % 3), "n2-standard-4", false, 100));
        }
        google.quotas.put("SSD_TOTAL_GB", new double[] {4096, 600});
        PreflightReport report = run(args().build());
        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.render()).contains("N2_CPUS in europe-west1 has 16 vCPUs free (24 of them by this cluster's nodes); pool system need 12 more");
        assertThat(google.calls).anyMatch(c -> c.equals("GET /compute/v1/projects/acme-platform-dev/aggregated/instances"));
    }

    @Test
    void surgeNodesOfAnUpgradeNeedQuotaToo() throws Exception {
        // room for 6 nodes (24 vCPUs) but not for the 3 surge nodes an upgrade adds
        google.quotas.put("N2_CPUS", new double[] {32, 0});
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).startsWith("quota N2_CPUS in europe-west1 is 32 with 0 in use, so 32 are free, "
                + "but pool system need 36 more vCPUs");
        // blue-green: a second pool as large as the first
        google.quotas.put("N2_CPUS", new double[] {47, 0});
        assertThat(only(run(args().upgradeStrategy(io.codezero.gcp.UpgradeStrategy.BLUE_GREEN).build()), CheckStatus.FAIL).message())
                .contains("pool system need 48 more vCPUs");
    }

    @Test
    void theGpusAPoolNamesMustBeTheOnesComputeEngineSaysItsMachineTypeHas() throws Exception {
        google.accelerators.put("g2-standard-8", new Object[] {"nvidia-l4", 2});
        google.quotas.put("NVIDIA_L4_GPUS", new double[] {16, 0});
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).isEqualTo("machine type g2-standard-8 (pool gpu) carries 2 x nvidia-l4 by "
                + "Compute Engine's description, but the node pool would name 1 x nvidia-l4 for GKE's driver installation; choose another gcp.machineTypes.gpu");
    }

    @Test
    void gpuAndSsdQuotasAreChecked() throws Exception {
        // Compute v1 machineTypes.get: accelerators[] of {guestAcceleratorType, guestAcceleratorCount}; g2-standard-8 carries one L4
        google.quotas.put("NVIDIA_L4_GPUS", new double[] {4, 0});
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).startsWith("quota NVIDIA_L4_GPUS in europe-west1 is 4 with 0 in use, so 4 are free, "
                + "but pool gpu need 5 more GPUs");
        google.quotas.put("NVIDIA_L4_GPUS", new double[] {8, 0});
        // balanced persistent disks count against SSD_TOTAL_GB: 14 nodes x 100 GB
        google.quotas.put("SSD_TOTAL_GB", new double[] {1000, 0});
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).startsWith("quota SSD_TOTAL_GB in europe-west1 is 1000 with 0 in use, so 1000 are free, "
                + "but pools system, gpu need 1400 more GB");
    }

    @Test
    void spotPoolsCountAgainstPreemptibleCpusWhenTheProjectHasThatQuota() throws Exception {
        google.quotas.put("PREEMPTIBLE_CPUS", new double[] {8, 4});
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("quota PREEMPTIBLE_CPUS in europe-west1 is 8 with 4 in use, so 4 are free, but pool gpu need 40 more vCPUs");
    }

    @Test
    void aQuotaTheRegionDoesNotReportIsUnknownNotAPass() throws Exception {
        google.quotas.remove("G2_CPUS");
        google.quotas.remove("CPUS");
        PreflightReport report = run(args().build());
        assertThat(report.passed()).isTrue();
        assertThat(only(report, CheckStatus.UNKNOWN).message()).isEqualTo("region europe-west1 reports no CPUS quota, needed by pool gpu");
    }

    @Test
    void aDeployerMissingPermissionsIsToldWhichAndWhatGrantsThemBeforeAnythingIsCreated() throws Exception {
        // Resource Manager v1 projects.testIamPermissions answers the subset of the asked permissions the caller holds.
        // A project editor, say: no IAM policy changes and no acting as service accounts.
        google.grantedPermissions = new java.util.HashSet<>(DeployerPermissions.needed(spec(), args().build()));
        google.grantedPermissions.removeAll(List.of("iam.serviceAccounts.actAs", "resourcemanager.projects.setIamPolicy", "cloudkms.cryptoKeys.setIamPolicy"));
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("permissions");
        assertThat(failed.message()).isEqualTo("these credentials lack iam.serviceAccounts.actAs, resourcemanager.projects.setIamPolicy,"
                + " cloudkms.cryptoKeys.setIamPolicy on project acme-platform-dev; grant them (for example roles/iam.serviceAccountUser,"
                + " roles/resourcemanager.projectIamAdmin, roles/cloudkms.admin) to the identity that runs pulumi up");
        // what the plan creates decides what is asked: our network, the private nodes' webhook rule, our key
        assertThat(google.askedPermissions).contains("compute.networks.create", "compute.routers.update", "compute.firewalls.create",
                "compute.networks.updatePolicy", "cloudkms.keyRings.create", "container.clusters.create", "container.clusterRoles.create");
    }

    @Test
    void enablingApisAsksForListingAndForBillingServiceUsageCallsToTheProject() throws Exception {
        // the provider (5.0.0) reads google_project_service by services.list and, with user_project_override, names the
        // project in X-Goog-User-Project, which Google allows only to holders of serviceusage.services.use on it
        google.grantedPermissions = new java.util.HashSet<>(DeployerPermissions.needed(spec(), args().enableApis(true).build()));
        google.grantedPermissions.removeAll(List.of("serviceusage.services.use", "serviceusage.services.list"));
        CheckResult failed = only(run(args().enableApis(true).build()), CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("these credentials lack serviceusage.services.list, serviceusage.services.use on project acme-platform-dev")
                .contains("roles/serviceusage.serviceUsageAdmin");
        run(args().build());
        assertThat(google.askedPermissions).as("nothing of Service Usage without enableApis").noneMatch(p -> p.startsWith("serviceusage."));
    }

    @Test
    void nothingIsAskedForWhatAnAdoptedNetworkAndKeyAlreadyHave() throws Exception {
        run(args().existingNetwork("shared-vpc").existingSubnetwork("gke-nodes").kmsKeyName("projects/acme-platform-dev/locations/europe-west1/keyRings/r/cryptoKeys/k").build());
        assertThat(google.askedPermissions).contains("container.clusters.create", "iam.serviceAccounts.actAs")
                .noneMatch(p -> p.startsWith("compute.") || p.startsWith("cloudkms."));
    }

    @Test
    void kubernetesPermissionsMissingFromIamAreUnknownOnAnExistingClusterWhereRbacMayGrantThem() throws Exception {
        google.grantedPermissions = new java.util.HashSet<>(DeployerPermissions.needed(spec(), args().build()));
        google.grantedPermissions.remove("container.clusterRoles.create");
        // a new cluster: no RBAC binding exists yet, so IAM alone decides
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).startsWith("these credentials lack container.clusterRoles.create");
        google.clusters.put("demo", new String[] {"1.34.4-gke.1200000", null});
        PreflightReport later = run(args().build());
        assertThat(later.passed()).as(later.render()).isTrue();
        assertThat(only(later, CheckStatus.UNKNOWN).message()).endsWith("unless Kubernetes RBAC in cluster demo grants the Kubernetes ones");
    }

    @Test
    void anOrganizationThatForbidsServiceAccountCreationIsReported() throws Exception {
        // getEffectiveOrgPolicy: OrgPolicy.booleanPolicy.enforced
        google.orgPolicies.put("constraints/iam.disableServiceAccountCreation",
                com.google.gson.JsonParser.parseString("{\"booleanPolicy\": {\"enforced\": true}}").getAsJsonObject());
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("org-policy");
        assertThat(failed.message()).startsWith("constraints/iam.disableServiceAccountCreation is enforced on project acme-platform-dev, so the node service account cannot be created");
    }

    @Test
    void publicNodesUnderAnExternalAddressDenyPolicyAreReportedAndPrivateNodesDoNotAsk() throws Exception {
        // getEffectiveOrgPolicy: OrgPolicy.listPolicy.allValues DENY (the usual setting of compute.vmExternalIpAccess)
        google.orgPolicies.put("constraints/compute.vmExternalIpAccess",
                com.google.gson.JsonParser.parseString("{\"listPolicy\": {\"allValues\": \"DENY\"}}").getAsJsonObject());
        assertThat(run(args().build()).passed()).isTrue();
        ClusterSpec publicNodes = spec().toBuilder().network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").privateNodes(false).build()).build();
        CheckResult failed = only(run(publicNodes, args().build(), null), CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("constraints/compute.vmExternalIpAccess on project acme-platform-dev lets only listed VMs (or none) have external addresses")
                .endsWith("remove privateNodes: false (private nodes egress through Cloud NAT)");
        // an allow list cannot name VMs GKE has not named yet
        google.orgPolicies.put("constraints/compute.vmExternalIpAccess", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"allowedValues\": [\"projects/acme-platform-dev/zones/europe-west1-b/instances/bastion\"]}}").getAsJsonObject());
        assertThat(only(run(publicNodes, args().build(), null), CheckStatus.FAIL).check()).isEqualTo("org-policy");
    }

    @Test
    void anOrganizationThatRequiresCustomerManagedKeysForComputeRefusesNodeBootDisksWithGoogleKeys() throws Exception {
        // getEffectiveOrgPolicy of gcp.restrictNonCmekServices: a deny list of services whose new resources need CMEK
        google.orgPolicies.put("constraints/gcp.restrictNonCmekServices", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"deniedValues\": [\"compute.googleapis.com\", \"bigquery.googleapis.com\"]}}").getAsJsonObject());
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("constraints/gcp.restrictNonCmekServices on project acme-platform-dev requires customer-managed"
                + " encryption keys for compute.googleapis.com, and node boot disks");
        // services this deploy does not create resources of pass
        google.orgPolicies.put("constraints/gcp.restrictNonCmekServices", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"deniedValues\": [\"bigquery.googleapis.com\"]}}").getAsJsonObject());
        assertThat(run(args().build()).passed()).isTrue();
    }

    @Test
    void anOrganizationThatRestrictsVpcPeeringRefusesANewPrivateClustersControlPlanePeering() throws Exception {
        // getEffectiveOrgPolicy of compute.restrictVpcPeering, an allow list of the organization's own networks: GKE's
        // control plane network lives in a project Google owns, so the peering GKE makes for private nodes is refused
        google.orgPolicies.put("constraints/compute.restrictVpcPeering", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"allowedValues\": [\"projects/acme-hub/global/networks/hub\"]}}").getAsJsonObject());
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).startsWith("constraints/compute.restrictVpcPeering on project acme-platform-dev allows peering only with"
                + " projects/acme-hub/global/networks/hub, and a cluster with private nodes peers");
        // public nodes make no peering and are not asked about it
        ClusterSpec publicNodes = spec().toBuilder().network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").privateNodes(false).build()).build();
        assertThat(run(publicNodes, args().build(), null).render()).doesNotContain("restrictVpcPeering");
        // a subtree may hold Google's project: not known
        google.orgPolicies.put("constraints/compute.restrictVpcPeering", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"allowedValues\": [\"under:organizations/123456789\"]}}").getAsJsonObject());
        assertThat(run(args().build()).unknowns()).extracting(CheckResult::message).anyMatch(m -> m.startsWith("constraints/compute.restrictVpcPeering"));
        // a cluster that exists keeps its peering: a later up is not refused
        google.orgPolicies.put("constraints/compute.restrictVpcPeering", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"allValues\": \"DENY\"}}").getAsJsonObject());
        assertThat(only(run(args().build()), CheckStatus.FAIL).message()).contains("allows peering with no network");
        google.clusters.put("demo", new String[] {"1.34.4-gke.1200000", null});
        PreflightReport later = run(args().build());
        assertThat(later.passed()).as(later.render()).isTrue();
    }

    @Test
    void publicNodesNeedRegionalExternalAddressQuotaAndPrivateOnesDoNot() throws Exception {
        // Compute v1 regions.get quotas: IN_USE_ADDRESSES counts the ephemeral external address of every VM that has one
        google.quotas.put("IN_USE_ADDRESSES", new double[] {8, 2});
        assertThat(run(args().build()).render()).doesNotContain("IN_USE_ADDRESSES");
        ClusterSpec publicNodes = spec().toBuilder().network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.10/32").privateNodes(false).build()).build();
        CheckResult failed = only(run(publicNodes, args().build(), null), CheckStatus.FAIL);
        // (6 + 2) nodes at maxNodes plus one surge node per zone for each pool: 8 + 6
        assertThat(failed.message()).startsWith("quota IN_USE_ADDRESSES in europe-west1 is 8 with 2 in use, so 6 are free, but pools system, gpu need 14 more addresses");
    }

    @Test
    void aClusterOfTheSameNameInAnotherRegionOfTheProjectHoldsItsNamesAndIsReported() throws Exception {
        // Compute v1 networks.get: Network.subnetworks lists the subnets' URLs, their regions in them
        google.networks.put("demo-vpc", List.of("us-central1"));
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.check()).isEqualTo("names");
        assertThat(failed.message()).isEqualTo("network demo-vpc already exists in project acme-platform-dev with subnets in us-central1, not europe-west1:"
                + " another cluster named demo holds this project's names (network, firewall rule, node service account are unique per project);"
                + " give this cluster another name, or use another project");
        // this stack's own network (a later up, or one after an interrupted first up) passes
        google.networks.put("demo-vpc", List.of("europe-west1"));
        assertThat(run(args().build()).passed()).isTrue();
        // a network with no subnet yet cannot be told apart
        google.networks.put("demo-vpc", List.of());
        assertThat(only(run(args().build()), CheckStatus.UNKNOWN).message()).startsWith("network demo-vpc exists with no subnet");
    }

    @Test
    void aLiveSubnetsRangesMayOnlyGrowAndItsPodAndServiceRangesNeverChange() throws Exception {
        // Compute v1 subnetworks.get: ipCidrRange and secondaryIpRanges[].{rangeName, ipCidrRange}
        google.subnets.put("demo-nodes", new String[] {"10.0.0.0/16", "10.100.0.0/16", "172.20.0.0/16"});
        assertThat(run(args().build()).render()).contains("subnet demo-nodes keeps its live ranges");
        ClusterSpec moved = spec().toBuilder().network(spec().network().toBuilder().vpcCidr("10.0.0.0/17").podCidr("10.104.0.0/14").build()).build();
        PreflightReport report = run(moved, args().build(), null);
        assertThat(report.results()).filteredOn(r -> r.status() == CheckStatus.FAIL).extracting(CheckResult::message).containsExactly(
                "network.vpcCidr 10.0.0.0/17 does not hold subnet demo-nodes's live range 10.0.0.0/16: Google only lets it grow, and the provider"
                        + " would replace the subnet under the running cluster; keep 10.0.0.0/16 or a larger range that contains it",
                "network.podCidr 10.104.0.0/14 differs from 10.100.0.0/16, the live range 'pods' the cluster's pods use; a range in use cannot change:"
                        + " set it back to 10.100.0.0/16");
        // growing the primary range is an update Google allows
        ClusterSpec grown = spec().toBuilder().network(spec().network().toBuilder().vpcCidr("10.0.0.0/15").build()).build();
        assertThat(run(grown, args().build(), null).passed()).isTrue();
    }

    @Test
    void aRegionTheOrganizationsLocationPolicyDeniesIsReportedAndOneItMayAllowIsUnknown() throws Exception {
        // getEffectiveOrgPolicy: OrgPolicy.listPolicy of gcp.resourceLocations holds locations and value groups (in:...-locations)
        google.orgPolicies.put("constraints/gcp.resourceLocations", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"deniedValues\": [\"in:europe-west1-locations\"]}}").getAsJsonObject());
        CheckResult failed = only(run(args().build()), CheckStatus.FAIL);
        assertThat(failed.message()).isEqualTo("constraints/gcp.resourceLocations on project acme-platform-dev denies europe-west1; choose a gcp.region the organization allows");
        google.orgPolicies.put("constraints/gcp.resourceLocations", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"allowedValues\": [\"in:europe-west1-locations\", \"in:europe-west4-locations\"]}}").getAsJsonObject());
        assertThat(run(args().build()).render()).contains("constraints/gcp.resourceLocations allows europe-west1");
        // a wider group may or may not hold the region: not a failure, not a pass
        google.orgPolicies.put("constraints/gcp.resourceLocations", com.google.gson.JsonParser.parseString(
                "{\"listPolicy\": {\"allowedValues\": [\"in:eu-locations\"]}}").getAsJsonObject());
        PreflightReport report = run(args().build());
        assertThat(report.passed()).isTrue();
        assertThat(only(report, CheckStatus.UNKNOWN).message()).startsWith("constraints/gcp.resourceLocations on project acme-platform-dev allows only in:eu-locations");
    }
}
