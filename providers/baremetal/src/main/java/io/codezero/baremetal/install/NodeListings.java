package io.codezero.baremetal.install;

import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshSession;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cluster's node list as a server's API gives it, read once for everyone who asks at about the
 * same time. A wave of 19 joins polling their own Node would otherwise run 19 {@code kubectl get node}
 * commands on the first server every round (a channel, a process and provider CPU each). An answer
 * is shared only with callers that asked before the listing started, so everyone still sees the
 * cluster as it is after they asked: nothing is cached.
 */
final class NodeListings {
    /** {@code kubectl get nodes}: the same columns as {@code get node NAME -o wide}, one line per Node. */
    static final String LIST = Kubectl.K3S + " kubectl get nodes -o wide --no-headers";

    /** Per API server (address:port of its SSH endpoint): the listing running now and when it started. */
    private static final Map<String, Listing> RUNNING = new HashMap<>();

    private record Listing(CompletableFuture<CommandResult> result, long started) {
    }

    private NodeListings() {
    }

    /**
     * {@code kubectl get nodes -o wide --no-headers} on the server, run after this call began: a listing
     * another caller started later than this call is shared; one started earlier is waited out first.
     */
    static CommandResult list(SshSession server) {
        String key = server.endpoint().host() + ":" + server.endpoint().port();
        long asked = System.nanoTime();
        while (true) {
            Listing ours = null;
            Listing running;
            synchronized (RUNNING) {
                running = RUNNING.get(key);
                if (running == null) {
                    ours = new Listing(new CompletableFuture<>(), System.nanoTime());
                    RUNNING.put(key, ours);
                }
            }
            if (ours != null) {
                return runListing(server, key, ours);
            }
            try {
                CommandResult shared = running.result().join();
                if (running.started() - asked >= 0) {
                    return shared;
                }
            } catch (CompletionException e) {
                // Another caller's connection failed under its listing: this caller's may be fine, so it asks itself.
            }
            // That listing began before this caller asked (it may predate what the caller waits for), or failed: take the next one.
        }
    }

    private static CommandResult runListing(SshSession server, String key, Listing ours) {
        CommandResult r;
        try {
            r = server.sudo(LIST);
        } catch (RuntimeException e) {
            done(key, ours);
            ours.result().completeExceptionally(e);
            throw e;
        }
        // Out of the table before the answer is out: a caller arriving now starts a listing of its own rather than
        // finding this finished one, which began before it asked.
        done(key, ours);
        ours.result().complete(r);
        return r;
    }

    private static void done(String key, Listing ours) {
        synchronized (RUNNING) {
            RUNNING.remove(key, ours);
        }
    }
}
