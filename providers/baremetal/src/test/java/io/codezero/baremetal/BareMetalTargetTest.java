package io.codezero.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.Taint;
import io.codezero.core.spec.TaintEffect;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class BareMetalTargetTest {
    static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFHL6kfvRxSfrocePmXKUzbl/L/M0e49p1Indbk9TtTR";
    static final String PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----\nplanned\n-----END OPENSSH PRIVATE KEY-----\n";

    static BareMetalHost host(String address, NodeRole role) {
        return new BareMetalHost(null, address, 22, "root", role, KEY_A, false, Output.of(PRIVATE), null, null, null,
                "baremetal.hosts[" + address + "]");
    }

    static ClusterSpec spec() {
        return ClusterSpec.builder("lab").kubernetesVersion("1.34")
                .nodePool(NodePool.builder("workers").labels(Map.of("tier", "web"))
                        .taints(List.of(Taint.of("dedicated", "web", TaintEffect.NoSchedule))).build())
                .build();
    }

    @Test
    void registersOneResourcePerMachineWithTheFirstServerInitializingTheCluster() {
        BareMetalTarget target = BareMetalTarget.builder()
                .host(host("10.0.0.10", NodeRole.SERVER).named("cp-1"))
                .host(host("10.0.0.11", NodeRole.SERVER).named("cp-2"))
                .host(host("10.0.0.12", NodeRole.SERVER).named("cp-3"))
                .host(host("10.0.0.20", NodeRole.AGENT).inPool("workers"))
                .host(host("10.0.0.21", NodeRole.AGENT))
                .build();
        assertThat(target.validate(spec())).isEmpty();
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .run(ctx -> provisioned.set(target.provision(spec(), io.codezero.core.target.TargetContext.standalone("lab"))));
        assertThat(run.succeeded()).as(run.failure()).isTrue();

        PlannedResource cluster = run.get(ResourceTokens.CLUSTER, "lab");
        List<PlannedResource> servers = run.ofType(ResourceTokens.SERVER_NODE);
        List<PlannedResource> agents = run.ofType(ResourceTokens.AGENT_NODE);
        // Joining nodes all wait for the first server's outputs, so the engine may see them in any order.
        assertThat(servers).extracting(PlannedResource::name).containsExactlyInAnyOrder("lab-cp-1", "lab-cp-2", "lab-cp-3");
        assertThat(agents).extracting(PlannedResource::name).containsExactlyInAnyOrder("lab-10-0-0-20", "lab-10-0-0-21");
        assertThat(servers).allSatisfy(s -> assertThat(s.parentUrn()).isEqualTo(cluster.urn()));

        PlannedResource first = run.get(ResourceTokens.SERVER_NODE, "lab-cp-1");
        assertThat(first.input("clusterInit")).isEqualTo(true);
        assertThat(first.input("serverUrl")).isNull();
        assertThat(first.input("k3sVersion")).isEqualTo("v1.34.1+k3s1");
        assertThat(first.input("connection.hostKey")).isEqualTo(KEY_A);
        assertThat(first.isSecretInput("connection.privateKey")).isTrue();
        assertThat(first.version()).isEqualTo(PluginVersion.VALUE);

        PlannedResource second = run.get(ResourceTokens.SERVER_NODE, "lab-cp-2");
        assertThat(second.input("clusterInit")).isNull();
        assertThat(second.input("serverUrl")).isEqualTo("https://10.0.0.10:6443");
        assertThat(second.isSecretInput("token")).isTrue();
        assertThat(second.input("controlPlane.host")).isEqualTo("10.0.0.10");
        assertThat(run.dependsOn(second, first)).isTrue();

        // Rolling order: each server after the previous one; agents do not wait in the engine (the provider holds
        // their joins until the first server's API answers, and their upgrades until every server runs the new version).
        PlannedResource third = run.get(ResourceTokens.SERVER_NODE, "lab-cp-3");
        assertThat(third.dependencies()).contains(second.urn());
        assertThat(second.dependencies()).doesNotContain(third.urn());
        assertThat(run.dependsOn(second, third)).isFalse();
        PlannedResource worker = run.get(ResourceTokens.AGENT_NODE, "lab-10-0-0-20");
        assertThat(run.dependsOn(worker, third)).isFalse();
        assertThat(worker.input("token")).isEqualTo("planned-join-token");
        assertThat(worker.input("maxUnavailable")).isIn(1, 1.0);
        PlannedResource otherWorker = run.get(ResourceTokens.AGENT_NODE, "lab-10-0-0-21");
        assertThat(run.dependsOn(worker, otherWorker) || run.dependsOn(otherWorker, worker)).as("agents are not ordered among themselves").isFalse();
        assertThat((List<Object>) worker.input("extraArgs")).containsExactly("--node-label=codezero.io/pool=workers",
                "--node-label=tier=web", "--node-taint=dedicated=web:NoSchedule");
        assertThat(run.dependsOn(worker, first)).isFalse();

        PlannedResource provider = run.get("pulumi:providers:kubernetes", "lab-k8s");
        assertThat(provider.isSecretInput("kubeconfig")).isTrue();
        assertThat((String) provider.input("kubeconfig")).contains("server: https://10.0.0.10:6443");
        ProvisionedCluster result = provisioned.get();
        assertThat(result.storage().standardClass()).isEqualTo("local-path");
        assertThat(result.loadBalancers().supports(Exposure.INTERNAL)).isTrue();
        assertThat(result.loadBalancers().annotationsFor(Exposure.INTERNET_FACING)).contains(Map.of());
        assertThat(result.readiness()).hasSize(5);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        BareMetalHost noKey = new BareMetalHost(null, "10.0.0.11", 22, "root", NodeRole.SERVER, null, false, null, null, null, "workers", "h[1]");
        BareMetalTarget target = BareMetalTarget.builder()
                .host(host("10.0.0.10", NodeRole.SERVER))
                .host(noKey)
                .host(host("10.0.0.10", NodeRole.AGENT))
                .k3sVersion("v1.33.5+k3s1")
                .build();
        List<Problem> problems = target.validate(spec());
        assertThat(problems).extracting(Problem::field).contains(
                "baremetal.hosts", "h[1].hostKey", "h[1].credentials", "baremetal.hosts[10.0.0.10].address",
                "baremetal.k3sVersion");
        assertThat(problems.toString()).contains("odd number of servers", "ssh-keyscan -t ed25519 10.0.0.11", "is also used by",
                "not a release of Kubernetes 1.34");
    }

    @Test
    void noServerIsAProblem() {
        assertThat(BareMetalTarget.builder().host(host("10.0.0.20", NodeRole.AGENT)).build().validate(spec()))
                .extracting(Problem::message).anyMatch(m -> m.contains("at least one host with role: server"));
    }

    @Test
    void readsConfigWithSecretCredentialsAndRejectsUnknownKeys() {
        ConfigObject section = ConfigObject.root("baremetal", Map.of(
                "credentials", "sshKey",
                "loadBalancer", Map.of("type", "metallb", "addresses", List.of("10.0.0.240-10.0.0.250")),
                "hosts", List.of(
                        Map.of("address", "10.0.0.10", "role", "server", "hostKey", KEY_A, "name", "cp-1"),
                        Map.of("address", "10.0.0.20", "role", "agent", "hostKey", KEY_A, "credentials", "missingKey", "colour", "blue"),
                        Map.of("address", "10.0.0.21", "role", "boss", "hostKey", KEY_A))));
        BareMetalTarget target = BareMetalTarget.fromConfig(section, key -> key.equals("sshKey") ? Optional.of(PRIVATE) : Optional.empty());
        assertThat(target.hosts()).hasSize(3);
        assertThat(target.hosts().get(0).name()).isEqualTo("cp-1");
        assertThat(target.hosts().get(0).privateKey()).isNotNull();
        assertThat(target.loadBalancer().kind()).isEqualTo(BareMetalLoadBalancer.Kind.METALLB);
        assertThat(section.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "baremetal.hosts[1].credentials", "baremetal.hosts[1].colour", "baremetal.hosts[2].role");
        assertThat(section.problems().toString()).contains("pulumi config set --secret codezero:missingKey").doesNotContain("planned");
    }

    @Test
    void metalLbInstallsTheChartAndPoolsAndDisablesServiceLb() {
        BareMetalTarget target = BareMetalTarget.builder().host(host("10.0.0.10", NodeRole.SERVER))
                .loadBalancer(BareMetalLoadBalancer.metalLb(List.of("10.0.0.240-10.0.0.250"), List.of("10.0.1.0/28"))).build();
        AtomicReference<ProvisionedCluster> provisioned = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .run(ctx -> provisioned.set(target.provision(spec(), io.codezero.core.target.TargetContext.standalone("lab"))));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat((List<Object>) run.ofType(ResourceTokens.SERVER_NODE).get(0).input("extraArgs")).contains("--disable=servicelb");
        assertThat(run.ofType("kubernetes:helm.sh/v3:Release")).hasSize(1);
        assertThat(run.ofType("kubernetes:metallb.io/v1beta1:IPAddressPool")).extracting(r -> r.input("metadata.name"))
                .containsExactly("codezero-public", "codezero-internal");
        assertThat(provisioned.get().loadBalancers().annotationsFor(Exposure.INTERNAL))
                .contains(Map.of("metallb.universe.tf/address-pool", "codezero-internal"));
    }
    @Test
    void jumpHostAndApiAddressFromConfigReachEveryNode() {
        ConfigObject section = ConfigObject.root("baremetal", Map.of(
                "credentials", "sshKey",
                "apiAddress", "k8s.lab.internal",
                "jumpHost", Map.of("address", "203.0.113.7", "hostKey", KEY_A, "user", "jump"),
                "hosts", List.of(Map.of("address", "10.0.0.10", "role", "server", "hostKey", KEY_A),
                        Map.of("address", "10.0.0.20", "hostKey", KEY_A, "user", "deploy", "passwordCredentials", "pw",
                                "sudoPasswordCredentials", "pw", "pool", "workers"))));
        BareMetalTarget target = BareMetalTarget.fromConfig(section,
                key -> Optional.of(key.equals("pw") ? "s3cret" : PRIVATE));
        assertThat(section.problems()).isEmpty();
        assertThat(target.validate(spec())).isEmpty();
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> target.provision(spec(), io.codezero.core.target.TargetContext.standalone("lab")));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource agent = run.ofType(ResourceTokens.AGENT_NODE).get(0);
        assertThat(agent.input("connection.jumpHost.host")).isEqualTo("203.0.113.7");
        assertThat(agent.input("connection.user")).isEqualTo("deploy");
        assertThat(agent.isSecretInput("connection.password")).isTrue();
        assertThat(agent.isSecretInput("connection.sudoPassword")).isTrue();
        assertThat(agent.input("serverUrl")).isEqualTo("https://k8s.lab.internal:6443");
        PlannedResource server = run.ofType(ResourceTokens.SERVER_NODE).get(0);
        assertThat((List<Object>) server.input("tlsSans")).containsExactly("k8s.lab.internal", "10.0.0.10");
        assertThat(server.input("kubeconfigServer")).isEqualTo("k8s.lab.internal");
    }
}
