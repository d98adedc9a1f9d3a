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
 * A stack's cluster as EKS reports it now, read by the program under the real engine: its add-ons, so that
 * {@link AddonVersionChoice} can keep their versions, and the KMS key its secrets are encrypted with, which EKS
 * can never change ({@link #secretsKeyProblem}). Pulumi's plan compares the program
 * with its state, so a version that EKS resolves anew on every run ("the default for 1.34") turns each
 * move of AWS's default into an add-on upgrade nobody reviewed; the running cluster is the record of
 * what was chosen.
 *
 * @param clusterVersion the cluster's Kubernetes version, e.g. {@code 1.34}
 * @param secretsKeyArn  the KMS key of its secrets encryption, "" if it has none
 * @param versions       each installed add-on's version by add-on name
 * @param compatible     for each installed add-on, the versions EKS lists for the program's Kubernetes version
 */
public record RunningCluster(String clusterVersion, String secretsKeyArn, Map<String, String> versions, Map<String, Set<String>> compatible) {

    /**
     * Copies the maps.
     * @param clusterVersion the cluster's Kubernetes version
     * @param secretsKeyArn the KMS key of its secrets encryption, "" if none
     * @param versions installed add-on versions by name
     * @param compatible versions EKS lists for the program's Kubernetes version, by add-on name
     */
    public RunningCluster {
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
    public static Optional<RunningCluster> read(EksClient eks, String clusterName, String programVersion, Collection<String> addonNames) {
        String clusterVersion;
        String secretsKeyArn;
        try {
            var cluster = eks.describeCluster(r -> r.name(clusterName)).cluster();
            clusterVersion = cluster.version();
            secretsKeyArn = cluster.encryptionConfig().stream()
                    .filter(c -> c.provider() != null && c.provider().keyArn() != null)
                    .map(c -> c.provider().keyArn()).findFirst().orElse("");
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unreadable(clusterName, e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, Set<String>> compatible = new LinkedHashMap<>();
        if (!programVersion.equals(clusterVersion)) {
            return Optional.of(new RunningCluster(clusterVersion, secretsKeyArn, versions, compatible));
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
        return Optional.of(new RunningCluster(clusterVersion, secretsKeyArn, versions, compatible));
    }

    /**
     * EKS encrypts a cluster's secrets with one KMS key for its whole life (there is no API to change it), and the
     * provider's update only ever associates a key with a cluster that has none: a different {@code aws.kmsKeyArn}
     * on a running cluster would change nothing but the plan, and when the key was CodeZero's own, dropping it from
     * the program would schedule the deletion of the key the cluster still decrypts its secrets with.
     *
     * @param adopted {@code aws.kmsKeyArn}, if set
     * @return the problem, when the program names another key than the one the cluster uses
     */
    public java.util.Optional<io.codezero.core.validation.Problem> secretsKeyProblem(java.util.Optional<String> adopted) {
        if (adopted.isEmpty() || secretsKeyArn.isEmpty() || adopted.get().equals(secretsKeyArn)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(io.codezero.core.validation.Problem.of("aws.kmsKeyArn", adopted.get(),
                "is not the key the running cluster encrypts its secrets with (" + secretsKeyArn + "), and EKS cannot change that key: "
                        + "the provider would leave it, and a key CodeZero created would be scheduled for deletion while the cluster still "
                        + "needs it; set aws.kmsKeyArn to " + secretsKeyArn + " or remove it, or create a new cluster"));
    }

    /**
     * @param clusterName the cluster's name
     * @param programVersion {@code kubernetesVersion}
     * @return the problem, when EKS would refuse to move the running control plane to it ({@link VersionStep})
     */
    public java.util.Optional<io.codezero.core.validation.Problem> versionStepProblem(String clusterName, String programVersion) {
        return VersionStep.refusal(clusterName, clusterVersion, programVersion)
                .map(why -> io.codezero.core.validation.Problem.of("kubernetesVersion", programVersion, why));
    }

    private static IllegalStateException unreadable(String clusterName, SdkException e) {
        return new IllegalStateException("could not read the EKS add-ons of cluster " + clusterName + " to keep their versions ("
                + e.getMessage() + "): the identity running pulumi needs eks:DescribeCluster, eks:DescribeAddon and "
                + "eks:DescribeAddonVersions, or pin every add-on's version in aws.addonVersions", e);
    }
}
