package io.codezero.baremetal.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On {@code pulumi destroy} the engine deletes an agent and the first server at once (joins overlap the first server,
 * so agents do not depend on it). Without an order the first server's uninstall stops the API while the agent drains
 * through it ("connection to the server 127.0.0.1:6443 was refused"), as a clean-clone CI run of the engine harness showed.
 */
class ClusterRemovalsTest {
    private static final String CLUSTER = "10.0.0.11:22";
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theFirstServerIsUninstalledOnlyAfterTheMachinesAlreadyLeavingHaveLeft() throws Exception {
        ClusterRemovals removals = new ClusterRemovals();
        ClusterRemovals.Departure agent = removals.leave(CLUSTER);
        assertThat(agent.withTheCluster()).as("the agent started first: it drains through the running API").isFalse();
        Future<?> firstServer = pool.submit(() -> {
            removals.end(CLUSTER, Duration.ofMinutes(5)).close();
            return null;
        });
        Thread.sleep(300);
        assertThat(firstServer.isDone()).as("the first server waits while the agent drains and leaves").isFalse();
        agent.close();
        firstServer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMachineWhoseRemovalStartsAfterTheFirstServersGoesWithTheClusterWithoutDrain() throws Exception {
        ClusterRemovals removals = new ClusterRemovals();
        ClusterRemovals.Ending ending = removals.end(CLUSTER, Duration.ofMinutes(5));
        ClusterRemovals.Departure agent = removals.leave(CLUSTER);
        assertThat(agent.withTheCluster()).isTrue();
        agent.close();
        ending.close();
        assertThat(removals.leave(CLUSTER).withTheCluster()).as("once the first server's removal is over, a later run starts afresh").isFalse();
    }

    @Test
    void theFirstServerWaitsNoLongerThanTheDrainTimeout() throws Exception {
        ClusterRemovals removals = new ClusterRemovals();
        removals.leave(CLUSTER);
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                removals.end(CLUSTER, Duration.ofMillis(200)).close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }, pool);
        try {
            assertThat(waited.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(200);
        } catch (TimeoutException e) {
            throw new AssertionError("the first server waited past its timeout", e);
        }
    }

    @Test
    void anotherClustersRemovalsDoNotHoldThisOne() throws Exception {
        ClusterRemovals removals = new ClusterRemovals();
        removals.leave("10.0.0.99:22");
        Future<?> firstServer = pool.submit(() -> {
            removals.end(CLUSTER, Duration.ofMinutes(5)).close();
            return null;
        });
        firstServer.get(10, TimeUnit.SECONDS);
    }
}
