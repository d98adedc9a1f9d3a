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

    public static DropletSizes withOverrides(Map<SizeClass, String> overrides) {
        Map<SizeClass, String> all = new EnumMap<>(DEFAULTS);
        all.putAll(overrides);
        return new DropletSizes(all);
    }

    /** The slug for a pool's size: its explicit machine type, or its class's slug. */
    public Optional<String> resolve(MachineSize size) {
        if (size.explicitMachineType().isPresent()) {
            return size.explicitMachineType();
        }
        return size.knownClass().map(bySizeClass::get);
    }

    public static boolean looksLikeSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    public static boolean isGpu(String slug) {
        return slug != null && slug.startsWith("gpu-");
    }
}
