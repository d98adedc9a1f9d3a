package io.codezero.baremetal.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.harness.SshHosts;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.ssh.SshConnector;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshSession;
import io.codezero.baremetal.ssh.SshTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machines that ask a server for their Node at the same time (a join wave waiting for Ready) share
 * one {@code kubectl get nodes} on it; a question asked after a listing started still gets a
 * listing of its own, so no answer predates the question.
 */
@Tag("harness")
class NodeListingsHarnessTest {
    @RegisterExtension
    static final SshHosts hosts = new SshHosts(1);
    static final String VERSION = "v1.34.1+k3s1";
    final SshConnector ssh = new SshConnector();
    @TempDir
    Path tmp;

    @Test
    void questionsAskedTogetherShareOneListingAndLaterOnesGetTheirOwn() throws Exception {
        TestHost host = hosts.host(0);
        SshEndpoint endpoint = hosts.root(host).timeouts(new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), 3,
                Duration.ofSeconds(60))).build();
        NodeRun first = new NodeRun(new NodeSpec(NodeRole.SERVER, endpoint, null, VERSION, true, null, null, null, List.of(host.address()),
                List.of(), new Airgap(StandinK3s.write(tmp, VERSION).binary(), StandinK3s.write(tmp, VERSION).installScript()), null, null,
                null, Duration.ofSeconds(30), Duration.ofSeconds(30)), Progress.silent());
        new PhaseManager(new Semaphore(8)).runOrThrow(Phases.create(ssh), List.of(first));
        try (SshSession server = ssh.connect(endpoint).limitChannels(8)) {
            int askers = 8;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Optional<Kubectl.NodeStatus>>> answers = new ArrayList<>();
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(askers);
            long before = SshSession.commandsRun();
            for (int i = 0; i < askers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Kubectl.node(server, first.nodeName());
                }, threads));
            }
            go.countDown();
            threads.shutdown();
            for (CompletableFuture<Optional<Kubectl.NodeStatus>> answer : answers) {
                assertThat(answer.get()).hasValueSatisfying(n -> assertThat(n.ready()).isTrue());
            }
            // The first to ask starts a listing; whoever asked before it started shares it, the rest share the next one
            // (a busy machine may wake an asker late enough for a third).
            assertThat(SshSession.commandsRun() - before).as("commands for " + askers + " questions asked at once")
                    .isBetween(1L, (long) askers / 2);

            long sequential = SshSession.commandsRun();
            assertThat(Kubectl.node(server, first.nodeName())).isPresent();
            assertThat(Kubectl.node(server, "no-such-node")).isEmpty();
            assertThat(SshSession.commandsRun() - sequential).as("questions asked one after the other: nothing is cached").isEqualTo(2);
        }
    }
}
