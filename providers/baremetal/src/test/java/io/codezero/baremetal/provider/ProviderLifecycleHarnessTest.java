package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateResponse;

/**
 * The provider driven as the engine drives it (Check, Diff, Create, Read, Update, Delete) over a
 * loopback gRPC channel, against real SSH machines with the stand-in k3s delivered as airgap assets.
 */
@Tag("harness")
@SuppressWarnings("unchecked")
class ProviderLifecycleHarnessTest extends ProviderOnMachines {
    static final String V1 = "v1.33.5+k3s1";
    static final String V2 = "v1.34.1+k3s1";
    static final String SERVER = ResourceTokens.SERVER_NODE;
    static final String AGENT = ResourceTokens.AGENT_NODE;
    static final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        startMachines(3, (host, msg) -> progress.add(host + ": " + msg), null);
    }

    @Test
    void checkDiffCreateReadUpdateDeleteAgainstRealMachines() throws Exception {
        TestHost serverHost = harness.host(0);
        TestHost agentHost = harness.host(1);
        StandinK3s.Assets v1 = StandinK3s.write(assetsDir, V1);
        StandinK3s.Assets v2 = StandinK3s.write(assetsDir, V2);
        assertThat(provider.pluginVersion()).isNotBlank();

        // Check: a missing pin is reported against its property, before anything touches a machine.
        Map<String, Object> unpinned = NodeInputsFixture.firstServer(harness, serverHost, V1, v1);
        ((Map<String, Object>) unpinned.get("connection")).remove("hostKey");
        unpinned.put("k3sVersion", "1.33");
        CheckResponse bad = provider.check(SERVER, "server-0", Map.of(), unpinned);
        assertThat(bad.getFailuresList()).extracting(f -> f.getProperty())
                .containsExactlyInAnyOrder("connection.hostKey", "k3sVersion");
        assertThat(bad.getFailures(0).getReason() + bad.getFailures(1).getReason()).contains("ssh-keyscan", "v1.34.1+k3s1");

        // Check + Create the first server, with an airgap images tarball (streamed, not held in memory).
        Map<String, Object> serverInputs = NodeInputsFixture.firstServer(harness, serverHost, V1, v1);
        Path images = assetsDir.resolve("k3s-airgap-images-amd64.tar");
        java.nio.file.Files.write(images, new byte[3 * 1024 * 1024 + 17]);
        serverInputs.put("airgap", Map.of("k3sBinary", v1.binary().toString(), "installScript", v1.installScript().toString(),
                "images", images.toString()));
        CheckResponse checked = provider.check(SERVER, "server-0", Map.of(), serverInputs);
        assertThat(checked.getFailuresList()).isEmpty();
        CreateResponse server = provider.create(SERVER, "server-0", checked.getInputs());
        assertThat(server.getId()).isEqualTo("h1@" + serverHost.address());
        Map<String, Object> serverState = PropertyValues.fromStruct(server.getProperties());
        assertThat(serverState.get("kubeconfig")).isInstanceOf(PropertyValues.SecretValue.class);
        assertThat((String) PropertyValues.reveal(serverState.get("kubeconfig"))).contains("server: https://" + serverHost.address() + ":6443");
        assertThat(serverState.get("clusterToken")).isInstanceOf(PropertyValues.SecretValue.class);
        assertThat(((Map<?, ?>) serverState.get("connection")).get("privateKey")).isInstanceOf(PropertyValues.SecretValue.class);
        assertThat(serverState).containsEntry("installedVersion", V1).containsEntry("running", true);
        Object clusterToken = serverState.get("clusterToken");
        assertThat(harness.exec(serverHost, "stat -c %s /var/lib/rancher/k3s/agent/images/k3s-airgap-images-amd64.tar").trim())
                .isEqualTo(String.valueOf(3 * 1024 * 1024 + 17));

        // Check + Create an agent joining it, token passed as the secret output of the server.
        Map<String, Object> agentInputs = NodeInputsFixture.agent(harness, agentHost, serverHost, clusterToken, V1, v1);
        CheckResponse agentChecked = provider.check(AGENT, "agent-0", Map.of(), agentInputs);
        assertThat(agentChecked.getFailuresList()).isEmpty();
        CreateResponse agent = provider.create(AGENT, "agent-0", agentChecked.getInputs());
        Struct agentState = agent.getProperties();
        assertThat(harness.exec(serverHost, "k3s kubectl get nodes --no-headers")).contains("h1 Ready", "h2 Ready");

        // Same program again: no changes.
        DiffResponse none = provider.diff(AGENT, "agent-0", agent.getId(), PropertyValues.fromStruct(agentState), agentInputs);
        assertThat(none.getChanges()).isEqualTo(DiffResponse.DiffChanges.DIFF_NONE);

        // Read (refresh) sees the machine as it is.
        ReadResponse read = provider.read(AGENT, "agent-0", agent.getId(), agentState, agentChecked.getInputs());
        assertThat(read.getId()).isEqualTo(agent.getId());
        assertThat(PropertyValues.fromStruct(read.getProperties())).containsEntry("installedVersion", V1).containsEntry("running", true);

        // Drift: k3s stopped behind our back. Refresh notices; Diff proposes an in-place update; Update restarts it.
        harness.exec(agentHost, "/usr/local/bin/k3s-killall.sh");
        ReadResponse stopped = provider.read(AGENT, "agent-0", agent.getId(), agentState, agentChecked.getInputs());
        assertThat(PropertyValues.fromStruct(stopped.getProperties())).containsEntry("running", false);
        DiffResponse restart = provider.diff(AGENT, "agent-0", agent.getId(), PropertyValues.fromStruct(stopped.getProperties()), agentInputs);
        assertThat(restart.getChanges()).isEqualTo(DiffResponse.DiffChanges.DIFF_SOME);
        assertThat(restart.getDetailedDiffMap()).containsKey("running");
        assertThat(restart.getReplacesList()).isEmpty();
        UpdateResponse restarted = provider.update(AGENT, "agent-0", agent.getId(), stopped.getProperties(), agentChecked.getInputs());
        assertThat(PropertyValues.fromStruct(restarted.getProperties())).containsEntry("running", true);
        assertThat(harness.exec(agentHost, "pgrep -f '[k]3s agent' | wc -l").trim()).isEqualTo("1");

        // The server first: an agent is upgraded only once every server runs the new version (kubelets are never
        // newer than the API), which the provider now checks itself.
        Map<String, Object> serverUpgraded = NodeInputsFixture.firstServer(harness, serverHost, V2, v2);
        UpdateResponse serverAfter = provider.update(SERVER, "server-0", server.getId(), server.getProperties(),
                provider.check(SERVER, "server-0", serverState, serverUpgraded).getInputs());
        assertThat(PropertyValues.fromStruct(serverAfter.getProperties())).containsEntry("installedVersion", V2);

        // Upgrade in place: a new version is an update (not a replacement), drained before and uncordoned after.
        Map<String, Object> upgraded = NodeInputsFixture.agent(harness, agentHost, serverHost, clusterToken, V2, v2);
        DiffResponse upgrade = provider.diff(AGENT, "agent-0", agent.getId(), PropertyValues.fromStruct(restarted.getProperties()), upgraded);
        assertThat(upgrade.getDetailedDiffMap()).containsEntry("k3sVersion",
                PropertyDiff.newBuilder().setKind(PropertyDiff.Kind.UPDATE).setInputDiff(true).build());
        assertThat(upgrade.getReplacesList()).isEmpty();
        progress.clear();
        UpdateResponse afterUpgrade = provider.update(AGENT, "agent-0", agent.getId(), restarted.getProperties(),
                provider.check(AGENT, "agent-0", PropertyValues.fromStruct(restarted.getProperties()), upgraded).getInputs());
        assertThat(PropertyValues.fromStruct(afterUpgrade.getProperties())).containsEntry("installedVersion", V2);
        assertThat(progress).anyMatch(m -> m.endsWith(": drain")).anyMatch(m -> m.endsWith(": uncordon"));
        assertThat(harness.exec(serverHost, "k3s kubectl get node h2 --no-headers")).contains("h2 Ready <none>").contains(V2)
                .doesNotContain("SchedulingDisabled");

        // Moving the node to another address replaces it, removing the old one first.
        Map<String, Object> moved = new LinkedHashMap<>(upgraded);
        Map<String, Object> movedConnection = new LinkedHashMap<>((Map<String, Object>) moved.get("connection"));
        movedConnection.put("host", "10.77.0.99");
        moved.put("connection", movedConnection);
        DiffResponse move = provider.diff(AGENT, "agent-0", agent.getId(), PropertyValues.fromStruct(afterUpgrade.getProperties()), moved);
        assertThat(move.getReplacesList()).containsExactly("connection");
        assertThat(move.getDeleteBeforeReplace()).isTrue();

        // Delete: drain, uninstall, remove the node from the cluster.
        provider.delete(AGENT, "agent-0", agent.getId(), afterUpgrade.getProperties());
        assertThat(harness.exec(serverHost, "k3s kubectl get nodes --no-headers")).contains("h1 Ready").doesNotContain("h2");
        assertThat(harness.exec(agentHost, "ls /usr/local/bin /var/lib/rancher /etc/rancher 2>&1")).doesNotContain("k3s");

        // Drift: uninstalled behind our back. Refresh reports the resource gone.
        harness.exec(serverHost, "/usr/local/bin/k3s-uninstall.sh >/dev/null 2>&1");
        ReadResponse gone = provider.read(SERVER, "server-0", server.getId(), server.getProperties(), checked.getInputs());
        assertThat(gone.getId()).isEmpty();

        // Secrets never appear in progress messages.
        String privateKeyLine = harness.clientPrivateKey().split("\n")[1];
        String token = (String) PropertyValues.reveal(clusterToken);
        assertThat(String.join("\n", progress)).doesNotContain(privateKeyLine).doesNotContain(token);
    }
    @Test
    void nonRootUserWithPasswordSudoTrustOnFirstUseAndAJumpHost() {
        TestHost jump = harness.host(0);
        TestHost host = harness.host(2);
        StandinK3s.Assets v2 = StandinK3s.write(assetsDir, V2);
        Map<String, Object> inputs = NodeInputsFixture.firstServer(harness, host, V2, v2);
        Map<String, Object> connection = new LinkedHashMap<>((Map<String, Object>) inputs.get("connection"));
        connection.remove("hostKey");
        connection.remove("privateKey");
        connection.put("trustOnFirstUse", true);
        connection.put("user", SshHostHarness.DEPLOY_USER);
        connection.put("password", new PropertyValues.SecretValue(SshHostHarness.DEPLOY_PASSWORD));
        connection.put("sudoPassword", new PropertyValues.SecretValue(SshHostHarness.DEPLOY_PASSWORD));
        connection.put("jumpHost", NodeInputsFixture.connection(harness, jump));
        inputs.put("connection", connection);
        inputs.put("nodeName", "edge-1");

        CheckResponse checked = provider.check(SERVER, "edge", Map.of(), inputs);
        assertThat(checked.getFailuresList()).isEmpty();
        CreateResponse created = provider.create(SERVER, "edge", checked.getInputs());
        Map<String, Object> state = PropertyValues.fromStruct(created.getProperties());
        // The key accepted on first use is recorded, and pinned from then on.
        assertThat(state).containsEntry("observedHostKey", host.hostKey()).containsEntry("resolvedNodeName", "edge-1");
        assertThat(harness.exec(host, "k3s kubectl get node edge-1 --no-headers")).contains("edge-1 Ready");
        assertThat(((Map<?, ?>) state.get("connection")).get("password")).isInstanceOf(PropertyValues.SecretValue.class);

        Map<String, Object> impostor = new LinkedHashMap<>(state);
        impostor.put("observedHostKey", harness.host(1).hostKey());
        io.grpc.StatusRuntimeException refused = org.assertj.core.api.Assertions.catchThrowableOfType(io.grpc.StatusRuntimeException.class,
                () -> provider.read(SERVER, "edge", created.getId(), PropertyValues.toStruct(impostor), checked.getInputs()));
        assertThat(refused.getStatus().getDescription()).contains("does not match the pinned key");

        provider.delete(SERVER, "edge", created.getId(), created.getProperties());
        assertThat(harness.exec(host, "ls /usr/local/bin")).doesNotContain("k3s");
    }
}
