package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.pulumi.core.Output;
import io.codezero.baremetal.BareMetalHost;
import io.codezero.baremetal.BareMetalTarget;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.baremetal.install.Progress;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.TargetContext;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-server + 3-agent cluster declared with BareMetalTarget, brought up and upgraded in place
 * through the provider, scheduled as the engine schedules the registered resources
 * ({@link EngineEmulation}). The order is proven from what the machines recorded (the stand-in k3s
 * logs each stop and start, the first server's registry each cordon and uncordon, with epoch
 * milliseconds from the one kernel clock the harness machines share): never two servers down at once,
 * servers before agents, never more agents drained than allowed. Then a failure on the second server
 * stops the roll, the machines after it keep their version, and a re-run finishes it. Last, the
 * cluster lock: held by another run, then stale.
 */
@Tag("harness")
class RollingUpgradeHarnessTest {
    static final String V1 = "v1.34.1+k3s1";
    static final String V2 = "v1.34.2+k3s1";
    static final String V3 = "v1.34.3+k3s1";
    static final String[] NAMES = {"cp-1", "cp-2", "cp-3", "wk-1", "wk-2", "wk-3"};
    static SshHostHarness harness;
    @TempDir
    static Path assetsDir;

    @BeforeAll
    static void start() throws Exception {
        harness = SshHostHarness.start(6);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    static OfflineRun plan(String version) {
        StandinK3s.Assets assets = StandinK3s.write(assetsDir, version);
        BareMetalTarget.Builder target = BareMetalTarget.builder().k3sVersion(version).airgap(assets.binary(), assets.installScript());
        for (int i = 0; i < NAMES.length; i++) {
            TestHost h = harness.host(i);
            target.host(new BareMetalHost(NAMES[i], h.address(), 22, "root", i < 3 ? NodeRole.SERVER : NodeRole.AGENT, h.hostKey(), false,
                    Output.ofSecret(harness.clientPrivateKey()), null, null, null, "codezero:baremetal.hosts[" + i + "]"));
        }
        BareMetalTarget built = target.build();
        ClusterSpec spec = ClusterSpec.builder("roll").kubernetesVersion("1.34").build();
        assertThat(built.validate(spec)).isEmpty();
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .run(ctx -> built.provision(spec, TargetContext.standalone("roll")));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    record Event(long at, String host, String what, String node, String version) {
        @Override
        public String toString() {
            return Instant.ofEpochMilli(at) + " " + host + ": " + what + " " + node + (version.isEmpty() ? "" : " " + version);
        }
    }

    /** Stops and starts recorded by k3s on every machine, and cordons/uncordons recorded by the registry, since {@code since}. */
    static List<Event> events(long since) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            TestHost h = harness.host(i);
            String log = harness.exec(h, "cat /var/log/codezero-standin-events /var/log/codezero-standin-registry-events 2>/dev/null");
            for (String line : log.split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length >= 3 && f[0].matches("\\d+") && Long.parseLong(f[0]) >= since) {
                    boolean lifecycle = f[1].equals("start") || f[1].equals("stop");
                    events.add(new Event(Long.parseLong(f[0]), h.name(), f[1], lifecycle ? f[3] : f[2], lifecycle ? f[4] : ""));
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::at));
        return events;
    }

    /** [stop, start] of k3s on a node within the events (the stop of the old version, the start of the new). */
    static long[] downtime(List<Event> events, String node) {
        long stop = events.stream().filter(e -> e.what().equals("stop") && e.node().equals(node)).mapToLong(Event::at).min().orElseThrow(
                () -> new AssertionError("no stop recorded for " + node + " in " + events));
        long start = events.stream().filter(e -> e.what().equals("start") && e.node().equals(node) && e.at() >= stop).mapToLong(Event::at)
                .min().orElseThrow(() -> new AssertionError("no start after the stop recorded for " + node + " in " + events));
        return new long[] {stop, start};
    }

    /** One `pulumi up`: a fresh plugin process (here: provider instance), as the engine starts one per run. */
    static Map<String, String> up(EngineEmulation engine, OfflineRun plan) {
        try (ProviderClient provider = new ProviderClient(Progress.silent())) {
            return engine.up(plan, provider);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long started(List<Event> events, String node) {
        return events.stream().filter(e -> e.what().equals("start") && e.node().equals(node)).mapToLong(Event::at).min()
                .orElseThrow(() -> new AssertionError("no start recorded for " + node + " in " + events));
    }

    static com.google.protobuf.Struct inputsOf(com.google.protobuf.Struct state) {
        return PropertyValues.toStruct(NodeInputs.withoutComputed(PropertyValues.fromStruct(state)));
    }

    static String version(int host) {
        return harness.exec(harness.host(host), "/usr/local/bin/k3s --version | head -1 | awk '{print $3}'").trim();
    }

    @Test
    void upgradesServersOneAtATimeThenAgentsWithinTheirBudgetAndARerunFinishesAStoppedRoll() throws Exception {
        try (EngineEmulation engine = new EngineEmulation(); ProviderClient provider = new ProviderClient(Progress.silent())) {
            Map<String, String> created = up(engine, plan(V1));
            assertThat(created.values()).as(created.toString()).containsOnly("created");
            assertThat(harness.exec(harness.host(0), "k3s kubectl get nodes --no-headers | grep -c ' Ready '").trim()).isEqualTo("6");

            long upgradeStarted = System.currentTimeMillis();
            Map<String, String> upgraded = up(engine, plan(V2));
            // The join token is settled once: an upgrade leaves it as it is and updates every machine.
            Map<String, String> machines = new java.util.HashMap<>(upgraded);
            assertThat(machines.remove("roll-join-token")).as(upgraded.toString()).isEqualTo("same");
            assertThat(machines.values()).as(upgraded.toString()).hasSize(6).containsOnly("updated");
            List<Event> events = events(upgradeStarted);
            System.out.println("[roll] upgrade " + V1 + " -> " + V2 + ", as recorded on the machines:");
            events.forEach(e -> System.out.println("[roll]   " + e));

            // Servers one at a time, in order: each starts its new version before the next one stops.
            long[][] servers = {downtime(events, "cp-1"), downtime(events, "cp-2"), downtime(events, "cp-3")};
            assertThat(servers[0][1]).isLessThanOrEqualTo(servers[1][0]);
            assertThat(servers[1][1]).isLessThanOrEqualTo(servers[2][0]);
            // Agents only after the last server, and never more than maxUnavailable (1) cordoned at once.
            int cordoned = 0;
            int mostCordoned = 0;
            for (Event e : events) {
                if (e.node().startsWith("wk-") && e.what().equals("cordon")) {
                    assertThat(e.at()).as("agent drained only after the last server is back: " + e).isGreaterThanOrEqualTo(servers[2][1]);
                    mostCordoned = Math.max(mostCordoned, ++cordoned);
                } else if (e.node().startsWith("wk-") && e.what().equals("uncordon")) {
                    cordoned--;
                }
            }
            assertThat(mostCordoned).isEqualTo(1);
            assertThat(events).filteredOn(e -> e.what().equals("uncordon")).extracting(Event::node).contains("wk-1", "wk-2", "wk-3");
            for (String agent : List.of("wk-1", "wk-2", "wk-3")) {
                long[] down = downtime(events, agent);
                long cordon = events.stream().filter(e -> e.what().equals("cordon") && e.node().equals(agent)).findFirst().orElseThrow().at();
                long uncordon = events.stream().filter(e -> e.what().equals("uncordon") && e.node().equals(agent)).findFirst().orElseThrow().at();
                assertThat(down[0]).as(agent + " stops only once drained").isGreaterThanOrEqualTo(cordon);
                assertThat(down[1]).as(agent + " is uncordoned only once started").isLessThanOrEqualTo(uncordon);
            }
            for (int i = 0; i < 6; i++) {
                assertThat(version(i)).isEqualTo(V2);
            }

            // A failure on the second server stops the roll; the machines after it are not touched.
            harness.exec(harness.host(1), "mkdir -p /etc/codezero-standin && echo 'starting kubernetes: etcd member not healthy' > /etc/codezero-standin/fail-start");
            Map<String, String> stopped = up(engine, plan(V3));
            System.out.println("[roll] " + V2 + " -> " + V3 + " with k3s failing to start on cp-2: " + stopped);
            assertThat(stopped.get("roll-cp-1")).isEqualTo("updated");
            assertThat(stopped.get("roll-cp-2")).startsWith("failed: host cp-2 (" + harness.host(1).address() + ":22), phase 'wait ready'")
                    .contains("etcd member not healthy", "The rolling update stops here", "run `pulumi up` again to continue from cp-2");
            // cp-3 depends on cp-2 and is never started; the agents, started beside the servers and waiting in the
            // provider for the servers' version, stop as soon as cp-2 fails (not after readyTimeoutSeconds), untouched.
            assertThat(stopped).containsEntry("roll-cp-3", "skipped");
            for (String agent : List.of("roll-wk-1", "roll-wk-2", "roll-wk-3")) {
                // (in 'wait for the servers' version', or in 'wait for turn' behind the agent that holds the one slot)
                assertThat(stopped.get(agent)).as(agent).startsWith("failed: host " + agent.substring(5) + " (")
                        .contains("not started: the rolling update stopped when cp-2", "was not touched", "[nothing was changed on the machine]");
            }
            assertThat(version(0)).isEqualTo(V3);
            for (int i = 2; i < 6; i++) {
                assertThat(version(i)).as(NAMES[i] + " untouched").isEqualTo(V2);
            }

            harness.exec(harness.host(1), "rm -f /etc/codezero-standin/fail-start");
            long rerunStarted = System.currentTimeMillis();
            Map<String, String> finished = up(engine, plan(V3));
            assertThat(finished).containsEntry("roll-cp-1", "same").containsEntry("roll-cp-2", "updated").containsEntry("roll-cp-3", "updated")
                    .containsEntry("roll-wk-1", "updated").containsEntry("roll-wk-2", "updated").containsEntry("roll-wk-3", "updated");
            List<Event> rerun = events(rerunStarted);
            System.out.println("[roll] re-run, as recorded on the machines:");
            rerun.forEach(e -> System.out.println("[roll]   " + e));
            assertThat(downtime(rerun, "cp-3")[0]).isGreaterThanOrEqualTo(started(rerun, "cp-2"));
            for (int i = 0; i < 6; i++) {
                assertThat(version(i)).isEqualTo(V3);
            }
            assertThat(harness.exec(harness.host(0), "k3s kubectl get nodes --no-headers | grep -c ' Ready '").trim()).isEqualTo("6");
            assertThat(harness.exec(harness.host(0), "k3s kubectl get nodes --no-headers")).doesNotContain("SchedulingDisabled");
            // Every operation let go of the cluster lock.
            assertThat(harness.exec(harness.host(0), "ls /var/lib/codezero")).doesNotContain("cluster.lock");

            // Another run holds the lock: this one stops before touching anything, saying who holds it.
            String agent = "roll-wk-1";
            harness.exec(harness.host(0), "printf '%s %s run-other@elsewhere:pid42\\n' $(date -u +%s) $(date -u +%s) > /var/lib/codezero/cluster.lock");
            StatusRuntimeException busy = catchThrowableOfType(StatusRuntimeException.class, () -> provider.update(ResourceTokens.AGENT_NODE,
                    agent, engine.id(agent), engine.state(agent), inputsOf(engine.state(agent))));
            System.out.println("[lock busy] " + busy.getStatus().getDescription());
            assertThat(busy.getStatus().getDescription()).contains("phase 'lock cluster'", "locked by another run (run-other@elsewhere:pid42",
                    "wait for it to finish", "nothing was changed");
            // Its owner stopped renewing it: stale, and the message says how to clear it.
            long written = System.currentTimeMillis();
            harness.exec(harness.host(0), "printf '%s %s run-other@elsewhere:pid42\\n' $(( $(date -u +%s) - 3600 )) $(( $(date -u +%s) - 600 ))"
                    + " > /var/lib/codezero/cluster.lock");
            StatusRuntimeException stale = catchThrowableOfType(StatusRuntimeException.class, () -> provider.update(ResourceTokens.AGENT_NODE,
                    agent, engine.id(agent), engine.state(agent), inputsOf(engine.state(agent))));
            System.out.println("[lock stale] " + stale.getStatus().getDescription());
            assertThat(stale.getStatus().getDescription()).contains("is stale", "run-other@elsewhere:pid42", 
                    "ssh root@" + harness.host(0).address() + " rm -f /var/lib/codezero/cluster.lock");
            // Renewed 600 s before it was written; the provider read it some seconds later (more on a loaded machine).
            long since = (System.currentTimeMillis() - written) / 1000 + 2;
            java.util.regex.Matcher renewed = java.util.regex.Pattern.compile("last renewed (\\d+)s ago").matcher(stale.getStatus().getDescription());
            assertThat(renewed.find()).as("the message says when the lock was last renewed").isTrue();
            assertThat(Long.parseLong(renewed.group(1))).isBetween(599L, 600L + since);
            // A lock left by a process of this machine that no longer exists (a plugin stopped while the
            // first server was unreachable) is taken over: that run cannot be working on the cluster.
            String here = java.net.InetAddress.getLocalHost().getHostName().replaceAll("\\s", "_");
            harness.exec(harness.host(0), "printf '%s %s run-gone@" + here + ":pid2147483646\\n' $(date -u +%s) $(date -u +%s) > /var/lib/codezero/cluster.lock");
            provider.update(ResourceTokens.AGENT_NODE, agent, engine.id(agent), engine.state(agent), inputsOf(engine.state(agent)));
            assertThat(harness.exec(harness.host(0), "ls /var/lib/codezero")).doesNotContain("cluster.lock");
            harness.exec(harness.host(0), "rm -f /var/lib/codezero/cluster.lock");
            provider.update(ResourceTokens.AGENT_NODE, agent, engine.id(agent), engine.state(agent), inputsOf(engine.state(agent)));
        }
    }
}
