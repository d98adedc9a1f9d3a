package io.codezero.core;

import java.util.List;

/**
 * The one version catalogue. Every pinned version the library installs lives here, so an upgrade
 * is a reviewed change of one file and a plan diff, never a silent drift.
 */
public final class Versions {
    private Versions() {
    }

    /** Kubernetes minor versions every target of this release is tested against, oldest first. */
    public static final List<String> KUBERNETES_SUPPORTED = List.of("1.32", "1.33", "1.34", "1.35");

    /**
     * One minor behind the newest supported: every managed service offers it, and it leaves a
     * supported in-place upgrade step ahead.
     */
    public static final String KUBERNETES_DEFAULT = "1.34";

    public static boolean isSupportedKubernetes(String version) {
        return version != null && KUBERNETES_SUPPORTED.contains(version);
    }
}
