package io.codezero.aws.cluster;

import java.util.Map;
import java.util.Optional;

/**
 * Which version an EKS add-on gets, decided once and then kept. A pin in {@code aws.addonVersions} wins.
 * Otherwise the running add-on's version is kept while the cluster runs the program's Kubernetes version
 * and EKS still lists that add-on version for it; EKS's default for the version is taken only when the
 * add-on is created or the program moves the cluster to another minor (where AWS's upgrade guidance is to
 * move the add-ons to that version's defaults), or when the running version is no longer compatible
 * (an earlier upgrade stopped half-way).
 */
public final class AddonVersionChoice {
    private AddonVersionChoice() {
    }

    /**
     * The add-ons whose versions are not pinned, so the program reads what the cluster runs of them.
     * @param pins {@code aws.addonVersions}
     * @return the names of the add-ons CodeZero installs that {@code pins} does not name
     */
    public static java.util.List<String> unpinned(Map<String, String> pins) {
        return ClusterAddons.ALL.stream().filter(a -> !pins.containsKey(a)).toList();
    }

    /**
     * @param addon the add-on's name, e.g. {@code vpc-cni}
     * @param programVersion the program's Kubernetes version
     * @param pins {@code aws.addonVersions}
     * @param running what the cluster runs, if it exists ({@link RunningCluster#read})
     * @return the version to send; empty: EKS's default for {@code programVersion}
     */
    public static Optional<String> of(String addon, String programVersion, Map<String, String> pins, Optional<RunningCluster> running) {
        if (pins.containsKey(addon)) {
            return Optional.of(pins.get(addon));
        }
        return running.filter(r -> r.clusterVersion().equals(programVersion))
                .map(r -> r.versions().get(addon))
                .filter(v -> running.get().compatible().getOrDefault(addon, java.util.Set.of()).contains(v));
    }
}
