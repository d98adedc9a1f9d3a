package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.UpdateResponse;

/**
 * A join token chosen up front: the engine starts every node at once, and the provider holds the
 * order. Joins get ready beside the first server and join only once its API answers; in an upgrade
 * started for every node at once, an agent restarts only after the server runs the new version.
 */
@Tag("harness")
class ParallelJoinHarnessTest extends ProviderOnMachines {
    static final String V1 = "v1.34.1+k3s1";
    static final String V2 = "v1.34.2+k3s1";
    static final Map<String, List<Object[]>> marks = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        startMachines(3, (host, message) -> marks.computeIfAbsent(host.replaceAll(".*\\(([^:)]+):\\d+.*", "$1")
                .replaceAll(":\\d+$", ""), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Object[] {message, System.nanoTime()}), null);
    }

    static long at(TestHost host, String phase) {
        return marks.getOrDefault(host.address(), List.of()).stream().filter(m -> m[0].equals(phase)).mapToLong(m -> (long) m[1])
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(host.address() + " never reported '" + phase + "': "
                        + marks.getOrDefault(host.address(), List.of()).stream().map(m -> (String) m[0]).toList()));
    }

    @Test
    void joinsStartBesideTheFirstServerJoinWhenItsApiAnswersAndUpgradeAfterIt() throws Exception {
        StandinK3s.Assets v1 = StandinK3s.write(assetsDir, V1);
        StandinK3s.Assets v2 = StandinK3s.write(assetsDir, V2);
        TestHost first = harness.host(0);
        List<TestHost> agents = harness.hosts().subList(1, 3);
        Object token = new PropertyValues.SecretValue("K10up-front-" + Long.toHexString(System.nanoTime()));
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        Map<String, Object> server = new LinkedHashMap<>(NodeInputsFixture.firstServer(harness, first, V1, v1));
        server.put("token", token);
        inputs.put("server", server);
        for (TestHost a : agents) {
            inputs.put("agent-" + a.name(), NodeInputsFixture.agent(harness, a, first, token, V1, v1));
        }
        // Every Create at once, as the engine does when no node waits for another's output.
        Map<String, CompletableFuture<CreateResponse>> created = new LinkedHashMap<>();
        inputs.forEach((name, in) -> {
            String type = name.equals("server") ? ResourceTokens.SERVER_NODE : ResourceTokens.AGENT_NODE;
            created.put(name, CompletableFuture.supplyAsync(() -> provider.create(type, name, provider.check(type, name, Map.of(), in).getInputs())));
        });
        Map<String, CreateResponse> done = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<CreateResponse>> e : created.entrySet()) {
            done.put(e.getKey(), e.getValue().join());
        }
        assertThat(harness.exec(first, "/usr/local/bin/k3s kubectl get nodes --no-headers | grep -c ' Ready '").strip()).isEqualTo("3");
        for (TestHost a : agents) {
            // The join itself came only after the first server's install (its API answered).
            assertThat(at(a, "join agent")).isGreaterThan(at(first, "wait ready"));
            at(a, "wait for the first server");
        }

        // An upgrade the engine starts for every node at once: the agents restart only after the server runs V2.
        long since = System.currentTimeMillis();
        Map<String, CompletableFuture<UpdateResponse>> updates = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : inputs.entrySet()) {
            String name = e.getKey();
            String type = name.equals("server") ? ResourceTokens.SERVER_NODE : ResourceTokens.AGENT_NODE;
            Map<String, Object> news = new LinkedHashMap<>(e.getValue());
            news.put("k3sVersion", V2);
            news.put("airgap", Map.of("k3sBinary", v2.binary().toString(), "installScript", v2.installScript().toString()));
            CreateResponse old = done.get(name);
            updates.put(name, CompletableFuture.supplyAsync(() -> provider.update(type, name, old.getId(), old.getProperties(),
                    provider.check(type, name, PropertyValues.fromStruct(old.getProperties()), news).getInputs())));
        }
        updates.values().forEach(CompletableFuture::join);
        long serverBack = harness.k3sRestart(first, since)[1];
        for (TestHost a : agents) {
            assertThat(harness.k3sRestart(a, since)[0]).as("agent " + a.name() + " stops after the server runs " + V2).isGreaterThan(serverBack);
        }
    }
}
