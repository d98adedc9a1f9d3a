package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.rewriteServer;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.Secret;

/**
 * Step 9, first server: reads the cluster token and the admin kubeconfig (server address rewritten to the API address).
 */
final class FetchKubeconfig implements Phase {
    @Override
    public String title() {
        return "fetch kubeconfig";
    }

    @Override
    public boolean shouldRun(NodeRun run) {
        return run.spec().role() == NodeRole.SERVER;
    }

    @Override
    public void run(NodeRun run) {
        // One round trip: the token first (one line), then the kubeconfig.
        CommandResult r = run.session().sudo("set -e; t=$(head -n 1 /var/lib/rancher/k3s/server/token);"
                + " [ -n \"$t\" ] || { echo 'the token file is empty' >&2; exit 1; }; printf '%s\\n' \"$t\"; cat /etc/rancher/k3s/k3s.yaml");
        int newline = r.stdout().indexOf('\n');
        if (!r.ok() || newline < 0) {
            // stderr only: stdout would be the secrets themselves
            throw new IllegalStateException("could not read the server token /var/lib/rancher/k3s/server/token or /etc/rancher/k3s/k3s.yaml"
                    + " (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        String token = r.stdout().substring(0, newline).trim();
        String kubeconfig = r.stdout().substring(newline + 1);
        String server = run.spec().kubeconfigServer() != null ? run.spec().kubeconfigServer() : run.spec().endpoint().host();
        run.kubeconfig(Secret.of(rewriteServer(kubeconfig, server)));
        run.clusterToken(Secret.of(token));
    }
}
