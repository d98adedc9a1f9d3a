package io.codezero.gcp.preflight;

import com.google.gson.JsonElement;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.gcp.GcpTargetArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the identity that runs {@code pulumi up} may do what this deploy does, asked of the project with
 * Cloud Resource Manager's testIamPermissions before anything is created. Without it a least-privileged deployer
 * finds the first missing permission half-way through the first {@code up} (say, the node account's role grant
 * after the VPC, router and NAT exist), and the next missing one on the next run.
 *
 * <p>The permissions are the ones each resource of the plan calls Google with: networks, subnet, router and NAT
 * (router update) when the target creates the network; the webhook firewall rule (which needs
 * {@code compute.networks.updatePolicy} on the network); the node service account, its use by the node VMs
 * ({@code iam.serviceAccounts.actAs}, which GKE requires of whoever creates a cluster or pool running as it) and
 * its project role grants; the KMS key ring, key and the key's IAM policy; the cluster, its pools and operations;
 * the Kubernetes objects the platform installs (GKE authorizes them by IAM first, then RBAC); enabling APIs.
 */
final class DeployerPermissions {
    /** Each permission with the predefined role that grants it (a suggestion in the failure message). */
    private record Need(String permission, String role) {
    }

    private DeployerPermissions() {
    }

    /** The permissions this deploy needs on the project, in the order its resources are created. */
    static List<String> needed(ClusterSpec spec, GcpTargetArgs args) {
        return needs(spec, args).stream().map(Need::permission).toList();
    }

    private static List<Need> needs(ClusterSpec spec, GcpTargetArgs args) {
        List<Need> out = new ArrayList<>();
        if (args.enableApis()) {
            // the provider reads enablements by listing, and bills its Service Usage calls to the project (ProjectApis):
            // naming a quota project needs serviceusage.services.use on it
            add(out, "roles/serviceusage.serviceUsageAdmin", "serviceusage.services.get", "serviceusage.services.list", "serviceusage.services.enable",
                    "serviceusage.services.use");
        }
        add(out, "roles/browser", "resourcemanager.projects.get");
        if (!args.adoptsNetwork()) {
            add(out, "roles/compute.networkAdmin", "compute.networks.create", "compute.networks.get", "compute.subnetworks.create",
                    "compute.subnetworks.get", "compute.routers.create", "compute.routers.get", "compute.routers.update");
            if (spec.network().privateNodes()) {
                add(out, "roles/compute.securityAdmin", "compute.firewalls.create", "compute.firewalls.get", "compute.networks.updatePolicy");
            }
        }
        add(out, "roles/iam.serviceAccountAdmin", "iam.serviceAccounts.create", "iam.serviceAccounts.get");
        add(out, "roles/iam.serviceAccountUser", "iam.serviceAccounts.actAs");
        add(out, "roles/resourcemanager.projectIamAdmin", "resourcemanager.projects.getIamPolicy", "resourcemanager.projects.setIamPolicy");
        if (args.kmsKeyName().isEmpty()) {
            add(out, "roles/cloudkms.admin", "cloudkms.keyRings.create", "cloudkms.keyRings.get", "cloudkms.cryptoKeys.create",
                    "cloudkms.cryptoKeys.get", "cloudkms.cryptoKeys.getIamPolicy", "cloudkms.cryptoKeys.setIamPolicy");
        }
        add(out, "roles/container.admin", "container.clusters.create", "container.clusters.get", "container.clusters.update", "container.operations.get");
        add(out, "roles/container.admin", IN_CLUSTER.toArray(String[]::new));
        return out;
    }

    /** Kubernetes objects the platform installs that GKE's IAM authorizer grants only to roles such as container.admin. */
    static final List<String> IN_CLUSTER = List.of("container.namespaces.create", "container.customResourceDefinitions.create",
            "container.clusterRoles.create", "container.clusterRoleBindings.create", "container.mutatingWebhookConfigurations.create",
            "container.validatingWebhookConfigurations.create", "container.storageClasses.create");

    private static void add(List<Need> out, String role, String... permissions) {
        for (String permission : permissions) {
            out.add(new Need(permission, role));
        }
    }

    /**
     * One result: PASS when the caller holds every permission; FAIL naming the missing ones and roles that grant
     * them; UNKNOWN when the project does not answer. Kubernetes permissions missing from IAM are only UNKNOWN on a
     * cluster that exists: RBAC bindings inside it may grant them (on a new cluster there are none yet).
     */
    static CheckResult check(GoogleRest api, ClusterSpec spec, GcpTargetArgs args) {
        List<Need> needs = needs(spec, args);
        List<String> asked = new ArrayList<>(new LinkedHashSet<>(needs.stream().map(Need::permission).toList()));
        GoogleRest.Response response = api.testIamPermissions(args.project(), asked);
        if (!response.ok()) {
            return CheckResult.unknown("permissions", "could not ask project " + args.project() + " which of the deploy's "
                    + asked.size() + " permissions these credentials hold (" + response.error() + ")");
        }
        Set<String> granted = new LinkedHashSet<>();
        if (response.body().has("permissions") && response.body().get("permissions").isJsonArray()) {
            for (JsonElement p : response.body().getAsJsonArray("permissions")) {
                granted.add(p.getAsString());
            }
        }
        Map<String, List<String>> missingByRole = new LinkedHashMap<>();
        for (Need need : needs) {
            if (!granted.contains(need.permission())) {
                List<String> list = missingByRole.computeIfAbsent(need.role(), r -> new ArrayList<>());
                if (!list.contains(need.permission())) {
                    list.add(need.permission());
                }
            }
        }
        if (missingByRole.isEmpty()) {
            return CheckResult.pass("permissions", "these credentials hold all " + asked.size() + " permissions the deploy uses on project " + args.project());
        }
        List<String> missing = missingByRole.values().stream().flatMap(List::stream).toList();
        String detail = "these credentials lack " + String.join(", ", missing) + " on project " + args.project()
                + "; grant them (for example " + String.join(", ", missingByRole.keySet()) + ") to the identity that runs pulumi up";
        if (IN_CLUSTER.containsAll(missing) && clusterExists(api, spec, args)) {
            return CheckResult.unknown("permissions", detail + ", unless Kubernetes RBAC in cluster " + spec.name() + " grants the Kubernetes ones");
        }
        return CheckResult.fail("permissions", detail);
    }

    private static boolean clusterExists(GoogleRest api, ClusterSpec spec, GcpTargetArgs args) {
        return api.cluster(args.project(), args.region(), spec.name()).status() != 404;
    }
}
