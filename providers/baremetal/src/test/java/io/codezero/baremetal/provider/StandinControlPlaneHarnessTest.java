package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinControlPlane;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.UpdateResponse;

/**
 * The stand-in k3s with a real control plane (the e2e toolchain's etcd, kube-apiserver, controller
 * manager, scheduler and kwok, see {@link StandinControlPlane}): a server and an agent created by the
 * provider, then the kubeconfig the provider fetched over SSH used from outside the machines, as the
 * Kubernetes provider of a program uses it. What the engine test of examples/baremetal relies on.
 */
@Tag("harness")
class StandinControlPlaneHarnessTest {
    static final String V1 = "v1.34.1+k3s1";
    static final String V2 = "v1.34.2+k3s1";
    @TempDir
    Path work;

    @Test
    void theKubeconfigFetchedOverSshReachesARealApiServerThatSurvivesAnUpgrade() throws Exception {
        try (SshHostHarness harness = SshHostHarness.startWithControlPlane(3);
                ProviderClient provider = new ProviderClient((host, msg) -> { })) {
            TestHost server = harness.host(0);
            TestHost agent = harness.host(1);
            StandinK3s.Assets v1 = StandinK3s.write(work, V1);
            Map<String, Object> serverInputs = NodeInputsFixture.firstServer(harness, server, V1, v1);
            TestHost joined = harness.host(2);
            serverInputs.put("readyTimeoutSeconds", 180.0);
            serverInputs.put("tlsSans", List.of(server.address(), joined.address()));
            CheckResponse serverChecked = provider.check(ResourceTokens.SERVER_NODE, "server-0", Map.of(), serverInputs);
            CreateResponse created = provider.create(ResourceTokens.SERVER_NODE, "server-0", serverChecked.getInputs());
            Map<String, Object> serverState = PropertyValues.fromStruct(created.getProperties());
            Path kubeconfig = work.resolve("kubeconfig");
            Files.writeString(kubeconfig, (String) PropertyValues.reveal(serverState.get("kubeconfig")));

            Map<String, Object> agentInputs = NodeInputsFixture.agent(harness, agent, server, serverState.get("clusterToken"), V1, v1);
            agentInputs.put("extraArgs", List.of("--node-label=codezero.io/pool=workers", "--node-taint=dedicated=apps:NoSchedule"));
            CreateResponse agentCreated = provider.create(ResourceTokens.AGENT_NODE, "agent-0",
                    provider.check(ResourceTokens.AGENT_NODE, "agent-0", Map.of(), agentInputs).getInputs());

            // A second server joins: the API through it is the first server's (relayed), its kubeconfig names it.
            Map<String, Object> joinInputs = new java.util.LinkedHashMap<>(NodeInputsFixture.agent(harness, joined, server,
                    serverState.get("clusterToken"), V1, v1));
            joinInputs.put("tlsSans", List.of(server.address(), joined.address()));
            // its removal drains the web pod, which kwok deletes once the eviction lands; slow under a loaded CI machine
            joinInputs.put("drainTimeoutSeconds", 120.0);
            CreateResponse joinedCreated = provider.create(ResourceTokens.SERVER_NODE, "server-1",
                    provider.check(ResourceTokens.SERVER_NODE, "server-1", Map.of(), joinInputs).getInputs());
            Path joinedKubeconfig = work.resolve("kubeconfig-joined");
            Files.writeString(joinedKubeconfig, (String) PropertyValues.reveal(PropertyValues.fromStruct(joinedCreated.getProperties()).get("kubeconfig")));
            assertThat(Files.readString(joinedKubeconfig)).contains("https://" + joined.address() + ":6443");
            assertThat(kubectl(joinedKubeconfig, "get", "node", "h3", "-o", "jsonpath={.metadata.labels}")).contains("node-role.kubernetes.io/etcd");

            // TLS verified against the machine's address: the serving certificate names it.
            assertThat(kubectl(kubeconfig, "get", "--raw", "/readyz")).isEqualTo("ok");
            assertThat(kubectl(kubeconfig, "get", "nodes", "-o",
                    "jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type==\"Ready\")].status} {.status.nodeInfo.kubeletVersion}"
                            + " {.status.addresses[?(@.type==\"InternalIP\")].address}{\"\\n\"}{end}"))
                    .contains("h1 True " + V1 + " " + server.address(), "h2 True " + V1 + " " + agent.address(),
                            "h3 True " + V1 + " " + joined.address());
            assertThat(kubectl(kubeconfig, "get", "node", "h1", "-o", "jsonpath={.metadata.labels}")).contains("node-role.kubernetes.io/control-plane");
            assertThat(kubectl(kubeconfig, "get", "node", "h2", "-o", "jsonpath={.metadata.labels.codezero\\.io/pool} {.spec.taints[0].key}={.spec.taints[0].value}:{.spec.taints[0].effect}"))
                    .isEqualTo("workers dedicated=apps:NoSchedule");

            // Workloads: pods run (kwok), local-path claims bind, LoadBalancer Services get the nodes' addresses (ServiceLB).
            Path objects = work.resolve("objects.yaml");
            Files.writeString(objects, String.join("\n",
                    "apiVersion: v1", "kind: PersistentVolumeClaim", "metadata: {name: data, namespace: default}",
                    "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}",
                    "---", "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web, namespace: default}",
                    "spec: {replicas: 1, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}},"
                            + " spec: {containers: [{name: web, image: nginx:1.27}]}}}",
                    "---", "apiVersion: v1", "kind: Service", "metadata: {name: web, namespace: default}",
                    "spec: {type: LoadBalancer, selector: {app: web}, ports: [{port: 80}]}", ""));
            kubectl(kubeconfig, "apply", "-f", objects.toString());
            kubectl(kubeconfig, "wait", "--for=condition=Available", "deployment/web", "--timeout=120s");
            kubectl(kubeconfig, "wait", "--for=jsonpath={.status.phase}=Bound", "pvc/data", "--timeout=120s");
            kubectl(kubeconfig, "wait", "--for=jsonpath={.status.loadBalancer.ingress[0].ip}", "service/web", "--timeout=120s");
            assertThat(kubectl(kubeconfig, "get", "service", "web", "-o", "jsonpath={.status.loadBalancer.ingress[*].ip}"))
                    .contains(server.address(), agent.address(), joined.address());
            // the pod avoided the tainted agent
            assertThat(kubectl(kubeconfig, "get", "pods", "-l", "app=web", "-o", "jsonpath={.items[0].spec.nodeName}")).isIn("h1", "h3");

            // In-place upgrade of the server: k3s (and its control plane) restarted, the cluster's data kept.
            StandinK3s.Assets v2 = StandinK3s.write(work, V2);
            Map<String, Object> upgraded = NodeInputsFixture.firstServer(harness, server, V2, v2);
            upgraded.put("readyTimeoutSeconds", 180.0);
            // the same names as before: the provider's health gate reaches the API through the second server too
            upgraded.put("tlsSans", List.of(server.address(), joined.address()));
            // The restarted kubelet reports its new version 5 s late while its Node stays Ready: the readiness gate
            // must wait for the version, or the next machine of a roll would stop while this one is not back.
            harness.exec(server, "mkdir -p /etc/codezero-standin && echo 5 > /etc/codezero-standin/report-version-after");
            UpdateResponse updated = provider.update(ResourceTokens.SERVER_NODE, "server-0", created.getId(), created.getProperties(),
                    provider.check(ResourceTokens.SERVER_NODE, "server-0", serverState, upgraded).getInputs());
            assertThat(PropertyValues.reveal(PropertyValues.fromStruct(updated.getProperties()).get("kubeconfig")))
                    .as("same certificates after the upgrade").isEqualTo(Files.readString(kubeconfig));
            harness.exec(server, "rm -f /etc/codezero-standin/report-version-after");
            assertThat(kubectl(kubeconfig, "get", "node", "h1", "-o", "jsonpath={.status.nodeInfo.kubeletVersion}"))
                    .as("the update ends only once the node reports the version it installed").isEqualTo(V2);
            assertThat(kubectl(kubeconfig, "get", "deployment", "web", "-o", "name")).isEqualTo("deployment.apps/web");

            // Removing the agent drains it and deletes its Node through the real API.
            provider.delete(ResourceTokens.AGENT_NODE, "agent-0", agentCreated.getId(), agentCreated.getProperties());
            assertThat(kubectl(kubeconfig, "get", "nodes", "-o", "name")).isEqualTo("node/h1\nnode/h3");
            try {
                provider.delete(ResourceTokens.SERVER_NODE, "server-1", joinedCreated.getId(), joinedCreated.getProperties());
            } catch (RuntimeException e) {
                // what the simulated kubelet (kwok, run by the first server) did, for the next person who sees this fail
                throw new AssertionError(e.getMessage() + "\npods: " + kubectl(kubeconfig, "get", "pods", "-A", "-o", "wide")
                        + "\nkwok on h1: " + harness.exec(server, "tail -n 30 /var/lib/rancher/k3s/server/standin-cp/logs/kwok.log; "
                        + "ps -eo pid,pgid,args | grep '[k]wok'"), e);
            }
            assertThat(kubectl(kubeconfig, "get", "nodes", "-o", "name")).isEqualTo("node/h1");
        }
    }

    static String kubectl(Path kubeconfig, String... args) {
        return StandinControlPlane.kubectl(kubeconfig, args);
    }
}
