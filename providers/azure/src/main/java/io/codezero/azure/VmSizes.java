package io.codezero.azure;

import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.SizeClass;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Size classes mapped to Azure VM sizes. The defaults are general-purpose Dsv5 sizes (Intel, premium
 * storage capable, offered in every region with zones) and a T4 GPU size for {@code gpu}; each
 * matches the class's vCPUs and at least its memory.
 */
public final class VmSizes {
    /** The VM size per size class when none is given (see the class comment). */
    public static final Map<SizeClass, String> DEFAULTS = Map.of(
            SizeClass.SMALL, "Standard_D2s_v5",
            SizeClass.MEDIUM, "Standard_D4s_v5",
            SizeClass.LARGE, "Standard_D8s_v5",
            SizeClass.GPU, "Standard_NC8as_T4_v3");

    private static final Pattern VCPUS = Pattern.compile("Standard_[A-Z]+([0-9]+)(?:-([0-9]+))?");
    private static final Pattern VM_SIZE = Pattern.compile("Standard_[A-Z][A-Za-z0-9_]*");

    private final Map<SizeClass, String> sizes;

    private VmSizes(Map<SizeClass, String> sizes) {
        this.sizes = sizes;
    }

    /**
     * The defaults with some classes replaced.
     * @param overrides VM sizes per class, taking precedence over {@link #DEFAULTS}
     * @return the resolved table
     */
    public static VmSizes withOverrides(Map<SizeClass, String> overrides) {
        Map<SizeClass, String> all = new EnumMap<>(DEFAULTS);
        all.putAll(overrides);
        return new VmSizes(all);
    }

    /**
     * The VM size of a pool: its explicit machine type, or its class's mapping.
     * @param size a pool's machine size
     * @return the VM size, or empty if the size names neither a type nor a known class
     */
    public Optional<String> resolve(MachineSize size) {
        if (size.explicitMachineType().isPresent()) {
            return size.explicitMachineType();
        }
        return size.knownClass().map(sizes::get);
    }

    /**
     * The vCPUs a size name states, by Azure's VM naming convention
     * ({@code Standard_<family><vCPUs>[-<constrained vCPUs>]<features>[_<accelerator>][_<version>]}):
     * Standard_D4s_v5 has 4, Standard_E32-8ds_v5 8 (constrained), Standard_NC8as_T4_v3 8.
     * Empty for a name that does not follow it; the preflight reads the real count from the SKU list.
     * @param size a VM size name, may be {@code null}
     * @return the vCPUs it states, or empty
     */
    public static java.util.OptionalInt vcpusOf(String size) {
        if (size == null) {
            return java.util.OptionalInt.empty();
        }
        var m = VCPUS.matcher(size);
        if (!m.lookingAt()) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(1)));
    }

    /**
     * Whether a string has the shape of an Azure VM size ({@code Standard_...}); says nothing of whether it exists.
     * @param size the candidate, may be {@code null}
     * @return true if it has the shape
     */
    public static boolean looksLikeVmSize(String size) {
        return size != null && VM_SIZE.matcher(size).matches();
    }

    /**
     * N-series sizes carry NVIDIA or AMD GPUs (NC, ND, NV families).
     * @param size a VM size name, may be {@code null}
     * @return true for the NC, ND, NG and NV families
     */
    public static boolean isGpu(String size) {
        return size != null && size.toLowerCase(Locale.ROOT).matches("standard_n[cdgv].*");
    }
}
