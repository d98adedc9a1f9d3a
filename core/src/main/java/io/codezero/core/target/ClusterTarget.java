package io.codezero.core.target;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.validation.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where a cluster comes from: a cloud, a set of machines, or a cluster that already exists.
 *
 * <p>Contract for implementations: {@link #validate} finds every target-specific problem without
 * touching the network or registering resources; {@link #honours} says which parts of the spec the
 * target implements (the stack refuses a spec that sets any other); {@link #provision} registers
 * the target's resources as children of one component parented to {@link TargetContext#parent()},
 * names them with {@link TargetContext#name(String)}, and returns a {@link ProvisionedCluster}
 * whose kubeconfig is a secret and whose provider is the one every Kubernetes resource must use.
 */
public interface ClusterTarget {

    /**
     * Short id shown in plans and used in config, e.g. "local", "aws", "baremetal".
     *
     * @return the target's kind
     */
    String kind();

    /**
     * How problems name this target, e.g. "existing-cluster target".
     *
     * @return the target's description
     */
    default String description() {
        return kind() + " target";
    }

    /**
     * The parts of the cluster spec this target implements.
     *
     * @return the fields it honours; the default all
     */
    default Set<SpecField> honours() {
        return EnumSet.allOf(SpecField.class);
    }

    /**
     * Target-specific problems (naming rules, capacity, unsupported options). Shared rules are checked by the stack.
     *
     * @param spec the cluster spec
     * @return the problems, empty when the spec suits the target
     */
    default List<Problem> validate(ClusterSpec spec) {
        return List.of();
    }

    /**
     * The names this target would give things outside Pulumi that its cloud holds unique within a scope (the
     * cluster's name in a region, a network's in a project, a machine's address). The stack refuses two stacks
     * of one program claiming the same one, which would otherwise plan cleanly and collide at deploy time.
     * Called only with a spec that passed validation; the default claims nothing.
     *
     * @param spec a valid cluster spec
     * @return the names it would claim
     */
    default Set<PhysicalName> physicalNames(ClusterSpec spec) {
        return Set.of();
    }

    /**
     * The facts this target states about every cluster it makes, whatever the deployment finds (a CNI
     * that drops chained plugins, a preferred mesh dataplane), known before anything registers. The stack
     * hands them to the platform's validation, so a setting such a cluster cannot run is a problem
     * before the cluster is created rather than a failure after it. {@link #provision} states them too.
     * The default states none.
     *
     * @return the planned facts
     */
    default ClusterFacts plannedFacts() {
        return ClusterFacts.none();
    }

    /**
     * Registers the cluster. Called only with a spec that passed both shared and target validation.
     *
     * @param spec    the validated cluster spec
     * @param context where to register (parent, resource names)
     * @return the provisioned cluster
     */
    ProvisionedCluster provision(ClusterSpec spec, TargetContext context);
}
