package io.codezero.gcp.preflight;

import com.google.gson.JsonObject;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.gcp.GcpTargetArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Organization policy constraints, commonly enforced in company organizations, that refuse what this deploy
 * creates, read as in force on the project (Cloud Resource Manager v1 getEffectiveOrgPolicy, the merge over the
 * resource hierarchy):
 * <ul>
 *   <li>{@code constraints/iam.disableServiceAccountCreation} (boolean) refuses the node service account;</li>
 *   <li>{@code constraints/compute.vmExternalIpAccess} (list of VMs that may have external addresses) refuses
 *   nodes with public addresses ({@code privateNodes: false}) unless it allows all VMs: GKE names node VMs itself,
 *   so an allow list cannot name them in advance;</li>
 *   <li>{@code constraints/gcp.resourceLocations} (list of locations and value groups such as
 *   {@code in:europe-west1-locations}) refuses the cluster, network and KMS key ring outside the allowed locations.
 *   An allow list that names neither the region nor its group may still allow it through a wider group
 *   ({@code in:eu-locations}), whose members are not read here: UNKNOWN;</li>
 *   <li>{@code constraints/compute.restrictVpcPeering} (list of networks ours may peer with) refuses a new cluster with
 *   private nodes: with {@code masterIpv4CidrBlock} GKE peers our network with the control plane's, in a project
 *   Google owns and names at creation ({@code projects/gke-prod-<region>-....}), so an allow list of the
 *   organization's own networks refuses it ("Constraint constraints/compute.restrictVpcPeering violated ... Peering
 *   the network projects/gke-prod-... is not allowed"). A peering that exists stays: a cluster already there passes;</li>
 *   <li>{@code constraints/gcp.restrictNonCmekServices} (list of services whose new resources must be encrypted with a
 *   customer-managed key) refuses the node VMs' boot disks and the cluster when it names {@code compute.googleapis.com}
 *   or {@code container.googleapis.com} (or denies all services): the target encrypts Kubernetes secrets with its KMS
 *   key, but node boot disks with Google's keys.</li>
 * </ul>
 * Constraints the target satisfies by construction are not asked: {@code compute.requireShieldedVm} (every pool,
 * the short-lived default one too, has secure boot), {@code compute.skipDefaultNetworkCreation} (we make our own).
 * {@code compute.requireOsLogin} refuses nothing: it turns OS Login on for VMs, and GKE nodes, which take no SSH
 * logins of ours, are created all the same.
 */
final class OrgPolicies {
    static final String NO_SERVICE_ACCOUNT_CREATION = "constraints/iam.disableServiceAccountCreation";
    static final String VM_EXTERNAL_IP_ACCESS = "constraints/compute.vmExternalIpAccess";
    static final String RESOURCE_LOCATIONS = "constraints/gcp.resourceLocations";
    static final String RESTRICT_VPC_PEERING = "constraints/compute.restrictVpcPeering";
    static final String RESTRICT_NON_CMEK = "constraints/gcp.restrictNonCmekServices";
    /** The services whose resources this deploy creates with Google-managed encryption (node boot disks, the cluster). */
    static final List<String> NON_CMEK_SERVICES = List.of("compute.googleapis.com", "container.googleapis.com");

    private OrgPolicies() {
    }

    static List<CheckResult> check(GoogleRest api, ClusterSpec spec, GcpTargetArgs args) {
        List<CheckResult> results = new ArrayList<>();
        read(api, args, NO_SERVICE_ACCOUNT_CREATION, results).ifPresent(policy -> {
            if (enforced(policy)) {
                results.add(CheckResult.fail("org-policy", NO_SERVICE_ACCOUNT_CREATION + " is enforced on project " + args.project()
                        + ", so the node service account cannot be created; ask your organization's policy administrators for an exception on this project"));
            } else {
                results.add(CheckResult.pass("org-policy", NO_SERVICE_ACCOUNT_CREATION + " is not enforced: the node service account can be created"));
            }
        });
        read(api, args, RESOURCE_LOCATIONS, results).ifPresent(policy -> results.add(locations(policy, args)));
        if (!spec.network().privateNodes()) {
            read(api, args, VM_EXTERNAL_IP_ACCESS, results).ifPresent(policy -> {
                if (deniesUnnamedVms(policy)) {
                    results.add(CheckResult.fail("org-policy", VM_EXTERNAL_IP_ACCESS + " on project " + args.project()
                            + " lets only listed VMs (or none) have external addresses, and GKE names node VMs itself; nodes with public addresses"
                            + " (network.privateNodes: false) would be refused, so remove privateNodes: false (private nodes egress through Cloud NAT)"));
                } else {
                    results.add(CheckResult.pass("org-policy", VM_EXTERNAL_IP_ACCESS + " allows the nodes' external addresses"));
                }
            });
        }
        read(api, args, RESTRICT_NON_CMEK, results).ifPresent(policy -> results.add(cmek(policy, args)));
        if (spec.network().privateNodes()) {
            read(api, args, RESTRICT_VPC_PEERING, results).ifPresent(policy -> results.add(peering(policy, api, spec, args)));
        }
        return results;
    }

    /**
     * The control plane's peering against {@code compute.restrictVpcPeering}: all networks allowed (or a deny list,
     * which cannot name Google's network before it exists) pass; all denied, or an allow list, refuse a new cluster,
     * unless the list holds a folder or organization subtree ({@code under:}) or a {@code gke-} project, which may
     * be Google's: UNKNOWN.
     */
    static CheckResult peering(JsonObject policy, GoogleRest api, ClusterSpec spec, GcpTargetArgs args) {
        JsonObject list = policy.has("listPolicy") ? policy.getAsJsonObject("listPolicy") : new JsonObject();
        List<String> allowed = values(list, "allowedValues");
        boolean deniesAll = list.has("allValues") && "DENY".equals(list.get("allValues").getAsString());
        boolean allowsAll = list.has("allValues") && "ALLOW".equals(list.get("allValues").getAsString());
        if (allowsAll || (!deniesAll && allowed.isEmpty())) {
            return CheckResult.pass("org-policy", RESTRICT_VPC_PEERING + " lets the network peer with the GKE control plane's");
        }
        if (api.cluster(args.project(), args.region(), spec.name()).ok()) {
            return CheckResult.pass("org-policy", RESTRICT_VPC_PEERING + " limits peering, but cluster " + spec.name()
                    + " exists and its control plane peering with it stays");
        }
        if (!deniesAll && allowed.stream().anyMatch(v -> v.startsWith("under:") || v.contains("/gke-"))) {
            return CheckResult.unknown("org-policy", RESTRICT_VPC_PEERING + " on project " + args.project() + " allows peering only with "
                    + String.join(", ", allowed) + "; GKE peers private clusters with a network in a project Google owns (projects/gke-prod-...),"
                    + " which these may or may not hold");
        }
        return CheckResult.fail("org-policy", RESTRICT_VPC_PEERING + " on project " + args.project() + " allows peering "
                + (deniesAll ? "with no network" : "only with " + String.join(", ", allowed))
                + ", and a cluster with private nodes peers the network with its control plane's in a project Google owns"
                + " (projects/gke-prod-...); ask your organization's policy administrators for an exception on this project,"
                + " or set network.privateNodes: false");
    }

    /** {@code gcp.restrictNonCmekServices}: a deny list (or all denied) naming a service whose resources we create without CMEK fails. */
    static CheckResult cmek(JsonObject policy, GcpTargetArgs args) {
        JsonObject list = policy.has("listPolicy") ? policy.getAsJsonObject("listPolicy") : new JsonObject();
        boolean deniesAll = list.has("allValues") && "DENY".equals(list.get("allValues").getAsString());
        List<String> named = deniesAll ? NON_CMEK_SERVICES : values(list, "deniedValues").stream().filter(NON_CMEK_SERVICES::contains).toList();
        if (named.isEmpty()) {
            return CheckResult.pass("org-policy", RESTRICT_NON_CMEK + " requires no customer-managed key of compute or container resources");
        }
        return CheckResult.fail("org-policy", RESTRICT_NON_CMEK + " on project " + args.project() + " requires customer-managed encryption keys for "
                + String.join(" and ", named) + ", and node boot disks are encrypted with Google-managed keys (only Kubernetes secrets use the KMS key);"
                + " ask your organization's policy administrators for an exception on this project");
    }

    private static java.util.Optional<JsonObject> read(GoogleRest api, GcpTargetArgs args, String constraint, List<CheckResult> results) {
        GoogleRest.Response response = api.effectiveOrgPolicy(args.project(), constraint);
        if (!response.ok()) {
            results.add(CheckResult.unknown("org-policy", "could not read " + constraint + " on project " + args.project() + " (" + response.error()
                    + "); the identity needs resourcemanager.projects.get and orgpolicy.policy.get, e.g. roles/orgpolicy.policyViewer"));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(response.body());
    }

    /** The region against {@code gcp.resourceLocations}: named (or its value group) allowed, denied, or not known. */
    static CheckResult locations(JsonObject policy, GcpTargetArgs args) {
        String region = args.region();
        List<String> names = List.of(region, "in:" + region + "-locations");
        JsonObject list = policy.has("listPolicy") ? policy.getAsJsonObject("listPolicy") : new JsonObject();
        List<String> allowed = values(list, "allowedValues");
        List<String> denied = values(list, "deniedValues");
        boolean deniesAll = list.has("allValues") && "DENY".equals(list.get("allValues").getAsString());
        if (deniesAll || denied.stream().anyMatch(names::contains)) {
            return CheckResult.fail("org-policy", RESOURCE_LOCATIONS + " on project " + args.project() + " denies " + region
                    + "; choose a gcp.region the organization allows");
        }
        if (allowed.isEmpty() || allowed.stream().anyMatch(names::contains)) {
            return CheckResult.pass("org-policy", RESOURCE_LOCATIONS + " allows " + region);
        }
        return CheckResult.unknown("org-policy", RESOURCE_LOCATIONS + " on project " + args.project() + " allows only " + String.join(", ", allowed)
                + ", which do not name " + region + " or in:" + region + "-locations; a wider value group may still include it");
    }

    private static List<String> values(JsonObject list, String key) {
        List<String> out = new ArrayList<>();
        if (list.has(key) && list.get(key).isJsonArray()) {
            list.getAsJsonArray(key).forEach(v -> out.add(v.getAsString()));
        }
        return out;
    }

    /** A boolean constraint in force: {@code booleanPolicy.enforced}. */
    static boolean enforced(JsonObject policy) {
        return policy.has("booleanPolicy") && policy.getAsJsonObject("booleanPolicy").has("enforced")
                && policy.getAsJsonObject("booleanPolicy").get("enforced").getAsBoolean();
    }

    /**
     * A list constraint that refuses values nobody listed: all values denied, or an allow list (values outside it
     * are denied). A deny list of other VMs, all values allowed, or no list at all (the default: allowed) pass.
     */
    static boolean deniesUnnamedVms(JsonObject policy) {
        if (!policy.has("listPolicy")) {
            return false;
        }
        JsonObject list = policy.getAsJsonObject("listPolicy");
        if (list.has("allValues")) {
            return "DENY".equals(list.get("allValues").getAsString());
        }
        return list.has("allowedValues") && !list.getAsJsonArray("allowedValues").isEmpty();
    }
}
