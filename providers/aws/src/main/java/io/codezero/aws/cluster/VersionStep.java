package io.codezero.aws.cluster;

import java.util.Optional;

/**
 * EKS's rule for a control plane's version: UpdateClusterVersion moves it one Kubernetes minor up at a time and
 * never back. Used by the program (which reads the running cluster under the real engine, so the rule holds with
 * the preflight off) and by the preflight.
 */
public final class VersionStep {
    private VersionStep() {
    }

    /**
     * @param cluster the cluster's name
     * @param running the version the cluster runs, e.g. {@code 1.33}
     * @param wanted {@code kubernetesVersion}
     * @return why EKS would refuse the step, with the version to set; empty when it is the same version or the next minor
     */
    public static Optional<String> refusal(String cluster, String running, String wanted) {
        int[] from = minor(running);
        int[] to = minor(wanted);
        if (from == null || to == null || running.equals(wanted) || (to[0] == from[0] && to[1] == from[1] + 1)) {
            return Optional.empty();
        }
        boolean back = to[0] < from[0] || (to[0] == from[0] && to[1] < from[1]);
        if (back) {
            return Optional.of("cluster " + cluster + " runs Kubernetes " + running + " and kubernetesVersion is " + wanted
                    + ": EKS never downgrades a cluster; set kubernetesVersion to " + running + " (or newer, one minor at a time)");
        }
        String next = from[0] + "." + (from[1] + 1);
        return Optional.of("cluster " + cluster + " runs Kubernetes " + running + " and kubernetesVersion is " + wanted
                + ": EKS upgrades one minor at a time; set kubernetesVersion to " + next + ", pulumi up, then go on to " + wanted);
    }

    private static int[] minor(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
