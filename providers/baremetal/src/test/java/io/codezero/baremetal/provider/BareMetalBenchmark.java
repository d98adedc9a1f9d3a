package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateResponse;

/**
 * Benchmark, not a test: brings up clusters of 1, 5 and 20 machines with the stand-in k3s through
 * the provider, as the engine would with the target's defaults (the JoinToken first, then every node's
 * Create at once; the joins wait in the provider for the first server's API), and
 * prints wall times with where the time goes: per phase (the median and the slowest machine of the
 * join wave, from the moments each phase started), this JVM's CPU time and how busy the machine's
 * cores were (other work on the machine shows up there); then the 20:1 ratio, the time from the first
 * server's API answering to the last node Ready, and the provider's CPU per added host. Nothing is
 * timed against a limit. The figures also go to {@code target/benchmark/baremetal.txt}. Excluded from
 * normal runs; run (CI runs it as its own step) with:
 * <pre>mvn -o -q test -pl providers/baremetal -am -Dtest=BareMetalBenchmark -Dcodezero.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class BareMetalBenchmark {
    static final String VERSION = "v1.34.1+k3s1";
    @TempDir
    Path assetsDir;

    /** host -> list of (phase, start nanos), in order; "done" marks the end of the Create call. */
    final Map<String, List<Object[]>> phases = new ConcurrentHashMap<>();
    final Map<Integer, Double> totals = new TreeMap<>();
    final Map<Integer, Double> cpus = new TreeMap<>();
    final Map<Integer, Double> apiToLastReady = new TreeMap<>();
    final Map<Integer, Long> commands = new TreeMap<>();

    void mark(String host, String phase) {
        String address = host.replaceAll(".*\\(([^:)]+):\\d+.*", "$1").replaceAll(":\\d+$", "");
        phases.computeIfAbsent(address, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Object[] {phase, System.nanoTime()});
    }

    @Test
    void bringUp1And5And20Hosts() throws Exception {
        List<String> jvmFlags = launcherFlags();
        StandinK3s.Assets assets = StandinK3s.write(assetsDir, VERSION);
        List<String> lines = new ArrayList<>();
        // Round 0 (a server and a join) only warms the JVM up (JIT of both paths, SSH crypto); it is not reported.
        int[] sizes = {2, 1, 5, 20};
        for (int round = 0; round < sizes.length; round++) {
            int size = sizes[round];
            phases.clear();
            long harnessStart = System.nanoTime();
            try (SshHostHarness harness = SshHostHarness.start(size);
                 ProviderClient provider = new ProviderClient((host, msg) -> mark(host, msg))) {
                double harnessSeconds = (System.nanoTime() - harnessStart) / 1e9;
                long cpuBefore = processCpuNanos();
                long commandsBefore = io.codezero.baremetal.ssh.SshSession.commandsRun();
                long[] coresBefore = machineCpu();
                long start = System.nanoTime();
                TestHost first = harness.host(0);
                // The target's default: a JoinToken settled by the provider first (it reads the first server once); then the
                // engine starts every node's Create at once, and the provider lets the joins wait only for the first server's API.
                Map<String, Object> tokenInputs = Map.of("firstServer", NodeInputsFixture.connection(harness, first));
                mark(first.address(), "join token");
                Object token = PropertyValues.fromStruct(provider.create(ResourceTokens.JOIN_TOKEN, "join-token",
                        provider.check(ResourceTokens.JOIN_TOKEN, "join-token", Map.of(), tokenInputs).getInputs()).getProperties()).get("value");
                Map<String, Object> serverInputs = new java.util.LinkedHashMap<>(NodeInputsFixture.firstServer(harness, first, VERSION, assets));
                serverInputs.put("token", token);
                ExecutorService engine = Executors.newFixedThreadPool(size);
                Future<Double> serverDone = engine.submit(() -> {
                    provider.create(ResourceTokens.SERVER_NODE, "server",
                            provider.check(ResourceTokens.SERVER_NODE, "server", Map.of(), serverInputs).getInputs());
                    mark(first.address(), "done");
                    return (System.nanoTime() - start) / 1e9;
                });
                List<Future<CreateResponse>> agents = new ArrayList<>();
                for (TestHost host : harness.hosts().subList(1, size)) {
                    String name = "agent-" + host.name();
                    agents.add(engine.submit(() -> {
                        CreateResponse r = provider.create(ResourceTokens.AGENT_NODE, name,
                                provider.check(ResourceTokens.AGENT_NODE, name, Map.of(),
                                        NodeInputsFixture.agent(harness, host, first, token, VERSION, assets)).getInputs());
                        mark(host.address(), "done");
                        return r;
                    }));
                }
                double serverSeconds = serverDone.get();
                for (Future<CreateResponse> f : agents) {
                    assertThat(PropertyValues.fromStruct(f.get().getProperties())).containsEntry("running", true);
                }
                engine.shutdown();
                double total = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuBefore) / 1e9;
                long commandsRun = io.codezero.baremetal.ssh.SshSession.commandsRun() - commandsBefore;
                long[] coresAfter = machineCpu();
                double busy = coresAfter[1] == coresBefore[1] ? 0
                        : 100.0 * (coresAfter[0] - coresBefore[0]) / (coresAfter[1] - coresBefore[1]);
                String nodes = harness.exec(first, "k3s kubectl get nodes --no-headers | grep -c ' Ready '").trim();
                assertThat(nodes).isEqualTo(String.valueOf(size));
                if (round == 0) {
                    continue;
                }
                totals.put(size, total);
                cpus.put(size, cpu);
                commands.put(size, commandsRun);
                // The first server's API answered by the time it fetched its kubeconfig (its Node was Ready);
                // the last node was Ready when the last join's Create returned.
                long apiUp = phases.getOrDefault(first.address(), List.of()).stream().filter(m -> m[0].equals("fetch kubeconfig"))
                        .mapToLong(m -> (long) m[1]).findFirst().orElse(start);
                long lastReady = harness.hosts().subList(1, size).stream().flatMap(h -> phases.getOrDefault(h.address(), List.of()).stream())
                        .filter(m -> m[0].equals("done")).mapToLong(m -> (long) m[1]).max().orElse(apiUp);
                apiToLastReady.put(size, Math.max(0, lastReady - apiUp) / 1e9);
                lines.add(String.format("%2d hosts: %5.2f s total (first server %4.2f s, %2d joins beside it; API up -> last node Ready %4.2f s);"
                                + " provider JVM CPU %.2f s; SSH commands %d; machine cores %.0f%% busy; harness up in %.1f s",
                        size, total, serverSeconds, size - 1, apiToLastReady.get(size), cpu, commandsRun, busy, harnessSeconds));
                lines.add("          first server: " + breakdown(List.of(first.address())));
                if (size > 1) {
                    lines.add("          join wave (median / slowest machine): " + breakdown(harness.hosts().subList(1, size).stream()
                            .map(TestHost::address).toList()));
                }
            }
        }
        lines.add(String.format("20:1 ratio %.2fx; first server API up -> last node Ready (20 hosts) %.2f s; provider JVM CPU per added host"
                + " %.0f ms ((CPU at 20 - CPU at 1) / 19); SSH commands per added host %.1f", totals.get(20) / totals.get(1),
                apiToLastReady.get(20), 1000 * (cpus.get(20) - cpus.get(1)) / 19, (commands.get(20) - commands.get(1)) / 19.0));
        // Per-host CPU leaves out what the JVM spends once (startup, class loading, the warm-up round): this says it was not moved there.
        lines.add(String.format("provider JVM CPU in all: %.2f s since the JVM started (startup, warm-up round, the 1-, 5- and 20-host"
                + " bring-ups); JVM flags %s", processCpuNanos() / 1e9, jvmFlags));
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        List<String> report = new ArrayList<>();
        report.add("bare-metal bring-up with the stand-in k3s (provider Create calls, engine-style parallelism, JoinToken first), "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + load);
        report.addAll(lines);
        report.forEach(l -> System.out.println("[benchmark] " + l));
        // For CI: the figures as a file next to the build's other reports.
        Path out = Path.of("target", "benchmark", "baremetal.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    /** Seconds per phase across the given machines: the median and the maximum, or the value for one machine. */
    String breakdown(List<String> addresses) {
        Map<String, List<Double>> byPhase = new TreeMap<>();
        List<String> order = new ArrayList<>();
        for (String address : addresses) {
            List<Object[]> marks = new ArrayList<>(phases.getOrDefault(address, List.of()));
            for (int i = 0; i + 1 < marks.size(); i++) {
                String phase = (String) marks.get(i)[0];
                double seconds = ((long) marks.get(i + 1)[1] - (long) marks.get(i)[1]) / 1e9;
                byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(seconds);
                if (!order.contains(phase)) {
                    order.add(phase);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String phase : order) {
            List<Double> values = byPhase.get(phase);
            values.sort(Double::compare);
            double median = values.get(values.size() / 2);
            double max = values.get(values.size() - 1);
            out.append(phase).append(values.size() == 1 ? String.format(" %.2f", median) : String.format(" %.2f/%.2f", median, max)).append("; ");
        }
        return out.toString();
    }

    /**
     * The launcher's HotSpot flags ({@code src/main/plugin/pulumi-resource-codezero}), which this JVM must run with (the
     * module's surefire argLine) for its CPU to be the shipped provider's: a collector or compiler setting changes it.
     */
    static List<String> launcherFlags() throws java.io.IOException {
        String exec = Files.readAllLines(Path.of("src", "main", "plugin", "pulumi-resource-codezero")).stream()
                .filter(l -> l.startsWith("exec ")).findFirst().orElseThrow();
        List<String> flags = java.util.Arrays.stream(exec.split("\\s+")).filter(f -> f.startsWith("-XX:")).toList();
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("the benchmark's JVM runs with the launcher's flags (providers/baremetal/pom.xml, surefire argLine)").containsAll(flags);
        return flags;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {busy jiffies, total jiffies} of all cores, from /proc/stat. */
    static long[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (java.io.IOException e) {
            return new long[] {0, 0};
        }
    }
}
