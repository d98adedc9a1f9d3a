package io.codezero.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.pulumi.exceptions.RunException;
import com.pulumi.provider.internal.models.ConstructRequest;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import com.pulumi.provider.internal.models.ConstructResponse;
import com.pulumi.provider.internal.properties.PropertyValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The provider the engine talks to: its schema, and a bad input reported as CodeZero's problems without a stack trace. */
class CodeZeroProviderTest {
    @Test
    void aBadInputIsARunExceptionWithTheProblemListSoTheSdkPrintsNoStackTrace() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().run(ctx -> thrown.set(catchThrowable(() -> new CodeZeroProvider("0.1.0").construct(
                new ConstructRequest(PackageSchema.STACK, "platform",
                        Inputs.json("{\"cluster\": {\"kubernetesVersion\": \"1.29\"}, \"platform\": {\"istio\": {\"mode\": \"bogus\"}}}"),
                        ComponentResourceOptions.builder().build())))));

        assertThat(thrown.get()).isExactlyInstanceOf(RunException.class)
                .hasMessageContaining("platform.istio.mode = \"bogus\": must be sidecar or ambient")
                .hasMessageContaining("cluster.kubernetesVersion = \"1.29\"");
        assertThat(run.resources()).noneMatch(r -> r.type().startsWith("codezero:") || r.type().startsWith("kubernetes:"));
    }

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: kind-shop
            clusters: [{name: kind-shop, cluster: {server: "https://127.0.0.1:6443"}}]
            users: [{name: admin, user: {token: "secret-token"}}]
            contexts: [{name: kind-shop, context: {cluster: kind-shop, user: admin}}]
            """;
    private static final String PLATFORM = "{\"domain\": \"shop.localhost\", \"certificates\": {\"issuer\": \"selfSigned\"}}";

    /** Constructs {@code codezero:index:Stack} as the engine would, inside a run of the mock engine. */
    private static Constructed construct(Map<String, PropertyValue> inputs) {
        return construct(inputs, OfflineEngine.create());
    }

    private static Constructed construct(Map<String, PropertyValue> inputs, OfflineEngine engine) {
        AtomicReference<ConstructResponse> response = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        OfflineRun run = engine.run(ctx -> {
            try {
                response.set(new CodeZeroProvider("0.1.0").construct(new ConstructRequest(PackageSchema.STACK, "platform", inputs,
                        ComponentResourceOptions.builder().build())).join());
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        return new Constructed(run, response.get(), thrown.get());
    }

    private record Constructed(OfflineRun run, ConstructResponse response, Throwable thrown) {
        Map<String, PropertyValue> state() {
            assertThat(thrown).as("construct threw").isNull();
            return response.getState();
        }
    }

    private static Map<String, PropertyValue> inputs(PropertyValue kubeconfig, PropertyValue context) {
        Map<String, PropertyValue> inputs = new LinkedHashMap<>(Inputs.json("{\"cluster\": {\"name\": \"shop\"}, \"platform\": " + PLATFORM + "}"));
        inputs.put("kubeconfig", kubeconfig);
        if (context != null) {
            inputs.put("context", context);
        }
        return inputs;
    }

    @Test
    void aPreviewWithTheKubeconfigOfAClusterNotCreatedYetPlansTheWholePlatform() {
        // `kubeconfig: ${cluster.kubeconfig}` during the first preview: an output of another resource, not known yet
        PropertyValue unknown = PropertyValue.of(new PropertyValue.OutputReference(null, Set.of()));
        Constructed c = construct(inputs(PropertyValue.ofSecret(unknown), PropertyValue.of("kind-shop")));

        Map<String, PropertyValue> state = c.state();
        assertThat(c.run().succeeded()).as(c.run().failure()).isTrue();
        assertThat(c.run().ofType("codezero:local:ExistingCluster")).hasSize(1);
        assertThat(c.run().ofType("pulumi:providers:kubernetes")).isNotEmpty();
        assertThat(c.run().where(r -> r.type().startsWith("kubernetes:helm.sh") || r.type().startsWith("kubernetes:cert-manager")))
                .as("the certificates layer's resources are planned").isNotEmpty();
        assertThat(state.get("kubeconfig").getType()).isEqualTo(PropertyValue.ValueType.SECRET);
        assertThat(state.get("kubeconfig").getSecretValue().isComputed()).as("the kubeconfig is not known yet").isTrue();
        assertThat(state.get("endpoint").isComputed()).as("the API server is read from that kubeconfig once known").isTrue();
    }

    @Test
    void anUnknownKubeconfigStillNeedsTheContextNamedAsInTheJavaApi() {
        Constructed c = construct(inputs(PropertyValue.COMPUTED, null));
        assertThat(c.thrown()).isInstanceOf(RunException.class).hasMessageContaining("- context = <missing>: is required with a kubeconfig from "
                + "another resource's output");
        assertThat(c.run().resources()).noneMatch(r -> r.type().startsWith("kubernetes:"));
    }

    @Test
    void anInputThatDecidesWhatIsCreatedMustBeKnownAndTheProblemNamesIt() {
        Map<String, PropertyValue> inputs = inputs(PropertyValue.of(KUBECONFIG), PropertyValue.COMPUTED);
        inputs.put("loadBalancerAddresses", PropertyValue.COMPUTED);
        Map<String, PropertyValue> platform = new LinkedHashMap<>(inputs.get("platform").getObjectValue());
        platform.put("istio", PropertyValue.COMPUTED);
        inputs.put("platform", PropertyValue.of(platform));
        Constructed c = construct(inputs);
        assertThat(c.thrown()).isInstanceOf(RunException.class).hasMessageContaining("- context = \"<unknown>\": is not known until")
                .hasMessageContaining("- loadBalancerAddresses = \"<unknown>\": is not known until")
                .hasMessageContaining("- platform.istio = \"<unknown>\": is not known until")
                .hasMessageContaining("only kubeconfig may be an output not known yet");
        assertThat(c.run().resources()).noneMatch(r -> r.type().startsWith("kubernetes:"));
    }

    @Test
    void aKubeconfigGivenAsItsContentIsReadAndCheckedLikeAFile() {
        Constructed c = construct(inputs(PropertyValue.ofSecret(PropertyValue.of(KUBECONFIG)), null));
        Map<String, PropertyValue> state = c.state();
        assertThat(state.get("endpoint")).isEqualTo(PropertyValue.of("https://127.0.0.1:6443"));
        assertThat(state.get("clusterName")).isEqualTo(PropertyValue.of("kind-shop"));
        assertThat(state).doesNotContainKeys(TargetHandles.OUTPUTS.toArray(String[]::new));

        Constructed wrongContext = construct(inputs(PropertyValue.of(KUBECONFIG), PropertyValue.of("prod")));
        assertThat(wrongContext.thrown()).isInstanceOf(RunException.class)
                .hasMessageContaining("context = \"prod\": is not in kubeconfig content; known contexts: kind-shop");
    }

    @Test
    void aKubeconfigGivenAsAnObjectAsAnotherPackageOutputsItIsItsContent() {
        // pulumi-eks's `kubeconfig` output is an object, not text
        Map<String, Object> object = new org.yaml.snakeyaml.Yaml().load(KUBECONFIG);
        Constructed c = construct(inputs(Inputs.value(object), null));
        assertThat(c.state().get("endpoint")).isEqualTo(PropertyValue.of("https://127.0.0.1:6443"));
    }

    /** examples/digitalocean's Pulumi.dev.yaml, as a YAML program writes the same sections as the component's inputs. */
    static final String DOKS = """
            {"cluster": {"name": "shop", "kubernetesVersion": "1.34",
              "network": {"vpcCidr": "10.20.0.0/16", "podCidr": "10.244.0.0/16", "serviceCidr": "10.245.0.0/16",
                          "privateNodes": false, "apiOpenToInternet": true},
              "nodePools": [{"name": "system", "size": "medium", "minNodes": 2, "desiredNodes": 3, "maxNodes": 6}]},
             "platform": {"domain": "shop.example.com", "certificates": {"issuer": "selfSigned"}},
             "digitalocean": {"region": "fra1", "project": {"environment": "Development"},
                              "maintenanceWindow": {"day": "sunday", "startTime": "04:00"}}}
            """;

    @Test
    void aDigitalOceanSectionMakesTheClusterOnDoksWithThePlatformOnIt() {
        Constructed c = construct(Inputs.json(DOKS), OfflineEngine.create().mocks(PlanMocksContributor.discover()));

        Map<String, PropertyValue> state = c.state();
        assertThat(c.run().succeeded()).as(c.run().failure()).isTrue();
        assertThat(c.run().ofType("codezero:digitalocean:DoksCluster")).hasSize(1);
        assertThat(c.run().ofType("codezero:local:ExistingCluster")).isEmpty();
        assertThat(c.run().ofType("digitalocean:index/kubernetesCluster:KubernetesCluster")).singleElement()
                .satisfies(cluster -> assertThat(cluster.input("region")).isEqualTo("fra1"));
        assertThat(c.run().ofType("digitalocean:index/kubernetesNodePool:KubernetesNodePool")).isNotEmpty();
        assertThat(c.run().ofType("kubernetes:helm.sh/v3:Release")).isNotEmpty();
        assertThat(state).containsKeys("kubeconfig", "clusterName", "endpoint");
        assertHandlesMatchTheSchema(state, "digitaloceanHandles");
    }

    /** examples/gcp's Pulumi.dev.yaml, as a YAML program writes the same sections as the component's inputs. */
    static final String GKE = """
            {"cluster": {"name": "shop", "kubernetesVersion": "1.34",
              "network": {"vpcCidr": "10.0.0.0/16", "podCidr": "10.100.0.0/16", "serviceCidr": "172.20.0.0/16",
                          "apiAccessAllowlist": ["203.0.113.0/24"]},
              "nodePools": [{"name": "system", "size": "medium", "minNodes": 3, "desiredNodes": 3, "maxNodes": 6}]},
             "platform": {"domain": "shop.example.com", "certificates": {"issuer": "selfSigned"}},
             "gcp": {"project": "acme-platform-dev", "region": "europe-west1", "releaseChannel": "REGULAR",
                     "maintenance": {"start": "2025-01-04T02:00:00Z", "end": "2025-01-04T08:00:00Z",
                                     "recurrence": "FREQ=WEEKLY;BYDAY=SA,SU"}}}
            """;

    @Test
    void aGcpSectionMakesTheClusterOnGkeWithThePlatformOnIt() {
        Constructed c = construct(Inputs.json(GKE), OfflineEngine.create().mocks(PlanMocksContributor.discover()));

        Map<String, PropertyValue> state = c.state();
        assertThat(c.run().succeeded()).as(c.run().failure()).isTrue();
        assertThat(c.run().ofType("codezero:gcp:GkeCluster")).hasSize(1);
        assertThat(c.run().ofType("codezero:local:ExistingCluster")).isEmpty();
        assertThat(c.run().ofType("gcp:container/cluster:Cluster")).singleElement()
                .satisfies(cluster -> assertThat(cluster.input("location")).isEqualTo("europe-west1"));
        assertThat(c.run().ofType("gcp:container/nodePool:NodePool")).isNotEmpty();
        assertThat(c.run().ofType("kubernetes:helm.sh/v3:Release")).isNotEmpty();
        assertThat(state).containsKeys("kubeconfig", "clusterName", "endpoint");
        assertHandlesMatchTheSchema(state, "gcpHandles");
    }

    /** examples/aws's and examples/azure's Pulumi.dev.yaml sections, as a YAML program writes them as inputs. */
    static final String CLOUD_CLUSTER = """
            {"name": "shop", "kubernetesVersion": "1.34", "network": {"vpcCidr": "10.0.0.0/16", "apiAccessAllowlist": ["203.0.113.0/24"]},
             "nodePools": [{"name": "system", "size": "medium", "minNodes": 2, "desiredNodes": 3, "maxNodes": 6}]}
            """;
    static final String EKS = "{\"cluster\": " + CLOUD_CLUSTER + ", \"platform\": " + PLATFORM + ", \"aws\": {\"region\": \"eu-west-1\","
            + " \"zoneCount\": 3, \"natMode\": \"SINGLE\", \"supportType\": \"STANDARD\","
            + " \"clusterAutoscaler\": {\"scaleDownUnneededTime\": \"10m\", \"scaleDownUtilizationThreshold\": \"0.5\"}}}";
    static final String AKS = "{\"cluster\": " + CLOUD_CLUSTER + ", \"platform\": " + PLATFORM + ", \"azure\": {\"location\": \"westeurope\","
            + " \"skuTier\": \"Free\"}}";

    @Test
    void anAwsSectionMakesTheClusterOnEksWithThePlatformOnIt() {
        Constructed c = construct(Inputs.json(EKS), OfflineEngine.create().mocks(PlanMocksContributor.discover()));

        Map<String, PropertyValue> state = c.state();
        assertThat(c.run().succeeded()).as(c.run().failure()).isTrue();
        assertThat(c.run().ofType("codezero:aws:EksCluster")).hasSize(1);
        assertThat(c.run().ofType("codezero:local:ExistingCluster")).isEmpty();
        assertThat(c.run().ofType("aws:eks/cluster:Cluster")).hasSize(1);
        assertThat(c.run().ofType("aws:eks/nodeGroup:NodeGroup")).isNotEmpty();
        assertThat(c.run().ofType("kubernetes:helm.sh/v3:Release")).isNotEmpty();
        assertThat(state).containsKeys("kubeconfig", "clusterName", "endpoint");
        assertHandlesMatchTheSchema(state, "awsHandles");
    }

    @Test
    void anAzureSectionMakesTheClusterOnAksWithThePlatformOnIt() {
        Constructed c = construct(Inputs.json(AKS), OfflineEngine.create().mocks(PlanMocksContributor.discover()));

        Map<String, PropertyValue> state = c.state();
        assertThat(c.run().succeeded()).as(c.run().failure()).isTrue();
        assertThat(c.run().ofType("codezero:azure:AksCluster")).hasSize(1);
        assertThat(c.run().ofType("codezero:local:ExistingCluster")).isEmpty();
        assertThat(c.run().ofType("azure-native:containerservice:ManagedCluster")).singleElement()
                .satisfies(cluster -> assertThat(cluster.input("location")).isEqualTo("westeurope"));
        assertThat(c.run().ofType("azure-native:containerservice:AgentPool")).isNotEmpty();
        assertThat(c.run().ofType("kubernetes:helm.sh/v3:Release")).isNotEmpty();
        assertThat(state).containsKeys("kubeconfig", "clusterName", "endpoint");
        assertHandlesMatchTheSchema(state, "azureHandles");
    }

    /**
     * The cloud's handles output holds a value for each property its schema type declares, and no other output of
     * handles is set (the SDK's provider path sends plain values only: ids, ARNs, URLs).
     */
    private static void assertHandlesMatchTheSchema(Map<String, PropertyValue> state, String output) {
        com.google.gson.JsonObject schema = PackageSchema.document("0.1.0");
        String ref = schema.getAsJsonObject("resources").getAsJsonObject(PackageSchema.STACK).getAsJsonObject("properties")
                .getAsJsonObject(output).get("$ref").getAsString();
        java.util.Set<String> declared = schema.getAsJsonObject("types").getAsJsonObject(ref.substring("#/types/".length()))
                .getAsJsonObject("properties").keySet();
        assertThat(state.get(output).getObjectValue().keySet()).as(output).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(state.get(output).getObjectValue().values()).as(output)
                .allSatisfy(v -> assertThat(v.isNull()).as("a value, known or computed").isFalse());
        assertThat(TargetHandles.OUTPUTS).contains(output);
        TargetHandles.OUTPUTS.stream().filter(o -> !o.equals(output)).forEach(o -> assertThat(state).doesNotContainKey(o));
    }

    /** examples/baremetal's Pulumi.dev.yaml sections as inputs; its SSH key is the caller's secret config key codezero:sshKey. */
    static final String K3S = """
            {"cluster": {"name": "lab", "kubernetesVersion": "1.34", "nodePools": [{"name": "workers", "minNodes": 2, "maxNodes": 2}]},
             "platform": {"domain": "lab.example.com", "certificates": {"issuer": "selfSigned"}},
             "baremetal": {"credentials": "sshKey", "user": "root", "loadBalancer": {"type": "serviceLB"},
               "hosts": [
                 {"address": "192.168.56.10", "role": "server", "name": "cp-1",
                  "hostKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOm3Z8lEzPXmT0Xh7gXhYq7n0b3B3v1m9V0u9kqg3xkA"},
                 {"address": "192.168.56.21", "role": "agent", "name": "worker-1", "pool": "workers",
                  "hostKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB8mC3h4i9Pz3wqk9c8yQm5m6V4eZk1p7t2x0F6m1n2o"},
                 {"address": "192.168.56.22", "role": "agent", "name": "worker-2", "pool": "workers",
                  "hostKey": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk7d2Qp4s9n1Wm3cX8v5b0a2Z6y4T1u7R9e3L5q0P2w"}]}}
            """;
    private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n-----END OPENSSH PRIVATE KEY-----\n";

    @Test
    void aBareMetalSectionMakesK3sOnTheMachinesWithTheCallersSecretKey() {
        Constructed c = construct(Inputs.json(K3S), OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .config("codezero:sshKey", PRIVATE_KEY).secretKeys(Set.of("codezero:sshKey")));

        Map<String, PropertyValue> state = c.state();
        assertThat(c.run().succeeded()).as(c.run().failure()).isTrue();
        assertThat(c.run().ofType("codezero:baremetal:ServerNode")).extracting(r -> r.name()).containsExactly("platform-cp-1");
        assertThat(c.run().ofType("codezero:baremetal:AgentNode")).hasSize(2);
        assertThat(c.run().ofType("codezero:local:ExistingCluster")).isEmpty();
        assertThat(c.run().ofType("kubernetes:helm.sh/v3:Release")).isNotEmpty();
        assertThat(state).containsKeys("kubeconfig", "clusterName", "endpoint");
        assertThat(state.get("endpoint")).isEqualTo(PropertyValue.of("https://192.168.56.10:6443"));
    }

    @Test
    void aBareMetalKeyTheCallerSetInPlainTextIsTheJavaPathsProblem() {
        Constructed c = construct(Inputs.json(K3S), OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .config("codezero:sshKey", PRIVATE_KEY));
        assertThat(c.thrown()).isInstanceOf(RunException.class).hasMessageContaining("- codezero:sshKey = \"<plain text>\": holds a "
                + "credential in plain text in Pulumi.<stack>.yaml; remove it there and set it as a secret");
        assertThat(c.run().resources()).noneMatch(r -> r.type().startsWith("codezero:baremetal:") || r.type().startsWith("kubernetes:"));
    }

    @Test
    void twoTargetSectionsAreAProblemNotOneIgnored() {
        Map<String, PropertyValue> inputs = new LinkedHashMap<>(Inputs.json(GKE));
        inputs.put("digitalocean", Inputs.json(DOKS).get("digitalocean"));
        Constructed c = construct(inputs, OfflineEngine.create().mocks(PlanMocksContributor.discover()));
        assertThat(c.thrown()).isInstanceOf(RunException.class)
                .hasMessageContaining("- gcp = \"<given>\": chooses another target than `digitalocean`, which is given too");
        assertThat(c.run().resources()).noneMatch(r -> r.type().startsWith("gcp:") || r.type().startsWith("digitalocean:"));
    }

    @Test
    void anExistingClusterInputBesideACloudSectionIsAProblemNotIgnored() {
        Map<String, PropertyValue> inputs = new LinkedHashMap<>(Inputs.json(DOKS));
        inputs.put("context", PropertyValue.of("minikube"));
        Constructed c = construct(inputs, OfflineEngine.create().mocks(PlanMocksContributor.discover()));
        assertThat(c.thrown()).isInstanceOf(RunException.class)
                .hasMessageContaining("- context = \"minikube\": is for an existing cluster; with `digitalocean` CodeZero makes the cluster");
        assertThat(c.run().resources()).noneMatch(r -> r.type().startsWith("digitalocean:") || r.type().startsWith("kubernetes:"));
    }

    @Test
    void anUnknownComponentTypeIsRefusedByName() {
        Throwable thrown = catchThrowable(() -> new CodeZeroProvider("0.1.0").construct(
                new ConstructRequest("codezero:index:Cluster", "c", java.util.Map.of(), ComponentResourceOptions.builder().build())));
        assertThat(thrown).hasMessageContaining("codezero:index:Cluster").hasMessageContaining(PackageSchema.STACK);
    }

    @Test
    void theSchemaStatesThePluginVersion() throws Exception {
        String schema = new CodeZeroProvider("0.1.0").getSchema(new GetSchemaRequest(0, null, null)).get().getSchema();
        assertThat(schema).contains("\"name\": \"codezero\"", "\"version\": \"0.1.0\"", "\"codezero:index:Stack\"");
    }
}
