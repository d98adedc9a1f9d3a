package io.codezero.core.target;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The parts of a {@link ClusterSpec} a target may or may not implement. A target declares the ones
 * it honours ({@link ClusterTarget#honours()}); a part the user set that the target does not honour
 * is a problem, never silently ignored.
 */
public enum SpecField {
    /** Node pools the target creates. */
    NODE_POOLS("nodePools", "create node pools", spec -> !spec.nodePools().isEmpty()),
    /** A node network range other than the default. */
    VPC_CIDR("network.vpcCidr", "choose the node network's range",
            spec -> !NetworkSpec.DEFAULT_VPC_CIDR.equals(spec.network().vpcCidr())),
    /** A pod range other than the default. */
    POD_CIDR("network.podCidr", "choose the pod range", spec -> !NetworkSpec.DEFAULT_POD_CIDR.equals(spec.network().podCidr())),
    /** A service range other than the default. */
    SERVICE_CIDR("network.serviceCidr", "choose the service range",
            spec -> !NetworkSpec.DEFAULT_SERVICE_CIDR.equals(spec.network().serviceCidr())),
    /** Only the opt-out is a setting: private nodes are the default every creating target implements. */
    PUBLIC_NODES("network.privateNodes", "give nodes public addresses", spec -> !spec.network().privateNodes()),
    /** An allowlist of ranges that may reach the API endpoint. */
    API_ALLOWLIST("network.apiAccessAllowlist", "restrict the API endpoint to an allowlist",
            spec -> !spec.network().apiAccessAllowlist().isEmpty()),
    /** An API endpoint reachable only from the cluster's network. */
    PRIVATE_API_ONLY("network.privateApiOnly", "make the API endpoint private", spec -> spec.network().privateApiOnly()),
    /**
     * An allowlist on a private-only endpoint: some clouds filter who reaches the private endpoint (AWS's endpoint
     * security group, GKE's authorized networks), others filter only a public one (AKS), where it would be ignored.
     */
    PRIVATE_API_ALLOWLIST("network.apiAccessAllowlist", "restrict a private-only API endpoint (privateApiOnly: true) to an allowlist",
            spec -> spec.network().privateApiOnly() && !spec.network().apiAccessAllowlist().isEmpty()),
    /** Tags (labels) on the cloud's resources. */
    TAGS("tags", "tag cloud resources", spec -> !spec.tags().isEmpty());

    private final String path;
    private final String ability;
    private final Predicate<ClusterSpec> isSet;

    SpecField(String path, String ability, Predicate<ClusterSpec> isSet) {
        this.path = path;
        this.ability = ability;
        this.isSet = isSet;
    }

    /**
     * The field's path in the cluster spec, as config and problems name it.
     *
     * @return the path, e.g. {@code network.vpcCidr}
     */
    public String path() {
        return path;
    }

    /**
     * Whether the spec sets this field (to anything but its default).
     *
     * @param spec a cluster spec
     * @return true when a target must honour the field for this spec
     */
    public boolean isSetIn(ClusterSpec spec) {
        return isSet.test(spec);
    }

    /**
     * One problem per field the spec sets but the target does not honour, with the fix.
     *
     * @param spec              the cluster spec
     * @param honoured          the fields the target implements ({@link ClusterTarget#honours()})
     * @param targetDescription how problems name the target, e.g. "existing-cluster target"
     * @return the problems, empty when the target honours everything the spec sets
     */
    public static List<Problem> unhonoured(ClusterSpec spec, Set<SpecField> honoured, String targetDescription) {
        List<Problem> problems = new ArrayList<>();
        for (SpecField field : values()) {
            // an allowlist on a private endpoint is refused once, as the allowlist or the private endpoint, where either is
            boolean refusedAlready = field == PRIVATE_API_ALLOWLIST && (!honoured.contains(API_ALLOWLIST) || !honoured.contains(PRIVATE_API_ONLY));
            if (!honoured.contains(field) && field.isSetIn(spec) && !refusedAlready) {
                problems.add(Problem.of(field.path, describe(field, spec),
                        "the " + targetDescription + " cannot " + field.ability + ": remove `" + field.path + "`"));
            }
        }
        return problems;
    }

    private static Object describe(SpecField field, ClusterSpec spec) {
        return switch (field) {
            case NODE_POOLS -> spec.nodePools().stream().map(p -> p.name()).toList();
            case VPC_CIDR -> spec.network().vpcCidr();
            case POD_CIDR -> spec.network().podCidr();
            case SERVICE_CIDR -> spec.network().serviceCidr();
            case PUBLIC_NODES -> false;
            case API_ALLOWLIST, PRIVATE_API_ALLOWLIST -> spec.network().apiAccessAllowlist();
            case PRIVATE_API_ONLY -> true;
            case TAGS -> spec.tags().keySet();
        };
    }
}
