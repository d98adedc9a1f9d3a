package io.codezero.e2e.probe;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A program with nothing to do but wait, for e2e/cpu-probe.sh.
 *
 * <p>{@code CPU_PROBE_MODE=output} (default): one stack output that resolves after
 * {@code CPU_PROBE_WAIT_SECONDS}, on a thread that sleeps meanwhile; no provider involved.
 * {@code CPU_PROBE_MODE=pvc}: one volume claim of a storage class that does not exist; the Kubernetes
 * provider waits for it to be bound until the create timeout.
 *
 * <p>Either way every CPU cycle the JVM spends during the wait is the SDK's. The stack output
 * {@code threadsStarted} is the number of threads the JVM started until the wait ended.
 */
public final class WaitingProgram {
    private WaitingProgram() {
    }

    public static void main(String[] args) {
        // what examples/*/App.main do before anything touches the common pool (e2e/README.md)
        String parallelism = System.getenv("CPU_PROBE_MAIN_PARALLELISM");
        if (parallelism != null && !parallelism.isEmpty()) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", parallelism);
        }
        Pulumi.run(WaitingProgram::stack);
    }

    static void stack(Context ctx) {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("CPU_PROBE_WAIT_SECONDS", "60"));
        if ("pvc".equals(System.getenv("CPU_PROBE_MODE"))) {
            var claim = new PersistentVolumeClaim("never-bound", PersistentVolumeClaimArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("cpu-probe-" + ctx.stackName()).namespace("default").build())
                    .spec(PersistentVolumeClaimSpecArgs.builder()
                            .storageClassName("cpu-probe-no-such-class")
                            .accessModes("ReadWriteOnce")
                            .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", "1Mi")).build())
                            .build())
                    .build(),
                    CustomResourceOptions.builder()
                            .customTimeouts(CustomTimeouts.builder().create(Duration.ofSeconds(seconds)).build())
                            .build());
            ctx.export("threadsStarted", claim.metadata().applyValue(m -> threadsStarted()));
            return;
        }
        Executor sleeper = task -> {
            Thread thread = new Thread(task, "cpu-probe-sleeper");
            thread.setDaemon(true);
            thread.start();
        };
        CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> {
            try {
                TimeUnit.SECONDS.sleep(seconds);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return threadsStarted();
        }, sleeper);
        ctx.export("threadsStarted", Output.of(later));
    }

    private static String threadsStarted() {
        return String.valueOf(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
    }
}
