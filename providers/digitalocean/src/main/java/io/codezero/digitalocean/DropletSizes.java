package io.codezero.digitalocean;

import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.SizeClass;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Size classes to Droplet size slugs. The defaults match each class's vCPUs and memory
 * ({@link SizeClass}); general-purpose (dedicated vCPU) Droplets for medium and large, so a busy
 * neighbour cannot steal a production node's CPU. Whether the region offers a slug for Kubernetes
 * is checked by the preflight ({@code /v2/kubernetes/options}).
 */
public final class DropletSizes {
    /**
     * The Droplet slug per size class when none is given: shared vCPU for small, dedicated vCPU for medium and large.
     */
    public static final Map<SizeClass, String> DEFAULTS = Map.of(
            SizeClass.SMALL, "s-2vcpu-4gb",
            SizeClass.MEDIUM, "g-4vcpu-16gb",
            SizeClass.LARGE, "g-8vcpu-32gb",
            SizeClass.GPU, "gpu-4000adax1-20gb");

    /** Slugs are lowercase words joined by '-', e.g. s-2vcpu-4gb, c-2, gpu-h100x1-80gb, so1_5-2vcpu-16gb. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_]*(-[a-z0-9_]+)+");

    private final Map<SizeClass, String> bySizeClass;

    private DropletSizes(Map<SizeClass, String> bySizeClass) {
        this.bySizeClass = bySizeClass;
    }

    /**
     * The defaults with some classes replaced.
     * @param overrides slugs per class, taking precedence over {@link #DEFAULTS}
     * @return the resolved table
     */
    public static DropletSizes withOverrides(Map<SizeClass, String> overrides) {
        Map<SizeClass, String> all = new EnumMap<>(DEFAULTS);
        all.putAll(overrides);
        return new DropletSizes(all);
    }

    /**
     * The slug for a pool's size: its explicit machine type, or its class's slug.
     * @param size a pool's machine size
     * @return the Droplet slug, or empty if the size names neither a machine type nor a known class
     */
    public Optional<String> resolve(MachineSize size) {
        if (size.explicitMachineType().isPresent()) {
            return size.explicitMachineType();
        }
        return size.knownClass().map(bySizeClass::get);
    }

    /**
     * Whether a string has the shape of a Droplet size slug (lower-case words joined by '-'); says nothing of whether
     * it exists.
     * @param slug the candidate, may be {@code null}
     * @return true if it has the shape
     */
    public static boolean looksLikeSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /**
     * Whether a slug names a GPU Droplet, which the GPU size class and GPU pools need.
     * @param slug a Droplet size slug, may be {@code null}
     * @return true if it starts with {@code gpu-}
     */
    public static boolean isGpu(String slug) {
        return slug != null && slug.startsWith("gpu-");
    }
}
