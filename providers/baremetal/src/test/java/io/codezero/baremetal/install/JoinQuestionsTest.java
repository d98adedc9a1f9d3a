package io.codezero.baremetal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What a join asks the first server when the first server is worked on in the same process: its run
 * already said whether the API answers, so the join does not ask again over SSH.
 */
class JoinQuestionsTest {
    static final SshEndpoint FIRST = SshEndpoint.builder("10.0.0.1").user("root").password(Secret.of("unused")).trustOnFirstUse(true).build();
    static final SshEndpoint AGENT = SshEndpoint.builder("10.0.0.2").user("root").password(Secret.of("unused")).trustOnFirstUse(true).build();

    static NodeRun joiningAgent() {
        // No connection to the control plane at all: a question to it would fail.
        return new NodeRun(new NodeSpec(NodeRole.AGENT, AGENT, null, "v1.34.1+k3s1", false, "https://10.0.0.1:6443",
                Secret.of("K10token"), FIRST, List.of("10.0.0.2"), List.of(), null, null, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(5)), Progress.silent());
    }

    @Test
    void aJoinWhoseFirstServerWasSeenReadyInThisProcessDoesNotAskItsApiAgain() {
        FirstServerSignals signals = new FirstServerSignals();
        CompletableFuture<Boolean> signal = signals.starting(FIRST.host() + ":" + FIRST.port());
        signal.complete(Boolean.TRUE);
        assertThatCode(() -> new AwaitFirstServer(signals).run(joiningAgent())).doesNotThrowAnyException();
    }

    @Test
    void aFirstServerRunThatEndsWithoutWaitingForItsApiLeavesTheJoinsToAskTheMachine() {
        FirstServerSignals signals = new FirstServerSignals();
        NodeRun first = new NodeRun(new NodeSpec(NodeRole.SERVER, FIRST, null, "v1.34.1+k3s1", true, null, null, null,
                List.of("10.0.0.1"), List.of(), null, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(5)), Progress.silent());
        first.firstServerSignal(signals.starting(FIRST.host() + ":" + FIRST.port()));
        first.close();
        assertThat(signals.current(FIRST.host() + ":" + FIRST.port())).isCompletedWithValue(Boolean.FALSE);

        NodeRun ready = new NodeRun(new NodeSpec(NodeRole.SERVER, FIRST, null, "v1.34.1+k3s1", true, null, null, null,
                List.of("10.0.0.1"), List.of(), null, null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(5)), Progress.silent());
        ready.firstServerSignal(signals.starting(FIRST.host() + ":" + FIRST.port()));
        ready.firstServerReady();
        assertThat(signals.current(FIRST.host() + ":" + FIRST.port())).isCompletedWithValue(Boolean.TRUE);
    }
}
