package io.codezero.baremetal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import net.schmizz.sshj.connection.ConnectionException;
import org.junit.jupiter.api.Test;

/** How transport faults read (issue 27 item 5): a slow link must not be reported only as a dead one. */
class SshFailureMessagesTest {
    @Test
    void unansweredKeepAlivesNameTheSettingsThatASlowLinkNeedsRaised() {
        // SSHJ's KeepAliveRunner, as a cut link produced it on the harness (docs/baremetal.md, "Partial installs").
        SshFailure f = SshConnector.classify(new ConnectionException("Did not receive any keep-alive response for 3 seconds"),
                "10.0.0.10:22", "a remote command");
        assertThat(f.kind()).isEqualTo(SshFailure.Kind.LINK_LOST);
        assertThat(f.getMessage()).contains("10.0.0.10:22", "was lost during a remote command", "keep-alive",
                "connection.timeouts.keepAliveIntervalSeconds x keepAliveMaxCount", "slow link", "went away");
    }
}
