package io.codezero.digitalocean.preflight;

import io.codezero.core.preflight.PreflightCommand;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.digitalocean.DigitalOceanTargetArgs;
import io.codezero.digitalocean.api.ApiToken;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.prism.PrismServer;
import io.codezero.digitalocean.prism.RecordedLayer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preflight against DigitalOcean's OpenAPI specification served by Prism. Unless a test says
 * otherwise, the answers are the specification's own examples: an active account with a limit of
 * 25 Droplets, 3 Droplets in use, Kubernetes in nyc1, sgp1, lon1, nyc3, ams3, fra1, tor1, sfo2, blr1
 * and sfo3 at versions 1.16 to 1.18 only, and three VPCs (10.10.10.0/24 and 10.102.0.0/20 in nyc1,
 * 10.100.0.0/20 in nyc3).
 */
class DigitalOceanPreflightPrismTest {
    private static final ApiToken TOKEN = ApiToken.of("dop_v1_test", "test");
    static final io.codezero.digitalocean.StackIdentity IDENTITY = new io.codezero.digitalocean.StackIdentity("codezero", "dev");
    private PrismServer prism;

    @BeforeEach
    void prism() {
        prism = PrismServer.require();
    }

    /** Ranges that overlap none of the example VPCs nor the example cluster's (10.244/10.245); 1.34, which the examples do not offer. */
    static ClusterSpec spec() {
        return ClusterSpec.builder("demo").kubernetesVersion("1.34")
                .network(NetworkSpec.builder().vpcCidr("10.20.0.0/16").podCidr("10.246.0.0/16").serviceCidr("10.247.0.0/16")
                        .privateNodes(false).allowApiAccessFrom("203.0.113.10/32").build())
                .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, 3, 6).build())
                .nodePool(NodePool.builder("batch").size(SizeClass.LARGE).scaling(1, 1, 4).build())
                .build();
    }

    static DigitalOceanTargetArgs.Builder args(String region) {
        return DigitalOceanTargetArgs.builder().region(region);
    }

    private PreflightReport run(URI base, ClusterSpec spec, DigitalOceanTargetArgs args, String prefer) {
        DoApi api = new DoApi(base, TOKEN, Map.of());
        return new DigitalOceanPreflight(prefer == null ? api : api.withHeader("Prefer", prefer)).run(spec, args, IDENTITY);
    }

    @Test
    void everyCheckPassesForAClusterTheAccountCanHold() throws Exception {
        // recorded layer: only /v2/kubernetes/options, so that a supported version (1.34) is offered; the rest is Prism
        // nyc1: the region has VPCs already, so ours does not become its undeletable default
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of("/v2/kubernetes/options", "kubernetes-options.json",
                "/v2/sizes", "sizes.json"))) {
            PreflightReport report = run(layer.base(), spec(), args("nyc1").build(), null);
            assertThat(report.results()).as(report.render()).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.PASS));
            assertThat(report.results()).extracting(CheckResult::check).containsExactly(
                    DigitalOceanPreflight.TOKEN, DigitalOceanPreflight.REGION, DigitalOceanPreflight.VERSION, DigitalOceanPreflight.SIZES,
                    DigitalOceanPreflight.FEATURES, DigitalOceanPreflight.SIZE_REGIONS, DigitalOceanPreflight.DROPLET_LIMIT, DigitalOceanPreflight.VPC_RANGES, DigitalOceanPreflight.DEFAULT_VPC,
                    DigitalOceanPreflight.CLUSTER_RANGES, DigitalOceanPreflight.PROJECT, DigitalOceanPreflight.PROJECT_RESOURCES,
                    DigitalOceanPreflight.TOKEN_SCOPES);
            assertThat(report.result(DigitalOceanPreflight.DROPLET_LIMIT).orElseThrow().message()).contains("12 Droplets", "limit of 25", "3 in use");
            assertThat(report.result(DigitalOceanPreflight.VPC_RANGES).orElseThrow().message()).contains("3 VPCs");
        }
    }

    @Test
    void aRefusedTokenFailsAndNothingElseCountsAsPassed() {
        // Prism answers the specification's 401 example for every call (Prefer: code=401)
        PreflightReport report = run(prism.base(), spec(), args("fra1").build(), "code=401");
        CheckResult token = report.result(DigitalOceanPreflight.TOKEN).orElseThrow();
        assertThat(token.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(token.message()).contains("refused the API token", "Unable to authenticate you", "export it as DIGITALOCEAN_TOKEN");
        assertThat(report.results()).filteredOn(r -> !r.check().equals(DigitalOceanPreflight.TOKEN))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.UNKNOWN));
    }

    @Test
    void aLockedAccountFails() throws Exception {
        // recorded layer: the specification's account example is active; this one is locked
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of("/v2/account", "account-locked.json",
                "/v2/kubernetes/options", "kubernetes-options.json"))) {
            CheckResult token = run(layer.base(), spec(), args("fra1").build(), null).result(DigitalOceanPreflight.TOKEN).orElseThrow();
            assertThat(token.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(token.message()).contains("is locked", "unpaid invoice", "resolve it in the control panel");
        }
    }

    @Test
    void aRegionWithoutKubernetesFails() {
        CheckResult region = run(prism.base(), spec(), args("syd1").build(), null).result(DigitalOceanPreflight.REGION).orElseThrow();
        assertThat(region.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(region.message()).contains("syd1 does not offer DigitalOcean Kubernetes", "set digitalocean.region", "fra1");
    }

    @Test
    void aVersionDigitalOceanDoesNotOfferFails() {
        PreflightReport report = run(prism.base(), spec(), args("fra1").build(), null);
        CheckResult version = report.result(DigitalOceanPreflight.VERSION).orElseThrow();
        assertThat(version.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(version.message()).contains("no Kubernetes 1.34.x", "1.18.8", "set kubernetesVersion");
        CheckResult pinned = run(prism.base(), spec(), args("fra1").versionSlug("1.34.1-do.0").build(), null)
                .result(DigitalOceanPreflight.VERSION).orElseThrow();
        assertThat(pinned.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(pinned.message()).contains("1.34.1-do.0", "digitalocean.versionSlug");
    }

    /** Prism's example cluster prod-cluster-01 (nyc1, 1.18.6-do.0, 5 nodes) as this stack's cluster "demo" at {@code version}. */
    private RecordedLayer ownClusterAt(String version) throws java.io.IOException {
        return RecordedLayer.over(prism, Map.of(), (path, body) -> path.startsWith("/v2/kubernetes/clusters")
                ? body.replace("prod-cluster-01", "demo").replace("1.18.6-do.0", version).replace("\"web-team\"", "\"" + IDENTITY.clusterTag() + "\"") : body);
    }

    @Test
    void aLaterUpKeepsTheRunningVersionEvenWhenDigitalOceanNoLongerOffersIt() throws Exception {
        // DigitalOcean retires patch slugs (and, before its forced upgrade, whole minors) from the new-cluster list; the
        // running cluster keeps its slug (VersionChoice), so a later up that changes something else must not fail on it
        try (RecordedLayer layer = ownClusterAt("1.34.1-do.0")) {
            CheckResult kept = run(layer.base(), spec(), args("nyc1").build(), null).result(DigitalOceanPreflight.VERSION).orElseThrow();
            assertThat(kept.status()).as(kept.message()).isEqualTo(CheckStatus.PASS);
            assertThat(kept.message()).contains("keeps version 1.34.1-do.0", "no longer offered");
            CheckResult pinned = run(layer.base(), spec(), args("nyc1").versionSlug("1.34.1-do.0").build(), null)
                    .result(DigitalOceanPreflight.VERSION).orElseThrow();
            assertThat(pinned.status()).as(pinned.message()).isEqualTo(CheckStatus.PASS);
            // moving to another slug creates nothing new either, but asks DOKS for a version it does not offer
            CheckResult moved = run(layer.base(), spec(), args("nyc1").versionSlug("1.34.2-do.0").build(), null)
                    .result(DigitalOceanPreflight.VERSION).orElseThrow();
            assertThat(moved.status()).isEqualTo(CheckStatus.FAIL);
        }
    }

    @Test
    void aLaterUpCountsItsOwnClustersNodesOnceAgainstTheDropletLimit() throws Exception {
        // 2 built-in + 6 + 4 + 11 = 23 at the maximum; the account's 3 Droplets in use make 26 of 25 for a new cluster
        ClusterSpec spec = spec().toBuilder().nodePool(NodePool.builder("burst").size(SizeClass.SMALL).scaling(1, 1, 11).build()).build();
        CheckResult fresh = run(prism.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.DROPLET_LIMIT).orElseThrow();
        assertThat(fresh.status()).isEqualTo(CheckStatus.FAIL);
        // on a later up those Droplets are this cluster's own nodes (the example's 5), already inside the pools' maximum
        try (RecordedLayer layer = ownClusterAt("1.34.1-do.0")) {
            CheckResult later = run(layer.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.DROPLET_LIMIT).orElseThrow();
            assertThat(later.status()).as(later.message()).isEqualTo(CheckStatus.PASS);
            assertThat(later.message()).contains("besides this cluster's 5 nodes");
        }
    }

    @Test
    void aDropletSizeDigitalOceanDoesNotOfferFails() {
        ClusterSpec spec = spec().toBuilder().nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(1, 1, 1).build()).build();
        CheckResult sizes = run(prism.base(), spec, args("fra1").build(), null).result(DigitalOceanPreflight.SIZES).orElseThrow();
        assertThat(sizes.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(sizes.message()).contains("nodePools[2] (gpu) gpu-4000adax1-20gb").doesNotContain("system").contains("digitalocean.dropletSizes");
    }

    /**
     * {@code /v2/kubernetes/options} offers a size for Kubernetes without saying where it is sold; {@code /v2/sizes} does. A
     * GPU pool in a region without GPU Droplets passes the first and must fail the second, before the cluster is created.
     * Recorded layer: the Kubernetes options (GPU offered) and a size list in the shape of the specification's example.
     */
    @Test
    void aDropletSizeTheRegionDoesNotSellFailsThoughKubernetesOffersIt() throws Exception {
        ClusterSpec spec = spec().toBuilder().nodePool(NodePool.builder("gpu").size(SizeClass.GPU).scaling(1, 1, 1).build()).build();
        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of("/v2/kubernetes/options", "kubernetes-options.json",
                "/v2/sizes", "sizes.json"))) {
            PreflightReport report = run(layer.base(), spec, args("nyc1").build(), null);
            assertThat(report.result(DigitalOceanPreflight.SIZES).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
            CheckResult where = report.result(DigitalOceanPreflight.SIZE_REGIONS).orElseThrow();
            assertThat(where.status()).as(where.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(where.message()).contains("nodePools[2] (gpu) gpu-4000adax1-20gb (sold in atl1, nyc2, tor1)", "in nyc1",
                    "digitalocean.dropletSizes").doesNotContain("system");
            CheckResult inTor1 = run(layer.base(), spec, args("tor1").build(), null).result(DigitalOceanPreflight.SIZE_REGIONS).orElseThrow();
            assertThat(inTor1.status()).as(inTor1.message()).isEqualTo(CheckStatus.PASS);
        }
        // the specification's own example lists one size only: where the others are sold is unknown, never a pass
        CheckResult unlisted = run(prism.base(), spec(), args("nyc1").build(), null).result(DigitalOceanPreflight.SIZE_REGIONS).orElseThrow();
        assertThat(unlisted.status()).as(unlisted.message()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(unlisted.message()).contains("does not list", "g-4vcpu-16gb");
    }

    /** The example of one of the specification's shared responses ({@code shared/responses/<file>}), as JSON. */
    private static String sharedExample(String name) throws java.io.IOException {
        Path file = PrismServer.specification().getParent().resolve("shared/responses/" + name);
        Map<String, Object> response = new org.yaml.snakeyaml.Yaml().load(Files.readString(file));
        @SuppressWarnings("unchecked")
        var json = (Map<String, Map<String, Object>>) response.get("content");
        return new com.google.gson.Gson().toJson(json.get("application/json").get("example"));
    }

    /**
     * A custom-scoped token lacking a read scope is answered 403 (the specification's forbidden response). That is no
     * unknown: the provider reads back every resource it creates, so the up would stop part-way. The check names the
     * scopes (from the specification, {@code TokenScopesTest}) and every scope a stack needs.
     */
    @Test
    void aCustomScopedTokenWithoutAReadScopeFailsNamingTheScope() throws Exception {
        try (RecordedLayer layer = RecordedLayer.failing(prism, java.util.Set.of("/v2/vpcs", "/v2/projects"), 403, sharedExample("forbidden.yml"))) {
            PreflightReport report = run(layer.base(), spec(), args("nyc1").build(), null);
            CheckResult scopes = report.result(DigitalOceanPreflight.TOKEN_SCOPES).orElseThrow();
            assertThat(scopes.status()).as(scopes.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(scopes.message()).contains("lacks project:read, vpc:read", "403 to GET /v2/projects, /v2/vpcs",
                    "kubernetes:access_cluster", "vpc:create", "full-access token");
            assertThat(report.passed()).isFalse();
            assertThat(report.result(DigitalOceanPreflight.VPC_RANGES).orElseThrow().message()).contains("You do not have permission");
        }
    }

    /**
     * The provider enables registry integration only once the cluster runs; an account without a registry (404, the
     * specification's not-found answer) fails the preflight instead. Prism's own answer (a registry) passes.
     */
    @Test
    void registryIntegrationWithoutAContainerRegistryFails() throws Exception {
        DigitalOceanTargetArgs withRegistry = args("nyc1").registryIntegration(true).build();
        try (RecordedLayer layer = RecordedLayer.failing(prism, java.util.Set.of("/v2/registry"), 404, sharedExample("not_found.yml"))) {
            CheckResult none = run(layer.base(), spec(), withRegistry, null).result(DigitalOceanPreflight.REGISTRY).orElseThrow();
            assertThat(none.status()).as(none.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(none.message()).contains("no container registry", "doctl registry create <name> --region nyc1", "registryIntegration: false");
        }
        CheckResult present = run(prism.base(), spec(), withRegistry, null).result(DigitalOceanPreflight.REGISTRY).orElseThrow();
        assertThat(present.status()).as(present.message()).isEqualTo(CheckStatus.PASS);
        assertThat(run(prism.base(), spec(), args("nyc1").build(), null).result(DigitalOceanPreflight.REGISTRY))
                .as("not asked without registryIntegration").isEmpty();
    }

    /**
     * The specification's own options list 1.18.8-do.0 with cluster-autoscaler, docr-integration and token-authentication
     * but no ha-control-plane: an HA control plane at that version fails; without HA it passes.
     */
    @Test
    void aVersionWithoutTheHaControlPlaneFeatureFailsWhenHaIsOn() {
        CheckResult ha = run(prism.base(), spec(), args("fra1").versionSlug("1.18.8-do.0").build(), null)
                .result(DigitalOceanPreflight.FEATURES).orElseThrow();
        assertThat(ha.status()).as(ha.message()).isEqualTo(CheckStatus.FAIL);
        assertThat(ha.message()).contains("1.18.8-do.0 does not support ha-control-plane (digitalocean.highAvailability: true)")
                .doesNotContain("cluster-autoscaler (");
        CheckResult withoutHa = run(prism.base(), spec(), args("fra1").versionSlug("1.18.8-do.0").highAvailability(false).build(), null)
                .result(DigitalOceanPreflight.FEATURES).orElseThrow();
        assertThat(withoutHa.status()).as(withoutHa.message()).isEqualTo(CheckStatus.PASS);
    }

    /**
     * Surge upgrades add nodes before removing old ones, and worker nodes count against the Droplet limit: an up that
     * upgrades the running cluster needs that headroom too. 2 built-in + 6 + 4 + 10 = 22 at the maximum fit the example
     * limit of 25 (the account's 3 Droplets are the running cluster's own); the upgrade's surge of 10 (the largest pool,
     * at most 10) does not. The same up without a version change passes.
     */
    @Test
    void anUpgradeNeedsRoomForTheSurgeNodesUnderTheDropletLimit() throws Exception {
        ClusterSpec spec = spec().toBuilder().nodePool(NodePool.builder("burst").size(SizeClass.SMALL).scaling(1, 1, 10).build()).build();
        try (RecordedLayer layer = ownClusterAt("1.33.5-do.0")) {
            CheckResult upgrade = run(layer.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.DROPLET_LIMIT).orElseThrow();
            assertThat(upgrade.status()).as(upgrade.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(upgrade.message()).contains("upgrades the running cluster", "up to 10 new nodes", "need 32 Droplets",
                    "limit is 25", "at least 32");
        }
        try (RecordedLayer layer = ownClusterAt("1.34.1-do.0")) {
            CheckResult same = run(layer.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.DROPLET_LIMIT).orElseThrow();
            assertThat(same.status()).as(same.message()).isEqualTo(CheckStatus.PASS);
        }
    }

    @Test
    void poolsThatOutgrowTheDropletLimitFail() {
        ClusterSpec spec = spec().toBuilder().nodePool(NodePool.builder("burst").size(SizeClass.SMALL).scaling(1, 1, 15).build()).build();
        CheckResult limit = run(prism.base(), spec, args("fra1").build(), null).result(DigitalOceanPreflight.DROPLET_LIMIT).orElseThrow();
        assertThat(limit.status()).isEqualTo(CheckStatus.FAIL);
        // 2 built-in + 6 + 4 + 15 = 27 at the maximum, 3 in use, limit 25
        assertThat(limit.message()).contains("up to 27 Droplets", "limit is 25 with 3 in use", "raise the Droplet limit to at least 30");
    }

    @Test
    void rangesOverlappingExistingVpcsFail() {
        ClusterSpec spec = spec().toBuilder().network(spec().network().toBuilder().vpcCidr("10.10.0.0/16").podCidr("10.100.0.0/16").build()).build();
        CheckResult ranges = run(prism.base(), spec, args("fra1").build(), null).result(DigitalOceanPreflight.VPC_RANGES).orElseThrow();
        assertThat(ranges.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ranges.message()).contains("network.vpcCidr 10.10.0.0/16 overlaps VPC env.prod-vpc (10.10.10.0/24, nyc1)")
                .contains("network.podCidr 10.100.0.0/16 overlaps VPC default-nyc3 (10.100.0.0/20, nyc3)")
                .contains("choose free private ranges");
    }

    @Test
    void anAdoptedVpcMustExistInTheClustersRegion() {
        CheckResult missing = run(prism.base(), spec(), args("fra1").existingVpcId("00000000-0000-4000-8000-000000000000").build(), null)
                .result(DigitalOceanPreflight.VPC_RANGES).orElseThrow();
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.message()).contains("does not exist in this account");
        CheckResult elsewhere = run(prism.base(), spec(), args("fra1").existingVpcId("5a4981aa-9653-4bd1-bef5-d6bff52042e4").build(), null)
                .result(DigitalOceanPreflight.VPC_RANGES).orElseThrow();
        assertThat(elsewhere.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(elsewhere.message()).contains("is in nyc1, not fra1");
        CheckResult adopted = run(prism.base(), spec(), args("nyc1").existingVpcId("5a4981aa-9653-4bd1-bef5-d6bff52042e4").build(), null)
                .result(DigitalOceanPreflight.VPC_RANGES).orElseThrow();
        assertThat(adopted.status()).as(adopted.message()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aServerErrorIsUnknownNeverPassed() {
        PreflightReport report = run(prism.base(), spec(), args("fra1").build(), "code=500");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.status()).isEqualTo(CheckStatus.UNKNOWN));
        assertThat(report.passed()).as("unknown is not a failure").isTrue();
    }

    @Test
    void theCommandLineReadsTheStackFileAndExitsOneOnAFailedCheck(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(config, String.join("\n",
                "config:",
                "  codezero:cluster:",
                "    name: demo",
                "    kubernetesVersion: \"1.34\"",
                "    network: {vpcCidr: 10.20.0.0/16, podCidr: 10.246.0.0/16, serviceCidr: 10.247.0.0/16, privateNodes: false, apiAccessAllowlist: [203.0.113.0/24]}",
                "    nodePools: [{name: system, size: medium, minNodes: 2, desiredNodes: 3, maxNodes: 6}]",
                "  codezero:digitalocean:",
                "    region: nyc1",
                "    controlPlaneFirewall: true",
                ""));
        Path token = dir.resolve("token");
        Files.writeString(token, "dop_v1_test\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(new DigitalOceanPreflightTarget(), new String[] {"--config", config.toString(), "--token-file", token.toString(), "--api-url", prism.base().toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        // Prism's examples offer Kubernetes 1.16-1.18 only: the version check fails, the others pass
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report.lines().filter(l -> l.startsWith("PASS"))).hasSize(9);
        assertThat(report.lines().filter(l -> l.startsWith("FAIL"))).singleElement().asString().contains("no Kubernetes 1.34.x");
        assertThat(report + err).doesNotContain("dop_v1_test");

        try (RecordedLayer layer = RecordedLayer.over(prism, Map.of("/v2/kubernetes/options", "kubernetes-options.json"))) {
            out.reset();
            exit = PreflightCommand.run(new DigitalOceanPreflightTarget(), new String[] {"--config", config.toString(), "--token-file", token.toString(), "--api-url", layer.base().toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    @Test
    void theCommandLineRefusesABadStackFileBeforeCallingTheApi(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(config, "config:\n  codezero:digitalocean:\n    region: Frankfurt\n    regoin: fra1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PreflightCommand.run(new DigitalOceanPreflightTarget(), new String[] {"--config", config.toString(), "--api-url", "http://127.0.0.1:9"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("codezero:digitalocean.regoin", "digitalocean.region");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("no check ran").isEmpty();
    }

    @Test
    void creatingTheRegionsFirstVpcFailsBecauseDigitalOceanNeverDeletesADefaultVpc() {
        // the specification's examples have VPCs in nyc1 and nyc3 only
        CheckResult fra1 = run(prism.base(), spec(), args("fra1").build(), null).result(DigitalOceanPreflight.DEFAULT_VPC).orElseThrow();
        assertThat(fra1.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fra1.message()).contains("no VPC in fra1", "default", "doctl vpcs create", "digitalocean.vpcId");
        CheckResult nyc1 = run(prism.base(), spec(), args("nyc1").build(), null).result(DigitalOceanPreflight.DEFAULT_VPC).orElseThrow();
        assertThat(nyc1.status()).as(nyc1.message()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aLaterUpRecognisesThisStacksOwnVpcButNotAnotherOfTheSameName() throws Exception {
        String ours = IDENTITY.vpcName("demo", "nyc1");
        ClusterSpec spec = spec().toBuilder().network(spec().network().toBuilder().vpcCidr("10.10.10.0/24").build()).build();
        // Prism's example VPC env.prod-vpc (10.10.10.0/24, nyc1) renamed to the name this stack gives its VPC
        try (RecordedLayer own = RecordedLayer.over(prism, Map.of(), (path, body) -> body.replace("env.prod-vpc", ours)
                .replace("VPC for production environment", "Nodes of DOKS cluster demo (" + IDENTITY.marker() + ")"))) {
            CheckResult ranges = run(own.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.VPC_RANGES).orElseThrow();
            assertThat(ranges.status()).as(ranges.message()).isEqualTo(CheckStatus.PASS);
        }
        try (RecordedLayer foreign = RecordedLayer.over(prism, Map.of(), (path, body) -> body.replace("env.prod-vpc", ours))) {
            CheckResult ranges = run(foreign.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.VPC_RANGES).orElseThrow();
            assertThat(ranges.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(ranges.message()).contains("A VPC named " + ours + " already exists", "not made by this stack", "digitalocean.vpcId");
        }
    }

    @Test
    void rangesOverlappingAnotherClustersPodOrServiceRangeFail() throws Exception {
        // the example cluster prod-cluster-01 (nyc1) has pods 10.244.0.0/16 and services 10.245.0.0/16, DOKS's defaults
        ClusterSpec spec = spec().toBuilder().network(spec().network().toBuilder().podCidr("10.244.0.0/16").serviceCidr("10.245.0.0/16").build()).build();
        CheckResult ranges = run(prism.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.CLUSTER_RANGES).orElseThrow();
        assertThat(ranges.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ranges.message()).contains("network.podCidr 10.244.0.0/16 overlaps the pod range 10.244.0.0/16 of cluster prod-cluster-01 (nyc1)",
                "network.serviceCidr 10.245.0.0/16 overlaps the service range 10.245.0.0/16");
        // the same ranges on a later up of that very cluster (carrying this stack's tag) are its own
        ClusterSpec itself = spec.toBuilder().name("prod-cluster-01").build();
        try (RecordedLayer tagged = RecordedLayer.over(prism, Map.of(), (path, body) -> body.replace("\"web-team\"", "\"" + IDENTITY.clusterTag() + "\""))) {
            CheckResult own = run(tagged.base(), itself, args("nyc1").build(), null).result(DigitalOceanPreflight.CLUSTER_RANGES).orElseThrow();
            assertThat(own.status()).as(own.message()).isEqualTo(CheckStatus.PASS);
        }
    }

    @Test
    void aClusterOfTheSameNameTaggedForAnotherStackIsNotThisStacksOwn() throws Exception {
        // the example cluster as "demo" in nyc1 with the example's ranges (10.244/10.245), which this spec uses too
        ClusterSpec spec = spec().toBuilder().network(spec().network().toBuilder().podCidr("10.244.0.0/16").serviceCidr("10.245.0.0/16").build()).build();
        try (RecordedLayer other = RecordedLayer.over(prism, Map.of(), (path, body) -> body.replace("prod-cluster-01", "demo")
                .replace("\"web-team\"", "\"codezero-stack:codezero:prod\""))) {
            CheckResult ranges = run(other.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.CLUSTER_RANGES).orElseThrow();
            assertThat(ranges.status()).as(ranges.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(ranges.message()).contains("overlaps the pod range 10.244.0.0/16 of cluster demo (nyc1)");
        }
        try (RecordedLayer ours = RecordedLayer.over(prism, Map.of(), (path, body) -> body.replace("prod-cluster-01", "demo")
                .replace("\"web-team\"", "\"" + IDENTITY.clusterTag() + "\""))) {
            CheckResult ranges = run(ours.base(), spec, args("nyc1").build(), null).result(DigitalOceanPreflight.CLUSTER_RANGES).orElseThrow();
            assertThat(ranges.status()).as(ranges.message()).isEqualTo(CheckStatus.PASS);
        }
    }

    /** The example project my-web-api (4e1bfbc3-...) as the own project of stack "api"'s cluster "my-web", which runs (the example cluster) when asked. */
    private RecordedLayer myWebApi(boolean clusterRuns, Map<String, String> recorded) throws Exception {
        var stackApi = new io.codezero.digitalocean.StackIdentity("codezero", "api");
        return RecordedLayer.over(prism, recorded, (path, body) -> {
            String out = body.replace("My website API", "DOKS cluster my-web (" + stackApi.marker() + ")");
            return clusterRuns ? out.replace("prod-cluster-01", "my-web").replace("\"web-team\"", "\"" + stackApi.clusterTag() + "\"") : out;
        });
    }

    private CheckResult projectResources(RecordedLayer layer) {
        return new DigitalOceanPreflight(new DoApi(layer.base(), TOKEN, Map.of())).run(spec().toBuilder().name("my-web").build(),
                args("nyc1").build(), new io.codezero.digitalocean.StackIdentity("codezero", "api"))
                .result(DigitalOceanPreflight.PROJECT_RESOURCES).orElseThrow();
    }

    @Test
    void whatIsLeftInTheStacksOwnProjectWithoutItsClusterIsNamedWithHowToDeleteIt() throws Exception {
        // a re-create after a destroy that stopped at the project: no cluster of the stack runs, and the project holds
        // the specification's example resources (a Droplet and a domain), each of which would stop the next destroy again
        try (RecordedLayer layer = myWebApi(false, Map.of())) {
            CheckResult left = projectResources(layer);
            assertThat(left.status()).as(left.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(left.message()).contains("Project my-web-api (4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679, this stack's own) holds",
                    "do:droplet:13457723 (doctl compute droplet delete 13457723)", "do:domain:example.com (doctl compute domain delete example.com)",
                    "left from an earlier cluster", "DigitalOcean deletes a project only when it is empty", "doctl projects resources assign");
        }
        // a project of that name not made by this stack is the project check's business, and an adopted one is never deleted
        CheckResult adopted = new DigitalOceanPreflight(new DoApi(prism.base(), TOKEN, Map.of())).run(spec().toBuilder().name("my-web").build(),
                args("nyc1").existingProjectId("4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679").build(), new io.codezero.digitalocean.StackIdentity("codezero", "api"))
                .result(DigitalOceanPreflight.PROJECT_RESOURCES).orElseThrow();
        assertThat(adopted.status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void whatTheRunningClusterMadeIsItsOwnButAVolumeOrReservedIpBesideItIsNamed() throws Exception {
        // the running cluster (the example, id bd5f5959-...), one of its nodes (Droplet 205545370), the load balancer and volume the
        // specification's destroy_with_associated_resources example lists for it, plus a detached volume and a reserved IP
        String resources = "/v2/projects/4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679/resources";
        try (RecordedLayer layer = myWebApi(true, Map.of(resources, "project-resources-leftovers.json"))) {
            CheckResult left = projectResources(layer);
            assertThat(left.status()).as(left.message()).isEqualTo(CheckStatus.FAIL);
            assertThat(left.message()).contains("do:volume:6fc4c277-ea5c-448a-93cd-dd496cfef71f (doctl compute volume delete 6fc4c277-ea5c-448a-93cd-dd496cfef71f)",
                    "do:floatingip:192.168.99.100 (a reserved IP: doctl compute reserved-ip delete 192.168.99.100)", "not made by this stack's running cluster")
                    .doesNotContain("bd5f5959", "205545370", "4de7ac8b", "ba49449a");
        }
        try (RecordedLayer layer = myWebApi(true, Map.of(resources, "project-resources-cluster-only.json"))) {
            CheckResult own = projectResources(layer);
            assertThat(own.status()).as(own.message()).isEqualTo(CheckStatus.PASS);
            assertThat(own.message()).contains("holds only this stack's cluster and 3 resources it made", "StatefulSet claim templates");
        }
    }

    @Test
    void aProjectOfTheSameNameMadeElsewhereFailsWithTheWayToAdoptIt() throws Exception {
        // the example project my-web-api is the name stack "api" gives the project of cluster "my-web"
        var stackApi = new io.codezero.digitalocean.StackIdentity("codezero", "api");
        ClusterSpec spec = spec().toBuilder().name("my-web").build();
        DoApi api = new DoApi(prism.base(), TOKEN, Map.of());
        CheckResult project = new DigitalOceanPreflight(api).run(spec, args("nyc1").build(), stackApi).result(DigitalOceanPreflight.PROJECT).orElseThrow();
        assertThat(project.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(project.message()).contains("A project named my-web-api already exists", "digitalocean.project.id: 4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679");
        try (RecordedLayer own = RecordedLayer.over(prism, Map.of(), (path, body) -> body.replace("My website API", "DOKS cluster my-web (" + stackApi.marker() + ")"))) {
            CheckResult ours = new DigitalOceanPreflight(new DoApi(own.base(), TOKEN, Map.of())).run(spec, args("nyc1").build(), stackApi)
                    .result(DigitalOceanPreflight.PROJECT).orElseThrow();
            assertThat(ours.status()).as(ours.message()).isEqualTo(CheckStatus.PASS);
        }
        CheckResult adopted = new DigitalOceanPreflight(api).run(spec, args("nyc1").existingProjectId("00000000-0000-4000-8000-000000000000").build(), stackApi)
                .result(DigitalOceanPreflight.PROJECT).orElseThrow();
        assertThat(adopted.message()).contains("does not exist in this account");
    }
}
