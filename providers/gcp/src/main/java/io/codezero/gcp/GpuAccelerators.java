package io.codezero.gcp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GPUs an accelerator-optimized machine type carries, as GKE's node pool {@code guestAccelerators} must name
 * them so that GKE installs the NVIDIA driver on the nodes ({@code gpuDriverInstallationConfig}); without the
 * block the VM has the GPU but no driver, and no pod can use it. The types follow Compute Engine's accelerator-optimized
 * machine family tables (G2: L4, A2: A100 40/80 GB, A3: H100). The preflight compares each answer with what
 * Compute Engine reports for the machine type ({@code MachineType.accelerators}), so a wrong entry fails there.
 */
public final class GpuAccelerators {
    /** GKE installs the default driver of the node's GKE version. */
    public static final String DRIVER_VERSION = "DEFAULT";
    private static final Pattern G2 = Pattern.compile("g2-standard-(\\d+)");
    private static final Pattern A2 = Pattern.compile("a2-(highgpu|megagpu|ultragpu)-(\\d+)g");
    private static final Pattern A3 = Pattern.compile("a3-(highgpu|megagpu)-(\\d+)g");

    private GpuAccelerators() {
    }

    /** An accelerator type and how many a VM has, e.g. nvidia-l4 x 1. */
    public record Accelerator(String type, int count) {
    }

    /**
     * The GPUs of an accelerator-optimized machine type; empty for others and for types not listed here.
     * @param machineType a Compute Engine machine type
     * @return the type and count of its GPUs, or empty
     */
    public static Optional<Accelerator> of(String machineType) {
        Matcher m;
        if ((m = G2.matcher(machineType)).matches()) {
            int cpus = Integer.parseInt(m.group(1));
            int gpus = switch (cpus) {
                case 4, 8, 12, 16, 32 -> 1;
                case 24 -> 2;
                case 48 -> 4;
                case 96 -> 8;
                default -> 0;
            };
            return gpus == 0 ? Optional.empty() : Optional.of(new Accelerator("nvidia-l4", gpus));
        }
        if ((m = A2.matcher(machineType)).matches()) {
            return Optional.of(new Accelerator(m.group(1).equals("ultragpu") ? "nvidia-a100-80gb" : "nvidia-tesla-a100", Integer.parseInt(m.group(2))));
        }
        if ((m = A3.matcher(machineType)).matches()) {
            return Optional.of(new Accelerator(m.group(1).equals("megagpu") ? "nvidia-h100-mega-80gb" : "nvidia-h100-80gb", Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }
}
