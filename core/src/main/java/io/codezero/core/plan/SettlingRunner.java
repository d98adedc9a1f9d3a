package io.codezero.core.plan;

import com.pulumi.deployment.internal.Runner;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The SDK's own runner, minus its busy wait. Once the program returns, the Pulumi Java SDK (1.36.1)
 * waits for the tasks still in flight by re-checking them in a loop that resubmits itself without
 * pausing, formatting the whole task table into a log message on every turn (the message is built
 * even when the logger is off). Under the offline engine that loop burned a core while the program's
 * registrations, which do the real work, competed with it for the other one.
 *
 * <p>This runner hands every task and the program to the SDK's runner unchanged, so the SDK still
 * judges the run: the exit code, the errors it logs and the exceptions it keeps. The only change is
 * when its loop starts: the program's step first sleeps until every task it registered has finished,
 * or one has failed (the SDK's loop stops at the first failure it sees, and tasks waiting on a failed
 * one might never finish). The loop then finds them done and ends in one or two turns.
 */
final class SettlingRunner implements Runner {
    private final Runner sdk;
    private final Object lock = new Object();
    private int inFlight;
    private boolean failed;

    SettlingRunner(Runner sdk) {
        this.sdk = Objects.requireNonNull(sdk);
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        Objects.requireNonNull(description);
        Objects.requireNonNull(task);
        synchronized (lock) {
            inFlight++;
        }
        sdk.registerTask(description, task);
        task.whenComplete((value, error) -> finished(error != null));
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> program) {
        return sdk.runAsync(() -> {
            T value = program.get();
            awaitSettled();
            return value;
        });
    }

    private void finished(boolean withError) {
        synchronized (lock) {
            inFlight--;
            failed |= withError;
            if (inFlight == 0 || failed) {
                lock.notifyAll();
            }
        }
    }

    private boolean settled() {
        synchronized (lock) {
            return inFlight == 0 || failed;
        }
    }

    /** Blocks the program's step; on a pool thread the pool adds a spare thread meanwhile. */
    private void awaitSettled() {
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() throws InterruptedException {
                    synchronized (lock) {
                        while (inFlight > 0 && !failed) {
                            lock.wait();
                        }
                    }
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return settled();
                }
            });
        } catch (InterruptedException e) {
            // the SDK's loop then waits for the rest, as it always did
            Thread.currentThread().interrupt();
        }
    }
}
