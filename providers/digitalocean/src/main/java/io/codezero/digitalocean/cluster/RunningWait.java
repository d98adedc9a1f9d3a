package io.codezero.digitalocean.cluster;

import io.codezero.core.wait.BoundedWait;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until DigitalOcean reports the cluster {@code running} at the version the program asked for.
 * The provider starts a DOKS upgrade and returns at once (terraform-provider-digitalocean
 * {@code resourceDigitalOceanKubernetesClusterUpdate} calls {@code Upgrade} and does not wait), so
 * without this the platform's Helm releases would roll while DOKS replaces the nodes under them.
 * The kubeconfig, and with it every Kubernetes resource, waits for this.
 */
public final class RunningWait {
    /** DOKS upgrades a control plane and surge-replaces every pool's nodes: allow an hour. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);
    /** The pause between two reads of the cluster: 15 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

    /** How the wait passes time; tests pass one that does not sleep. */
    public interface Sleeper {
        /**
         * Pauses for {@code duration}.
         * @param duration how long to pause
         * @throws InterruptedException if the thread is interrupted meanwhile
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final DoApi api;
    private final Duration timeout;
    private final Duration interval;
    private final Sleeper sleeper;

    /**
     * @param api      the DigitalOcean API the cluster is read from
     * @param timeout  how long to wait in all
     * @param interval the pause between two reads
     * @param sleeper  how a pause is taken
     */
    public RunningWait(DoApi api, Duration timeout, Duration interval, Sleeper sleeper) {
        this.api = api;
        this.timeout = timeout;
        this.interval = interval;
        this.sleeper = sleeper;
    }

    /**
     * An hour, reading every 15 seconds.
     * @param api the DigitalOcean API the cluster is read from
     * @return the wait
     */
    public static RunningWait of(DoApi api) {
        return new RunningWait(api, DEFAULT_TIMEOUT, DEFAULT_INTERVAL, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Returns the cluster once it is {@code running} at {@code version} with every node running; throws, naming the last state seen,
     * when it reports {@code error} or the timeout passes.
     * @param clusterId the cluster's UUID
     * @param version the DOKS version slug it must reach
     * @return the cluster as last read
     */
    public DeployedCluster await(String clusterId, String version) {
        DeployedCluster[] last = new DeployedCluster[1];
        return BoundedWait.polling(timeout, interval, sleeper::sleep).until("DOKS cluster " + clusterId, () -> {
            try {
                last[0] = DeployedCluster.get(api, clusterId);
            } catch (DoApiException e) {
                if (e.status() / 100 == 4 && e.status() != 429) {
                    throw new IllegalStateException("cannot read DOKS cluster " + clusterId + " to wait for it: " + e.getMessage(), e);
                }
                throw new BoundedWait.Retry(e);
            }
            // the cluster's state and version alone can read "running" at the new version while surge
            // upgrades still replace nodes: every node must run too
            if ("running".equals(last[0].state()) && last[0].nodesRunning() && (version == null || version.equals(last[0].version()))) {
                return Optional.of(last[0]);
            }
            if ("error".equals(last[0].state())) {
                throw new IllegalStateException("DOKS cluster " + clusterId + " reports state error at version " + last[0].version()
                        + ": see its page in the control panel; the platform was not updated");
            }
            return Optional.empty();
        }, () -> "DOKS cluster " + clusterId + " was not running at " + version + " after " + timeout.toMinutes()
                + " minutes (last seen: " + (last[0] == null ? "unreadable" : last[0].state() + " at " + last[0].version()
                + (last[0].nodesRunning() ? "" : ", nodes still changing"))
                + "); the platform was not updated: run pulumi up again once the control panel shows it running");
    }
}
