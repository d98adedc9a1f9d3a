package io.codezero.baremetal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codezero.baremetal.ssh.SshEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(30)
class RolloutsTest {
    static NodeRun run(String host, NodeRole role, int maxUnavailable) {
        NodeSpec spec = new NodeSpec(role, SshEndpoint.builder(host).hostKey("SHA256:x").build(), host.replace('.', '-'), "v1.34.1+k3s1",
                false, "https://10.0.0.1:6443", null, null, List.of(), List.of(), null, null, null, null, Duration.ofSeconds(5),
                Duration.ofSeconds(5), maxUnavailable);
        return new NodeRun(spec, Progress.silent());
    }

    @Test
    void atMostMaxUnavailableAgentsAtOnceWhateverTookTheFirstTurn() throws Exception {
        Rollouts rollouts = new Rollouts();
        // A server's turn first must not decide the agents' budget.
        rollouts.await("c", run("10.0.0.1", NodeRole.SERVER, 1)).close(false, null);
        Rollouts.Slot a = rollouts.await("c", run("10.0.0.21", NodeRole.AGENT, 2));
        Rollouts.Slot b = rollouts.await("c", run("10.0.0.22", NodeRole.AGENT, 2));
        CompletableFuture<Rollouts.Slot> third = CompletableFuture.supplyAsync(() -> {
            try {
                return rollouts.await("c", run("10.0.0.23", NodeRole.AGENT, 2));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> third.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        a.close(false, null);
        third.get(5, TimeUnit.SECONDS).close(false, null);
        b.close(false, null);
        // Another cluster has its own budget.
        rollouts.await("other", run("10.1.0.21", NodeRole.AGENT, 1)).close(false, null);
    }

    @Test
    void aFailedTurnStopsTheRollForTheMachinesStillWaiting() throws Exception {
        Rollouts rollouts = new Rollouts();
        rollouts.await("c", run("10.0.0.21", NodeRole.AGENT, 1)).close(true, "phase 'wait ready'");
        assertThatThrownBy(() -> rollouts.await("c", run("10.0.0.22", NodeRole.AGENT, 1)))
                .hasMessageContaining("not started: the rolling update stopped when 10-0-0-21")
                .hasMessageContaining("phase 'wait ready'").hasMessageContaining("was not touched")
                .hasMessageContaining("run `pulumi up` again");
    }
}
