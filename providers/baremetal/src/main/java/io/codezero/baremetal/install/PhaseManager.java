package io.codezero.baremetal.install;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs phases in order; within a phase, runs every machine in parallel with bounded concurrency.
 * A machine that fails leaves the run (later phases skip it) and its failure names host and phase;
 * the others carry on. Sessions are always closed at the end (the "disconnect" phase).
 */
public final class PhaseManager {
    private final Semaphore slots;

    /** @param slots shared by every run in this process, so concurrent runs together stay within the bound */
    public PhaseManager(Semaphore slots) {
        this.slots = slots;
    }

    public static PhaseManager withConcurrency(int maxParallelHosts) {
        return new PhaseManager(new Semaphore(maxParallelHosts));
    }

    /** Runs the phases; returns the failures (empty when every machine got through). */
    public List<PhaseFailure> run(List<Phase> phases, List<NodeRun> runs) {
        List<PhaseFailure> failures = Collections.synchronizedList(new ArrayList<>());
        List<NodeRun> active = new ArrayList<>(runs);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "codezero-phase");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Phase phase : phases) {
                List<Future<?>> futures = new ArrayList<>();
                List<NodeRun> failedNow = Collections.synchronizedList(new ArrayList<>());
                for (NodeRun run : active) {
                    futures.add(pool.submit(() -> runOne(phase, run, failures, failedNow)));
                }
                for (Future<?> future : futures) {
                    try {
                        future.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted during phase '" + phase.title() + "'", e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("phase runner broke", e.getCause());
                    }
                }
                active.removeAll(failedNow);
                if (active.isEmpty()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            runs.forEach(NodeRun::close);
        }
        return List.copyOf(failures);
    }

    /** Runs the phases and throws one {@link InstallFailure} listing every machine that failed. */
    public void runOrThrow(List<Phase> phases, List<NodeRun> runs) {
        List<PhaseFailure> failures = run(phases, runs);
        if (!failures.isEmpty()) {
            throw new InstallFailure(failures);
        }
    }

    private void runOne(Phase phase, NodeRun run, List<PhaseFailure> failures, List<NodeRun> failedNow) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(new PhaseFailure(run.label(), phase.title(run), e, run.changedHost(), run.changes(), run.warnings()));
            failedNow.add(run);
            return;
        }
        try {
            if (!phase.shouldRun(run)) {
                return;
            }
            run.report(phase.title(run));
            phase.run(run);
        } catch (Exception e) {
            try {
                phase.cleanup(run);
            } catch (RuntimeException ignored) {
                // cleanup is best effort; the phase failure is what the user needs to see
            }
            PhaseFailure failure = new PhaseFailure(run.label(), phase.title(run), e, run.changedHost(), run.changes(), run.warnings());
            run.failed("phase '" + phase.title(run) + "'");
            run.report("failed: " + failure.getMessage());
            failures.add(failure);
            failedNow.add(run);
        } finally {
            slots.release();
        }
    }
}
