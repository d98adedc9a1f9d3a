package io.codezero.gcp;

import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.SizeClass;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Size class to Compute Engine machine type. Defaults match each class's vCPUs and memory
 * ({@link SizeClass}): small e2-standard-2 (2 vCPU, 8 GB), medium n2-standard-4 (4, 16),
 * large n2-standard-8 (8, 32), gpu g2-standard-8 (8, 32, one NVIDIA L4 attached by the machine
 * type itself, so no accelerator block is needed).
 */
public final class MachineTypes {
    /** The machine type per size class when none is given (see the class comment for their sizes). */
    public static final Map<SizeClass, String> DEFAULTS = Map.of(
            SizeClass.SMALL, "e2-standard-2",
            SizeClass.MEDIUM, "n2-standard-4",
            SizeClass.LARGE, "n2-standard-8",
            SizeClass.GPU, "g2-standard-8");

    /** family-kind[-size][-suffix], e.g. e2-medium, n2-standard-4, n2-custom-4-16384, c3-highcpu-176-lssd. */
    private static final Pattern MACHINE_TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");
    /** Accelerator-optimized families, whose machine types come with GPUs attached. */
    private static final Pattern GPU_FAMILY = Pattern.compile("(a2|a3|a4|g2|g4)");

    private final Map<SizeClass, String> types;

    private MachineTypes(Map<SizeClass, String> types) {
        this.types = types;
    }

    /**
     * The defaults with some classes replaced.
     * @param overrides machine types per class, taking precedence over {@link #DEFAULTS}
     * @return the resolved table
     */
    public static MachineTypes withOverrides(Map<SizeClass, String> overrides) {
        Map<SizeClass, String> all = new EnumMap<>(SizeClass.class);
        all.putAll(DEFAULTS);
        all.putAll(overrides);
        return new MachineTypes(all);
    }

    /**
     * The machine type for a pool's size: an explicit type as given, or the class's mapping.
     * @param size a pool's machine size
     * @return the machine type, or empty if the size names neither a type nor a known class
     */
    public Optional<String> resolve(MachineSize size) {
        if (size.explicitMachineType().isPresent()) {
            return size.explicitMachineType();
        }
        return size.knownClass().map(types::get);
    }

    /**
     * Whether a string has the shape of a machine type (at most 63 characters); says nothing of whether it exists.
     * @param type the candidate, may be {@code null}
     * @return true if it has the shape
     */
    public static boolean looksLikeMachineType(String type) {
        return type != null && type.length() <= 63 && MACHINE_TYPE.matcher(type).matches();
    }

    /**
     * "n2" for "n2-standard-4".
     * @param type a machine type
     * @return its family, lower-case
     */
    public static String family(String type) {
        int dash = type.indexOf('-');
        return (dash < 0 ? type : type.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the machine type comes with GPUs attached (accelerator-optimized families a2, a3, a4, g2, g4).
     * @param type a machine type
     * @return true for those families
     */
    public static boolean isGpu(String type) {
        return GPU_FAMILY.matcher(family(type)).matches();
    }
}
