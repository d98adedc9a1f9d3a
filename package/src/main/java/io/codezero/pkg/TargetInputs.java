package io.codezero.pkg;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.validation.Problem;
import io.codezero.digitalocean.DigitalOceanTarget;
import io.codezero.local.ExistingClusterTarget;
import java.util.List;
import java.util.Map;

/**
 * Which target the inputs choose, read by that target's own config reader. As in a Java program, whose config has one
 * section per target ({@code codezero:digitalocean}), a target's section chooses it: {@code digitalocean} makes a DOKS
 * cluster ({@link DigitalOceanTarget#fromConfig}); without one, the platform goes onto an existing cluster
 * ({@link ExistingClusterTarget#argsFromConfig} with the {@link KubeconfigInput}). The existing cluster's inputs given
 * with a cloud section are a problem: they would be silently ignored.
 */
final class TargetInputs {
    /** The top-level inputs only the existing-cluster target reads. */
    static final List<String> EXISTING_CLUSTER_KEYS = List.of(KubeconfigInput.KEY, "context", "storageClass", "loadBalancerAddresses");
    /** The DigitalOcean target's section. */
    static final String DIGITALOCEAN = "digitalocean";

    private TargetInputs() {
    }

    /**
     * The target the inputs choose; problems join {@code root}'s.
     *
     * @param root       the top-level inputs as a config object
     * @param top        the top-level values (the kubeconfig already taken out when {@code kubeconfig} holds it)
     * @param plain      the converted inputs (for a kubeconfig that is not known yet)
     * @param kubeconfig the kubeconfig input in the form it was given
     * @return the target
     */
    static ClusterTarget read(ConfigObject root, Map<String, Object> top, PlainInputs plain, KubeconfigInput kubeconfig) {
        if (!top.containsKey(DIGITALOCEAN)) {
            return new ExistingClusterTarget(kubeconfig.applyTo(ExistingClusterTarget.argsFromConfig(root)).build());
        }
        for (String key : EXISTING_CLUSTER_KEYS) {
            boolean given = top.containsKey(key) || kubeconfig.taken() && key.equals(KubeconfigInput.KEY) || plain.isUnknown(key);
            if (given) {
                root.has(key);  // counts as read: this problem says what is wrong with it
                root.problems().add(Problem.of(key, top.containsKey(key) ? top.get(key) : "<given>", "is for an existing cluster; "
                        + "with `" + DIGITALOCEAN + "` CodeZero makes the cluster and its kubeconfig: remove it"));
            }
        }
        return DigitalOceanTarget.fromConfig(root.object(DIGITALOCEAN));
    }
}
