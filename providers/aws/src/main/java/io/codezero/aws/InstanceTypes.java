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

    public static InstanceTypes withOverrides(Map<SizeClass, String> overrides) {
        Map<SizeClass, String> merged = new EnumMap<>(SizeClass.class);
        merged.putAll(DEFAULTS);
        merged.putAll(overrides);
        return new InstanceTypes(merged);
    }

    /** The instance type for a pool's size, or empty if its class is unknown. */
    public Optional<String> resolve(MachineSize size) {
        if (size.explicitMachineType().isPresent()) {
            return size.explicitMachineType();
        }
        return size.knownClass().map(mapping::get);
    }

    public Map<SizeClass, String> mapping() {
        return Map.copyOf(mapping);
    }

    public static boolean looksLikeInstanceType(String type) {
        return type != null && INSTANCE_TYPE.matcher(type).matches();
    }

    public static boolean isGpu(String type) {
        return type != null && GPU_FAMILY.matcher(type).matches();
    }

    public static boolean isArm(String type) {
        return type != null && !isGpu(type) && ARM_FAMILY.matcher(type).matches();
    }

    /** The EKS AMI type for an instance type: Amazon Linux 2023, NVIDIA variant for GPUs, ARM for Graviton. */
    public static String amiTypeFor(String type) {
        if (isGpu(type)) {
            return "AL2023_x86_64_NVIDIA";
        }
        return isArm(type) ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
    }
}
