package io.codezero.baremetal.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.harness.SshHosts;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshConnector;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The phases on real machines: a first server, then a second server and an agent joining it. */
@Tag("harness")
class PhasesHarnessTest {
    @RegisterExtension
    static final SshHosts hosts = new SshHosts(3);
    static final String VERSION = "v1.34.1+k3s1";
    final SshConnector ssh = new SshConnector();
    final PhaseManager manager = new PhaseManager(new Semaphore(8));
    @TempDir
    Path tmp;

    SshEndpoint endpoint(TestHost host) {
        return hosts.root(host).timeouts(new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), 3, Duration.ofSeconds(60))).build();
    }

    NodeSpec spec(TestHost host, NodeRole role, boolean init, Secret token, StandinK3s.Assets assets) {
        TestHost first = hosts.host(0);
        return new NodeSpec(role, endpoint(host), null, VERSION, init, init ? null : "https://" + first.address() + ":6443",
                token, init ? null : endpoint(first), List.of(host.address()), List.of(),
                new Airgap(assets.binary(), assets.installScript()), null, null, null, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void firstServerThenJoinsThenRemoval() {
        StandinK3s.Assets assets = StandinK3s.write(tmp, VERSION);
        NodeRun first = new NodeRun(spec(hosts.host(0), NodeRole.SERVER, true, null, assets), Progress.stderr());
        manager.runOrThrow(Phases.create(ssh), List.of(first));
        assertThat(first.kubeconfig().reveal()).contains("server: https://" + hosts.host(0).address() + ":6443");
        assertThat(first.clusterToken().reveal()).startsWith("K10");
        assertThat(first.nodeName()).isEqualTo("h1");

        NodeRun server2 = new NodeRun(spec(hosts.host(1), NodeRole.SERVER, false, first.clusterToken(), assets), Progress.stderr());
        NodeRun agent = new NodeRun(spec(hosts.host(2), NodeRole.AGENT, false, first.clusterToken(), assets), Progress.stderr());
        manager.runOrThrow(Phases.create(ssh), List.of(server2, agent));
        String nodes = hosts.harness().exec(hosts.host(0), "k3s kubectl get nodes --no-headers");
        assertThat(nodes).contains("h1 Ready", "h2 Ready", "h3 Ready");

        // Same spec again: nothing to install, facts say it is all there.
        NodeRun again = new NodeRun(spec(hosts.host(2), NodeRole.AGENT, false, first.clusterToken(), assets), Progress.silent());
        manager.runOrThrow(Phases.create(ssh), List.of(again));
        assertThat(again.changedHost()).isFalse();

        NodeRun removal = new NodeRun(spec(hosts.host(2), NodeRole.AGENT, false, first.clusterToken(), assets), Progress.stderr());
        manager.runOrThrow(Phases.delete(ssh), List.of(removal));
        assertThat(hosts.harness().exec(hosts.host(0), "k3s kubectl get nodes --no-headers")).doesNotContain("h3");
        assertThat(hosts.harness().exec(hosts.host(2), "ls /usr/local/bin; ls /var/lib/rancher 2>&1")).doesNotContain("k3s");
    }
}
