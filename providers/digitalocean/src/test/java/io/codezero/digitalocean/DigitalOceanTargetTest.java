package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.SpecField;
import io.codezero.core.target.TargetContext;
import io.codezero.digitalocean.resources.DigitalOceanPlugin;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.Project;
import io.codezero.digitalocean.resources.ProjectResources;
import io.codezero.digitalocean.resources.Vpc;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the target registers, checked input by input against the provider's schema (v4.76.0). */
class DigitalOceanTargetTest {

    /**
     * The input names of each type in pulumi-digitalocean's schema.json at v4.76.0 (inputProperties),
     * so a misspelt property (which the mock engine would happily echo) fails here.
     */
    static final Map<String, Set<String>> SCHEMA_INPUTS = Map.of(
            KubernetesCluster.TYPE, Set.of("amdGpuDeviceMetricsExporterPlugin", "amdGpuDevicePlugin", "autoUpgrade",
                    "clusterAutoscalerConfigurations", "clusterSubnet", "controlPlaneFirewall", "corednsAutoscaler",
                    "destroyAllAssociatedResources", "ha", "kubeconfigExpireSeconds", "maintenancePolicy", "name", "nodePool",
                    "nvidiaGpuDevicePlugin", "p2pOciRegistryPlugin", "rdmaSharedDevicePlugin", "region", "registryIntegration",
                    "routingAgent", "serviceSubnet", "ssos", "surgeUpgrade", "tags", "version", "vpcUuid", "workerSubnetUuid"),
            KubernetesNodePool.TYPE, Set.of("autoScale", "clusterId", "labels", "maxNodes", "minNodes", "name", "nodeCount", "size", "tags", "taints"),
            Vpc.TYPE, Set.of("description", "ipRange", "name", "region"),
            Project.TYPE, Set.of("description", "environment", "isDefault", "name", "purpose", "resources"),
            ProjectResources.TYPE, Set.of("project", "resources"));

    /** Nested input types: KubernetesClusterNodePool, KubernetesClusterMaintenancePolicy, ..., KubernetesNodePoolTaint. */
    static final Map<String, Set<String>> NESTED_INPUTS = Map.of(
            "nodePool", Set.of("actualNodeCount", "autoScale", "id", "labels", "maxNodes", "minNodes", "name", "nodeCount", "nodes", "size", "tags", "taints"),
            "maintenancePolicy", Set.of("day", "duration", "startTime"),
            "controlPlaneFirewall", Set.of("allowedAddresses", "enabled"),
            "taints", Set.of("effect", "key", "value"));

    @Test
    void everyResourceUsesTheProvidersPropertyNamesAndPluginVersion() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        List<PlannedResource> digitalocean = run.where(r -> r.custom() && r.packageName().equals("digitalocean"));
        assertThat(digitalocean).extracting(PlannedResource::type).containsOnlyOnce(KubernetesCluster.TYPE, Vpc.TYPE, Project.TYPE, ProjectResources.TYPE);
        for (PlannedResource r : digitalocean) {
            assertThat(r.version()).as("plugin version of " + r).isEqualTo(DigitalOceanPlugin.VERSION).isEqualTo("4.76.0");
            assertThat(SCHEMA_INPUTS.get(r.type())).as("input names of " + r).containsAll(r.inputs().keySet());
        }
        PlannedResource cluster = run.get(KubernetesCluster.TYPE, "demo-doks");
        for (String nested : List.of("nodePool", "maintenancePolicy", "controlPlaneFirewall")) {
            assertThat(NESTED_INPUTS.get(nested)).containsAll(((Map<?, ?>) cluster.inputs().get(nested)).keySet().stream().map(String::valueOf).toList());
        }
        for (PlannedResource pool : run.ofType(KubernetesNodePool.TYPE)) {
            for (Object taint : (List<?>) pool.inputs().getOrDefault("taints", List.of())) {
                assertThat(NESTED_INPUTS.get("taints")).containsAll(((Map<?, ?>) taint).keySet().stream().map(String::valueOf).toList());
            }
        }
    }

    @Test
    void theClusterIsHighlyAvailableUpgradesAreOursAndTheVersionIsTheCataloguesMinor() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        PlannedResource cluster = run.get(KubernetesCluster.TYPE, "demo-doks");
        assertThat(cluster.input("name")).isEqualTo("demo");
        assertThat(cluster.input("region")).isEqualTo("fra1");
        assertThat(cluster.input("version")).isEqualTo("1.33" + DigitalOceanPlanMocks.PLAN_PATCH);
        assertThat(cluster.input("ha")).isEqualTo(true);
        assertThat(cluster.input("surgeUpgrade")).isEqualTo(true);
        assertThat(cluster.input("autoUpgrade")).isEqualTo(false);
        assertThat(cluster.input("registryIntegration")).isEqualTo(false);
        assertThat(cluster.input("destroyAllAssociatedResources")).isEqualTo(false);
        assertThat(cluster.input("kubeconfigExpireSeconds")).isEqualTo(3600.0);
        assertThat(cluster.input("clusterSubnet")).isEqualTo("10.244.0.0/16");
        assertThat(cluster.input("serviceSubnet")).isEqualTo("10.245.0.0/16");
        assertThat(cluster.input("maintenancePolicy")).isEqualTo(Map.of("day", "sunday", "startTime", "04:00"));
        assertThat(cluster.input("tags")).isEqualTo(List.of("codezero", "codezero-cluster:demo", "team:platform", "codezero-stack:codezero:dev"));
        PlannedResource vpc = run.get(Vpc.TYPE, "demo-vpc");
        assertThat(vpc.input("ipRange")).isEqualTo("10.20.0.0/16");
        assertThat(vpc.input("region")).isEqualTo("fra1");
        assertThat(vpc.input("name")).isEqualTo("demo-dev-fra1");
        assertThat(run.dependsOn(cluster, vpc)).isTrue();
    }

    @Test
    void aPinnedVersionSlugIsUsedAsIs() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().versionSlug("1.33.4-do.2").build());
        assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("version")).isEqualTo("1.33.4-do.2");
    }

    @Test
    void theBuiltInPoolIsSmallAndFixedAndTheSpecsPoolsAreSeparateResources() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        PlannedResource cluster = run.get(KubernetesCluster.TYPE, "demo-doks");
        assertThat(cluster.input("nodePool.name")).isEqualTo("base");
        assertThat(cluster.input("nodePool.size")).isEqualTo("s-2vcpu-4gb");
        assertThat(cluster.input("nodePool.nodeCount")).isEqualTo(2.0);
        assertThat(cluster.input("nodePool.autoScale")).isEqualTo(false);

        List<PlannedResource> pools = run.ofType(KubernetesNodePool.TYPE);
        assertThat(pools).extracting(PlannedResource::name).containsExactlyInAnyOrder("demo-system", "demo-gpu");
        PlannedResource system = run.get(KubernetesNodePool.TYPE, "demo-system");
        assertThat(system.input("name")).isEqualTo("system");
        assertThat(system.input("size")).isEqualTo("g-4vcpu-16gb");
        assertThat(system.input("autoScale")).isEqualTo(true);
        assertThat(system.input("minNodes")).isEqualTo(2.0);
        assertThat(system.input("maxNodes")).isEqualTo(5.0);
        assertThat(system.inputs()).as("an autoscaled pool carries no node count").doesNotContainKey("nodeCount");
        assertThat(system.input("labels")).isEqualTo(Map.of("codezero.io/pool", "system"));
        assertThat(run.dependsOn(system, cluster)).as("a pool is created in its cluster").isTrue();

        PlannedResource gpu = run.get(KubernetesNodePool.TYPE, "demo-gpu");
        assertThat(gpu.input("size")).isEqualTo("gpu-4000adax1-20gb");
        assertThat(gpu.input("minNodes")).isEqualTo(1.0);
        assertThat(gpu.input("taints")).isEqualTo(List.of(Map.of("key", "nvidia.com/gpu", "value", "true", "effect", "NoSchedule")));
        assertThat(gpu.input("labels")).isEqualTo(Map.of("codezero.io/accelerator", "nvidia", "codezero.io/pool", "gpu"));
    }

    @Test
    void aFixedSizePoolDoesNotAutoscale() {
        ClusterSpec spec = Fixtures.spec().toBuilder().nodePools(List.of(
                io.codezero.core.spec.NodePool.builder("web").size(io.codezero.core.spec.SizeClass.SMALL).scaling(3, 3, 3).build())).build();
        PlannedResource web = Fixtures.run(spec, Fixtures.args().build()).get(KubernetesNodePool.TYPE, "demo-web");
        assertThat(web.input("autoScale")).isEqualTo(false);
        assertThat(web.input("nodeCount")).isEqualTo(3.0);
        assertThat(web.inputs()).doesNotContainKeys("minNodes", "maxNodes");
        assertThat(web.input("size")).isEqualTo("s-2vcpu-4gb");
    }

    @Test
    void theAllowlistBecomesTheControlPlaneFirewall() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("controlPlaneFirewall"))
                .isEqualTo(Map.of("enabled", true, "allowedAddresses", List.of(Fixtures.ALLOWED)));

        // switching it off, and the account without the opt-in: DoksClusterChangesTest
    }

    @Test
    void theProjectGroupsTheCluster() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().projectEnvironment("Production").build());
        PlannedResource project = run.get(Project.TYPE, "demo-project");
        assertThat(project.input("name")).isEqualTo("demo-dev");
        assertThat(project.input("environment")).isEqualTo("Production");
        PlannedResource grouping = run.get(ProjectResources.TYPE, "demo-project-resources");
        assertThat(grouping.input("project")).isEqualTo("demo-project-id");
        assertThat((List<?>) grouping.input("resources")).singleElement().asString().startsWith("do:kubernetes:");
    }

    @Test
    void anAdoptedVpcAndProjectAreUsedNotCreated() {
        String vpcId = "5a4981aa-9653-4bd1-bef5-d6bff52042e4";
        String projectId = "4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679";
        ClusterSpec spec = Fixtures.spec().toBuilder().network(Fixtures.network().vpcCidr(io.codezero.core.spec.NetworkSpec.DEFAULT_VPC_CIDR).build()).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().existingVpcId(vpcId).existingProjectId(projectId).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType(Vpc.TYPE)).isEmpty();
        assertThat(run.ofType(Project.TYPE)).isEmpty();
        assertThat(run.get(KubernetesCluster.TYPE, "demo-doks").input("vpcUuid")).isEqualTo(vpcId);
        assertThat(run.get(ProjectResources.TYPE, "demo-project-resources").input("project")).isEqualTo(projectId);
    }

    @Test
    void theKubeconfigIsASecretThatRunsTheHelperAndHoldsNoToken() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().tokenFile("/etc/codezero/do-token").build());
        var output = run.outputs().get("kubeconfig");
        assertThat(output.secret()).isTrue();
        String kubeconfig = String.valueOf(output.value());
        assertThat(kubeconfig).doesNotContain("plan-token-never-used").doesNotContain("\"token\"");
        JsonObject config = JsonParser.parseString(kubeconfig).getAsJsonObject();
        JsonObject cluster = config.getAsJsonArray("clusters").get(0).getAsJsonObject().getAsJsonObject("cluster");
        assertThat(cluster.get("server").getAsString()).matches("https://[0-9a-f-]{36}\\.k8s\\.ondigitalocean\\.com");
        assertThat(cluster.get("certificate-authority-data").getAsString()).isNotEmpty();
        JsonObject exec = config.getAsJsonArray("users").get(0).getAsJsonObject().getAsJsonObject("user").getAsJsonObject("exec");
        assertThat(exec.get("command").getAsString()).isEqualTo("codezero-doks-token");
        List<String> args = exec.getAsJsonArray("args").asList().stream().map(e -> e.getAsString()).toList();
        assertThat(args).hasSize(6).startsWith("--cluster-id").endsWith("--expiry-seconds", "3600", "--token-file", "/etc/codezero/do-token");
        assertThat(args.get(1)).as("the cluster's id, a UUID like DigitalOcean's").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(exec.get("interactiveMode").getAsString()).isEqualTo("Never");
    }

    @Test
    void kubeConfigsIsASecretOutputAndTheKubernetesProviderGetsOnlyASecretKubeconfig() {
        // what the engine is told at registration: additionalSecretOutputs keeps the provider's kubeConfigs secret in state
        Map<String, List<String>> secretOutputs = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>();
        var mocks = DigitalOceanPlanMocks.create();
        try {
            var result = com.pulumi.test.internal.PulumiTestInternal.builder()
                    .options(com.pulumi.test.TestOptions.builder().projectName("codezero").stackName("dev").build())
                    .mocks(mocks)
                    .monitorDecorator(original -> new com.pulumi.test.internal.MockMonitor(mocks, com.pulumi.Log.ignore()) {
                        @Override
                        public java.util.concurrent.CompletableFuture<pulumirpc.Resource.RegisterResourceResponse> registerResourceAsync(
                                com.pulumi.resources.Resource resource, pulumirpc.Resource.RegisterResourceRequest request) {
                            secretOutputs.put(request.getType(), List.copyOf(request.getAdditionalSecretOutputsList()));
                            versions.put(request.getType(), request.getVersion());
                            return super.registerResourceAsync(resource, request);
                        }
                    })
                    .build()
                    .runTest(ctx -> {
                        var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
                        var target = new DigitalOceanTarget(Fixtures.args().build());
                        var doks = target.provision(Fixtures.spec(), new TargetContext("demo", stack))
                                .handles(io.codezero.digitalocean.cluster.DoksClusterHandles.class);
                        ctx.export("kubeConfigs", doks.cluster().kubeConfigs().applyValue(List::size));
                    });
            assertThat(result.exceptions()).isEmpty();
            assertThat(com.pulumi.test.internal.PulumiTestInternal.extractOutputData(result.outputs().get("kubeConfigs")).isSecret()).isTrue();
        } finally {
            com.pulumi.test.internal.PulumiTestInternal.cleanup();
        }
        assertThat(secretOutputs.get(KubernetesCluster.TYPE)).containsExactly("kubeConfigs");
        assertThat(versions.get(KubernetesCluster.TYPE)).isEqualTo("4.76.0");
        assertThat(secretOutputs.get(KubernetesNodePool.TYPE)).isEmpty();

        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        assertThat(run.get("pulumi:providers:kubernetes", "demo-k8s").isSecretInput("kubeconfig")).isTrue();
    }

    @Test
    void storageAndLoadBalancersUseDigitalOceansClassAndAnnotations() {
        OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            var stack = new ComponentResource("codezero:index:Platform", "platform", ComponentResourceOptions.builder().build());
            var cluster = new DigitalOceanTarget(Fixtures.args().build()).provision(Fixtures.spec(), new TargetContext("demo", stack));
            assertThat(cluster.storage().standardClass()).isEqualTo("do-block-storage");
            assertThat(cluster.storage().fastClass()).isEqualTo("do-block-storage");
            assertThat(cluster.loadBalancers().defaultExposure()).isEqualTo(Exposure.INTERNET_FACING);
            assertThat(cluster.loadBalancers().annotationsFor(Exposure.INTERNAL).orElseThrow())
                    .containsEntry("service.beta.kubernetes.io/do-loadbalancer-network", "INTERNAL");
            assertThat(cluster.loadBalancers().annotationsFor(Exposure.INTERNET_FACING).orElseThrow())
                    .containsEntry("service.beta.kubernetes.io/do-loadbalancer-network", "EXTERNAL");
            assertThat(cluster.loadBalancers().assignsAddresses()).isTrue();
            assertThat(cluster.facts().get(io.codezero.core.target.MeshDataplanePreference.class)).hasValueSatisfying(p ->
                    assertThat(p.ambient()).as("sidecars on DigitalOcean's own CNI").isFalse());
        });
    }

    @Test
    void honoursEveryFieldButAPrivateOnlyEndpoint() {
        assertThat(new DigitalOceanTarget(Fixtures.args().build()).honours())
                .containsExactlyInAnyOrder(SpecField.NODE_POOLS, SpecField.VPC_CIDR, SpecField.POD_CIDR, SpecField.SERVICE_CIDR,
                        SpecField.PUBLIC_NODES, SpecField.API_ALLOWLIST, SpecField.TAGS);
    }

    @Test
    void twoTargetsLiveInOneProgram() {
        OfflineRun run = OfflineEngine.create().mocks(DigitalOceanPlanMocks.create()).run(ctx -> {
            for (String region : List.of("fra1", "nyc3")) {
                String name = "demo-" + region;
                var stack = new ComponentResource("codezero:index:Platform", name, ComponentResourceOptions.builder().build());
                ClusterSpec spec = Fixtures.spec().toBuilder().name(name)
                        .network(Fixtures.network().vpcCidr(region.equals("fra1") ? "10.20.0.0/16" : "10.21.0.0/16").build()).build();
                new DigitalOceanTarget(Fixtures.args().region(region).build()).provision(spec, new TargetContext(name, stack));
            }
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.ofType(KubernetesCluster.TYPE)).extracting(r -> r.input("region")).containsExactlyInAnyOrder("fra1", "nyc3");
        assertThat(run.ofType(KubernetesNodePool.TYPE)).hasSize(4);
        Set<String> urns = run.resources().stream().map(PlannedResource::urn).collect(Collectors.toCollection(TreeSet::new));
        assertThat(urns).hasSize(run.resources().size());
        assertThat(run.ofType(Vpc.TYPE)).extracting(r -> r.input("name")).containsExactlyInAnyOrder("demo-fra1-dev-fra1", "demo-nyc3-dev-nyc3");
    }

    @Test
    void badInputFailsBeforeAnythingIsRegistered() {
        ClusterSpec spec = Fixtures.spec().toBuilder().network(Fixtures.network().privateNodes(true).build()).build();
        OfflineRun run = Fixtures.run(spec, Fixtures.args().region("Frankfurt").build());
        assertThat(run.succeeded()).isFalse();
        assertThat(run.failure()).contains("digitalocean.region").contains("network.privateNodes");
        assertThat(run.where(r -> r.packageName().equals("digitalocean"))).isEmpty();
    }
}
