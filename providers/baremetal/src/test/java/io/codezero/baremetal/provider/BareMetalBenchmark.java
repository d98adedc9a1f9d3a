package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.install.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateResponse;

/**
 * Benchmark, not a test: brings up clusters of 1, 5 and 20 machines with the stand-in k3s through
 * the provider, as the engine would (the first server, then every other node's Create at once), and
 * prints wall times. Excluded from normal runs; run with:
 * <pre>mvn -o -q test -pl providers/baremetal -Dtest=BareMetalBenchmark -Dcodezero.excludedGroups=none</pre>
 */
@Tag("benchmark")
class BareMetalBenchmark {
    static final String VERSION = "v1.34.1+k3s1";
    @TempDir
    Path assetsDir;

    @Test
    void bringUp1And5And20Hosts() throws Exception {
        StandinK3s.Assets assets = StandinK3s.write(assetsDir, VERSION);
        List<String> lines = new ArrayList<>();
        // Round 0 (1 host) only warms the JVM up (JIT, SSH crypto); it is not reported.
        int[] sizes = {1, 1, 5, 20};
        for (int round = 0; round < sizes.length; round++) {
            int size = sizes[round];
            long harnessStart = System.nanoTime();
            try (SshHostHarness harness = SshHostHarness.start(size);
                 ProviderClient provider = new ProviderClient(Progress.silent())) {
                double harnessSeconds = (System.nanoTime() - harnessStart) / 1e9;
                long start = System.nanoTime();
                TestHost first = harness.host(0);
                CreateResponse server = provider.create(ResourceTokens.SERVER_NODE, "server",
                        provider.check(ResourceTokens.SERVER_NODE, "server", Map.of(),
                                NodeInputsFixture.firstServer(harness, first, VERSION, assets)).getInputs());
                double serverSeconds = (System.nanoTime() - start) / 1e9;
                Object token = PropertyValues.fromStruct(server.getProperties()).get("clusterToken");
                ExecutorService engine = Executors.newFixedThreadPool(Math.max(1, size - 1));
                List<Future<CreateResponse>> agents = new ArrayList<>();
                for (TestHost host : harness.hosts().subList(1, size)) {
                    String name = "agent-" + host.name();
                    agents.add(engine.submit(() -> provider.create(ResourceTokens.AGENT_NODE, name,
                            provider.check(ResourceTokens.AGENT_NODE, name, Map.of(),
                                    NodeInputsFixture.agent(harness, host, first, token, VERSION, assets)).getInputs())));
                }
                for (Future<CreateResponse> f : agents) {
                    assertThat(PropertyValues.fromStruct(f.get().getProperties())).containsEntry("running", true);
                }
                engine.shutdown();
                double total = (System.nanoTime() - start) / 1e9;
                String nodes = harness.exec(first, "k3s kubectl get nodes --no-headers | grep -c ' Ready '").trim();
                assertThat(nodes).isEqualTo(String.valueOf(size));
                if (round == 0) {
                    continue;
                }
                lines.add(String.format("%2d hosts: %5.1f s total (first server %4.1f s, %2d joins in parallel %4.1f s); harness up in %.1f s",
                        size, total, serverSeconds, size - 1, total - serverSeconds, harnessSeconds));
            }
        }
        System.out.println("\n[benchmark] bare-metal bring-up with the stand-in k3s (provider Create calls, engine-style parallelism)");
        lines.forEach(l -> System.out.println("[benchmark] " + l));
    }
}
