package io.codezero.digitalocean.cluster;

import io.codezero.core.validation.Problem;
import java.util.Optional;

/**
 * Which DOKS version slug the cluster gets, decided once and then kept: a version that DigitalOcean
 * resolves anew on every run would upgrade the cluster on the first {@code pulumi up} after each
 * patch release, unreviewed. The running cluster is the record of what was chosen: its slug is kept
 * while the program asks for the same minor, the newest patch is looked up only when the program
 * moves to the next minor (or creates the cluster), and a lower version, which the provider could
 * only apply by replacing the cluster, is refused.
 *
 * @param slug    the slug to use as it is; empty: look up the newest patch of the minor
 * @param problem why the program cannot proceed, if it cannot
 */
public record VersionChoice(Optional<String> slug, Optional<Problem> problem) {

    /**
     * @param minor    the program's Kubernetes minor, e.g. {@code 1.34}
     * @param pinned   {@code digitalocean.versionSlug}, if given
     * @param deployed the running cluster's slug, if the cluster exists
     * @return the slug to use, or the problem
     */
    public static VersionChoice of(String minor, Optional<String> pinned, Optional<String> deployed) {
        if (deployed.isPresent() && !deployed.get().isBlank()) {
            String running = deployed.get();
            String wanted = pinned.orElse(minor);
            if (compare(wanted, running, pinned.isPresent() ? 4 : 2) < 0) {
                return refuse(pinned.isPresent() ? "digitalocean.versionSlug" : "kubernetesVersion", wanted, "is lower than the running cluster's "
                        + running + ": DOKS cannot downgrade, and the provider would replace the whole cluster; set it to " + minorOf(running)
                        + (pinned.isPresent() ? " or a later slug" : " or later"));
            }
            int[] from = numbers(running);
            int[] to = numbers(minor);
            if (to.length >= 2 && from.length >= 2 && to[0] == from[0] && to[1] > from[1] + 1) {
                return refuse("kubernetesVersion", minor, "skips minors: the running cluster is " + running
                        + "; DOKS upgrades one minor at a time, so set " + from[0] + "." + (from[1] + 1) + " first");
            }
            if (pinned.isEmpty() && minorOf(running).equals(minor)) {
                return new VersionChoice(Optional.of(running), Optional.empty());
            }
        }
        return new VersionChoice(pinned, Optional.empty());
    }

    private static VersionChoice refuse(String field, String value, String why) {
        return new VersionChoice(Optional.empty(), Optional.of(Problem.of(field, value, why)));
    }

    /** {@code 1.34} of {@code 1.34.1-do.0}. */
    static String minorOf(String slug) {
        int[] n = numbers(slug);
        return n.length >= 2 ? n[0] + "." + n[1] : slug;
    }

    /** Compares the first {@code parts} numbers of two versions (1.34.1-do.2 is 1, 34, 1, 2). */
    static int compare(String a, String b, int parts) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.min(parts, Math.min(x.length, y.length)); i++) {
            int c = Integer.compare(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return java.util.Arrays.stream(version.split("[^0-9]+")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }
}
