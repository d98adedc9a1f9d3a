package io.codezero.core.target;

import com.pulumi.resources.Resource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.util.List;

/**
 * Where a cluster comes from: a cloud, a set of machines, or a cluster that already exists.
 *
 * <p>Contract for implementations: {@link #validate} finds every target-specific problem without
 * touching the network or registering resources; {@link #provision} registers the target's
 * resources as children of one component parented to {@code parent}, and returns a
 * {@link ProvisionedCluster} whose kubeconfig is a secret and whose provider is the one every
 * Kubernetes resource must use.
 */
public interface ClusterTarget {

    /** Short id shown in plans and used in config, e.g. "local", "aws", "baremetal". */
    String kind();

    /** Target-specific problems (naming rules, capacity, unsupported options). Shared rules are checked by the stack. */
    default List<Problem> validate(ClusterSpec spec) {
        return List.of();
    }

    /** Registers the cluster. Called only with a spec that passed both shared and target validation. */
    ProvisionedCluster provision(ClusterSpec spec, Resource parent);
}
