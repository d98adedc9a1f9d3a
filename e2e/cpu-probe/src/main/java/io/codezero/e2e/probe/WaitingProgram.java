package io.codezero.e2e.probe;

import com.pulumi.Pulumi;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import java.time.Duration;
import java.util.Map;

/**
 * One volume claim of a storage class that does not exist: the Kubernetes provider waits for it to
 * be bound until the create timeout, and the program has nothing to do but wait for the engine.
 */
public final class WaitingProgram {
    private WaitingProgram() {
    }

    public static void main(String[] args) {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("CPU_PROBE_WAIT_SECONDS", "60"));
        Pulumi.run(ctx -> new PersistentVolumeClaim("never-bound", PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("cpu-probe-" + ctx.stackName()).namespace("default").build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .storageClassName("cpu-probe-no-such-class")
                        .accessModes("ReadWriteOnce")
                        .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", "1Mi")).build())
                        .build())
                .build(),
                CustomResourceOptions.builder()
                        .customTimeouts(CustomTimeouts.builder().create(Duration.ofSeconds(seconds)).build())
                        .build()));
    }
}
