package io.codezero.pkg;

import io.codezero.aws.AwsTarget;
import io.codezero.azure.AzureTarget;
import io.codezero.baremetal.BareMetalConfig;
import io.codezero.baremetal.BareMetalTarget;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.validation.Problem;
import io.codezero.digitalocean.DigitalOceanTarget;
import io.codezero.gcp.GcpTarget;
import io.codezero.local.ExistingClusterTarget;
import java.util.List;
import java.util.Map;

/**
 * Which target the inputs choose, read by that target's own config reader. As in a Java program, whose config has one
 * section per target ({@code codezero:aws}, {@code codezero:azure}, {@code codezero:baremetal}, {@code codezero:digitalocean},
 * {@code codezero:gcp}), a target's section chooses it and that
 * target's {@code fromConfig} reads it; without one, the platform goes onto an existing cluster
 * ({@link ExistingClusterTarget#argsFromConfig} with the {@link KubeconfigInput}). Two cloud sections, or the existing
 * cluster's inputs beside one, are a problem: one of them would be silently ignored.
 */
final class TargetInputs {
    /** The top-level inputs only the existing-cluster target reads. */
    static final List<String> EXISTING_CLUSTER_KEYS = List.of(KubeconfigInput.KEY, "context", "storageClass", "loadBalancerAddresses");
    /** The AWS target's section. */
    static final String AWS = "aws";
    /** The Azure target's section. */
    static final String AZURE = "azure";
    /** The bare-metal target's section. */
    static final String BAREMETAL = "baremetal";
    /** The DigitalOcean target's section. */
    static final String DIGITALOCEAN = "digitalocean";
    /** The Google Cloud target's section. */
    static final String GCP = "gcp";
    /** Each target's section but the existing cluster's, in the order the schema lists them. */
    static final java.util.Set<String> CLOUDS = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
            List.of(AWS, AZURE, BAREMETAL, DIGITALOCEAN, GCP)));

    private TargetInputs() {
    }

    /** The target a section's reader makes; bare metal reads the secret keys its section names through {@code secrets}. */
    private static ClusterTarget read(String section, ConfigObject config, BareMetalConfig.SecretLookup secrets) {
        return switch (section) {
            case AWS -> AwsTarget.fromConfig(config);
            case AZURE -> AzureTarget.fromConfig(config);
            case BAREMETAL -> BareMetalTarget.fromConfig(config, secrets);
            case DIGITALOCEAN -> DigitalOceanTarget.fromConfig(config);
            case GCP -> GcpTarget.fromConfig(config);
            default -> throw new IllegalArgumentException(section);
        };
    }

    /**
     * The target the inputs choose; problems join {@code root}'s.
     *
     * @param root       the top-level inputs as a config object
     * @param top        the top-level values (the kubeconfig already taken out when {@code kubeconfig} holds it)
     * @param plain      the converted inputs (for a kubeconfig that is not known yet)
     * @param kubeconfig the kubeconfig input in the form it was given
     * @param secrets    the secret config keys a bare-metal section names
     * @return the target
     */
    static ClusterTarget read(ConfigObject root, Map<String, Object> top, PlainInputs plain, KubeconfigInput kubeconfig,
            BareMetalConfig.SecretLookup secrets) {
        List<String> given = CLOUDS.stream().filter(top::containsKey).toList();
        if (given.isEmpty()) {
            return new ExistingClusterTarget(kubeconfig.applyTo(ExistingClusterTarget.argsFromConfig(root)).build());
        }
        String cloud = given.get(0);
        for (String other : given.subList(1, given.size())) {
            root.has(other);  // counts as read: this problem says what is wrong with it
            root.problems().add(Problem.of(other, "<given>", "chooses another target than `" + cloud + "`, which is given too; "
                    + "a stack has one cluster: keep one target's section"));
        }
        for (String key : EXISTING_CLUSTER_KEYS) {
            if (top.containsKey(key) || kubeconfig.taken() && key.equals(KubeconfigInput.KEY) || plain.isUnknown(key)) {
                root.has(key);
                root.problems().add(Problem.of(key, top.containsKey(key) ? top.get(key) : "<given>", "is for an existing cluster; "
                        + "with `" + cloud + "` CodeZero makes the cluster and its kubeconfig: remove it"));
            }
        }
        return read(cloud, root.object(cloud), secrets);
    }
}
