package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.needsInstall;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshEndpoint;

/**
 * A joining machine that got everything ready (connected, checked, locked, uploaded) while the first
 * server was still installing: it joins the moment the first server's API answers. With a join
 * token chosen up front the engine starts joins beside the first server, so the provider, not
 * the engine, holds the order here.
 */
final class AwaitFirstServer implements Phase {
    private final FirstServerSignals signals;

    AwaitFirstServer(FirstServerSignals signals) {
        this.signals = signals;
    }

    @Override
    public String title() {
        return "wait for the first server";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return run.hasSeparateControlPlane() && needsInstall(run);
    }

    @Override
    public void run(NodeRun run) throws InterruptedException {
        long deadline = System.nanoTime() + run.spec().readyTimeout().toNanos();
        SshEndpoint first = run.spec().firstServer();
        java.util.concurrent.CompletableFuture<Boolean> signal = signals == null ? null : signals.current(first.host() + ":" + first.port());
        if (signal != null) {
            try {
                if (Boolean.TRUE.equals(signal.get(run.spec().readyTimeout().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS))) {
                    // The first server's run saw its Node Ready through its API just now: asking its API again over SSH
                    // (a channel on the first server per join) would only repeat that answer.
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage() + "; this machine waited to join and was not changed by the join");
            } catch (java.util.concurrent.TimeoutException e) {
                // checked on the machine below, which reports what it says
            }
        }
        long pause = 50;
        while (true) {
            CommandResult r = run.controlPlane().sudo(Kubectl.K3S + " kubectl get --raw /readyz 2>&1");
            if (r.ok() && r.stdout().trim().equals("ok")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the first server " + run.spec().firstServer().describe() + " did not answer on its API within "
                        + run.spec().readyTimeout().toSeconds() + "s (readyTimeoutSeconds; `k3s kubectl get --raw /readyz` there: "
                        + (r.tail().isEmpty() ? "k3s is not installed yet" : r.tail()) + "): this machine waited to join and was not changed by the join");
            }
            Thread.sleep(pause);
            pause = Math.min(1000, pause * 2);
        }
    }
}
