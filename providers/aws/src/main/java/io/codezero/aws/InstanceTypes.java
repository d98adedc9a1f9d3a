package io.codezero.aws;

import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.SizeClass;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which EC2 instance type a cloud-neutral size class becomes. Defaults are current-generation
 * x86 types that every commercial region offers; users override per class.
 */
public final class InstanceTypes {
    /** The defaults: same vCPU and memory as the class promises (see {@link SizeClass}). */
    public static final Map<SizeClass, String> DEFAULTS = Map.of(
            SizeClass.SMALL, "t3.medium",
            SizeClass.MEDIUM, "m6i.xlarge",
            SizeClass.LARGE, "m6i.2xlarge",
            SizeClass.GPU, "g5.2xlarge");

    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    /** Accelerated families with NVIDIA GPUs (g4dn, g5, g6, g6e, p3, p4d, p5...). */
    private static final Pattern GPU_FAMILY = Pattern.compile("(g|p)\\d[a-z0-9-]*\\..*");
    /** Graviton families: a 'g' right after the generation digit (m7g, c7gn, t4g, r8g). */
    private static final Pattern ARM_FAMILY = Pattern.compile("[a-z]+\\d+g[a-z]*\\..*");

    private final Map<SizeClass, String> mapping;

    private InstanceTypes(Map<SizeClass, String> mapping) {
        this.mapping = mapping;
    }

    /**
     * The defaults with some classes replaced.
     * @param overrides instance types per class, taking precedence over {@link #DEFAULTS}
     * @return the resolved table
     */
    public static InstanceTypes withOverrides(Map<SizeClass, String> overrides) {
        Map<SizeClass, String> merged = new EnumMap<>(SizeClass.class);
        merged.putAll(DEFAULTS);
        merged.putAll(overrides);
        return new InstanceTypes(merged);
    }

    /**
     * The instance type for a pool's size, or empty if its class is unknown.
     * @param size a pool's machine size
     * @return its explicit machine type, else its class's type
     */
    public Optional<String> resolve(MachineSize size) {
        if (size.explicitMachineType().isPresent()) {
            return size.explicitMachineType();
        }
        return size.knownClass().map(mapping::get);
    }

    /** {@return the instance type per size class, a copy} */
    public Map<SizeClass, String> mapping() {
        return Map.copyOf(mapping);
    }

    /**
     * Whether a string has the shape of an EC2 instance type ({@code family.size}); says nothing of whether it
     * exists.
     * @param type the candidate, may be {@code null}
     * @return true if it has the shape
     */
    public static boolean looksLikeInstanceType(String type) {
        return type != null && INSTANCE_TYPE.matcher(type).matches();
    }

    /**
     * Whether the type has NVIDIA GPUs (or is refused as a GPU type by {@link #unsupportedReason}).
     * @param type an instance type, may be {@code null}
     * @return true for NVIDIA GPU families
     */
    public static boolean isGpu(String type) {
        return type != null && (GPU_FAMILY.matcher(type).matches() || OTHER_NVIDIA_FAMILY.matcher(type).matches());
    }

    /**
     * Whether the type is a Graviton (ARM) CPU type: a 'g' after the generation digit, or the first generation a1.
     * @param type an instance type, may be {@code null}
     * @return true for Graviton types
     */
    public static boolean isArm(String type) {
        return type != null && !isGpu(type) && (ARM_FAMILY.matcher(type).matches() || type.startsWith("a1."));
    }

    /** AWS Inferentia and Trainium families: the Neuron AMI carries their driver. */
    private static final Pattern NEURON_FAMILY = Pattern.compile("(inf|trn)\\d[a-z0-9-]*\\..*");
    /** NVIDIA families whose name breaks the g/p-digit pattern (gr6: NVIDIA L4 with more memory). */
    private static final Pattern OTHER_NVIDIA_FAMILY = Pattern.compile("gr\\d[a-z0-9-]*\\..*");

    /**
     * The EKS AMI type for an instance type: Amazon Linux 2023, the NVIDIA variant for NVIDIA GPUs,
     * the Neuron variant for Inferentia/Trainium, ARM for Graviton. Types with no matching AL2023
     * AMI are refused by {@link #unsupportedReason} before this is asked.
     * @param type an instance type
     * @return an EKS {@code amiType} value such as {@code AL2023_x86_64_STANDARD}
     */
    public static String amiTypeFor(String type) {
        if (type != null && NEURON_FAMILY.matcher(type).matches()) {
            return "AL2023_x86_64_NEURON";
        }
        if (isGpu(type)) {
            return "AL2023_x86_64_NVIDIA";
        }
        return isArm(type) ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
    }

    /**
     * Why EKS could not start a managed node group of this type with any AMI CodeZero chooses, or
     * empty. EKS creates the group and then fails it when the AMI does not fit the hardware.
     * @param type an instance type, may be {@code null}
     * @return why the type cannot run a node group (a sentence naming alternatives), or empty
     */
    public static Optional<String> unsupportedReason(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String family = type.substring(0, Math.max(0, type.indexOf('.')));
        if (family.startsWith("g4ad")) {
            return Optional.of("has AMD Radeon GPUs, and EKS offers no AL2023 AMI with AMD GPU drivers; use an NVIDIA type "
                    + "(g4dn, g5, g6) or a custom AMI outside CodeZero");
        }
        if (family.startsWith("g5g") || family.contains("gb200") || family.contains("gb300")) {
            return Optional.of("is an ARM (Graviton/Grace) GPU type; CodeZero maps GPUs to the x86 NVIDIA AMI "
                    + "(AL2023_x86_64_NVIDIA), which cannot boot it; use an x86 NVIDIA type (g4dn, g5, g6, p4d, p5)");
        }
        return Optional.empty();
    }
}
