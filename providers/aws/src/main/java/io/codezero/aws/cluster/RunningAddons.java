package io.codezero.aws.cluster;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * The EKS add-ons a stack's cluster runs now, as EKS reports them, read by the program under the real
 * engine so that {@link AddonVersionChoice} can keep their versions. Pulumi's plan compares the program
 * with its state, so a version that EKS resolves anew on every run ("the default for 1.34") turns each
 * move of AWS's default into an add-on upgrade nobody reviewed; the running cluster is the record of
 * what was chosen.
 *
 * @param clusterVersion the cluster's Kubernetes version, e.g. {@code 1.34}
 * @param versions       each installed add-on's version by add-on name
 * @param compatible     for each installed add-on, the versions EKS lists for the program's Kubernetes version
 */
public record RunningAddons(String clusterVersion, Map<String, String> versions, Map<String, Set<String>> compatible) {

    /**
     * Copies the maps.
     * @param clusterVersion the cluster's Kubernetes version
     * @param versions installed add-on versions by name
     * @param compatible versions EKS lists for the program's Kubernetes version, by add-on name
     */
    public RunningAddons {
        versions = Map.copyOf(versions);
        compatible = Map.copyOf(compatible);
    }

    /**
     * Reads the cluster and its add-ons from EKS ({@code DescribeCluster}, {@code DescribeAddon},
     * {@code DescribeAddonVersions}). The provider itself needs the first two for every refresh.
     *
     * @param eks an EKS client of the cluster's region
     * @param clusterName the cluster's name
     * @param programVersion the Kubernetes version the program asks for
     * @param addonNames the add-ons whose versions are not pinned
     * @return empty when the cluster does not exist yet; else what it runs (no add-ons read when its version
     *         differs from the program's: an upgrade takes EKS's defaults for the new version anyway)
     * @throws IllegalStateException when EKS cannot be read: keeping a version needs to know it, and silently
     *         falling back to the default would be exactly the unreviewed upgrade this prevents
     */
    public static Optional<RunningAddons> read(EksClient eks, String clusterName, String programVersion, Collection<String> addonNames) {
        String clusterVersion;
        try {
            clusterVersion = eks.describeCluster(r -> r.name(clusterName)).cluster().version();
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unreadable(clusterName, e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, Set<String>> compatible = new LinkedHashMap<>();
        if (!programVersion.equals(clusterVersion)) {
            return Optional.of(new RunningAddons(clusterVersion, versions, compatible));
        }
        for (String addon : addonNames) {
            try {
                versions.put(addon, eks.describeAddon(r -> r.clusterName(clusterName).addonName(addon)).addon().addonVersion());
            } catch (ResourceNotFoundException e) {
                continue; // not installed yet: created at EKS's default
            } catch (SdkException e) {
                throw unreadable(clusterName, e);
            }
            Set<String> listed = new LinkedHashSet<>();
            try {
                eks.describeAddonVersionsPaginator(r -> r.addonName(addon).kubernetesVersion(programVersion)).addons()
                        .forEach(info -> info.addonVersions().forEach(v -> listed.add(v.addonVersion())));
            } catch (SdkException e) {
                throw unreadable(clusterName, e);
            }
            compatible.put(addon, listed);
        }
        return Optional.of(new RunningAddons(clusterVersion, versions, compatible));
    }

    private static IllegalStateException unreadable(String clusterName, SdkException e) {
        return new IllegalStateException("could not read the EKS add-ons of cluster " + clusterName + " to keep their versions ("
                + e.getMessage() + "): the identity running pulumi needs eks:DescribeCluster, eks:DescribeAddon and "
                + "eks:DescribeAddonVersions, or pin every add-on's version in aws.addonVersions", e);
    }
}
