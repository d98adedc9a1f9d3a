package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.CONNECT_RETRY;

import io.codezero.baremetal.ssh.SshConnector;
import io.codezero.baremetal.ssh.SshFailure;

/**
 * Step 1: opens the SSH connection to the machine (a shared one for the first server, whose connection the cluster lock
 * and the joining machines use too), and for a joining machine a share of the connection to the control-plane server.
 */
final class Connect implements Phase {
    private final SshConnector ssh;
    private final SharedSessions sessions;
    private final boolean withControlPlane;

    private final FirstServerSignals signals;

    /** @param sessions where the connection to the control-plane server comes from; null: not needed (reading facts) */
    Connect(SshConnector ssh, SharedSessions sessions) {
        this(ssh, sessions, null);
    }

    /** @param signals where a first server's run tells joins in this process that its API answers; may be null */
    Connect(SshConnector ssh, SharedSessions sessions, FirstServerSignals signals) {
        this.ssh = ssh;
        this.sessions = sessions;
        this.withControlPlane = sessions != null;
        this.signals = signals;
    }

    @Override
    public String title() {
        return "connect";
    }

    @Override
    public void run(NodeRun run) {
        if (withControlPlane && run.spec().controlPlane() == null) {
            // The first server: its connection is the one the cluster lock and joining nodes use too.
            if (signals != null && run.spec().isFirstServer()) {
                run.firstServerSignal(signals.starting(run.spec().endpoint().host() + ":" + run.spec().endpoint().port()));
            }
            run.session(sessions.acquire(run.spec().endpoint()));
        } else {
            run.session(CONNECT_RETRY.call(() -> ssh.connect(run.spec().endpoint())));
        }
        if (run.spec().controlPlane() != null && withControlPlane) {
            try {
                run.controlPlane(sessions.acquire(run.spec().controlPlane()));
            } catch (SshFailure e) {
                throw new IllegalStateException("cannot reach the control-plane server " + run.spec().controlPlane().describe()
                        + " (needed to join, drain and check this node): " + e.getMessage(), e);
            }
        }
    }
}
