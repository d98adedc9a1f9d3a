package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.firstLine;
import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.core.exception.HttpResponseException;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployer's right to create role assignments (Microsoft.Authorization/roleAssignments/write, which
 * Contributor lacks) wherever this target makes grants: in the cluster's resource group (or, before a
 * first up creates it, on the subscription) for the control plane, the deployer and the admins, and at
 * each adopted subnet or KMS vault, which often lives in another team's group or subscription. Without
 * it a grant fails with AuthorizationFailed after the identity, network and vault exist.
 */
final class RoleAssignmentRights {
    private final AzureClients clients;

    RoleAssignmentRights(AzureClients clients) {
        this.clients = clients;
    }

    /**
     * The target creates role assignments (control plane, deployer, admins): the deployer needs
     * Microsoft.Authorization/roleAssignments/write, which Contributor lacks.
     */
    CheckResult inResourceGroup(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        String group = args.resourceGroupFor(spec.name());
        String need = "; the deployer needs Owner, User Access Administrator or Role Based Access Control Administrator on the resource group"
                + " (or the subscription), or set azure.createRoleAssignments: false with grants made beforehand (docs/azure.md)";
        try {
            if (RoleAssignmentPermission.allows(clients.permissions(subscriptionId, group), RoleAssignmentPermission.WRITE)) {
                return CheckResult.pass("role-assignments", "these credentials may create role assignments in resource group " + group);
            }
            return CheckResult.fail("role-assignments", "these credentials may not create role assignments in resource group " + group
                    + " (no " + RoleAssignmentPermission.WRITE + ": Contributor does not have it)" + need);
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return args.adoptResourceGroup()
                        ? CheckResult.unknown("role-assignments", "resource group " + group + " does not exist, so its permissions cannot be listed" + need)
                        : onSubscription(subscriptionId, group, need);
            }
            return CheckResult.unknown("role-assignments", "could not list the permissions on resource group " + group + " (" + reason(e) + ")" + need);
        } catch (RuntimeException e) {
            return CheckResult.unknown("role-assignments", "could not list the permissions on resource group " + group + " (" + firstLine(e) + ")" + need);
        }
    }

    /**
     * Before a first up the group this target creates does not exist, and the deployer's rights on it
     * will be those it holds on the subscription: ask there ({@code /subscriptions/<id>/providers/
     * Microsoft.Authorization/permissions}, the same operation at subscription scope; the REST
     * specification documents only its group and resource forms, so a refusal stays UNKNOWN).
     */
    private CheckResult onSubscription(String subscriptionId, String group, String need) {
        try {
            if (RoleAssignmentPermission.allows(clients.permissionsAt("/subscriptions/" + subscriptionId), RoleAssignmentPermission.WRITE)) {
                return CheckResult.pass("role-assignments", "resource group " + group + " does not exist yet; these credentials may create role"
                        + " assignments on subscription " + subscriptionId + ", so in the group this target creates");
            }
            return CheckResult.fail("role-assignments", "resource group " + group + " does not exist yet, and these credentials may not create role"
                    + " assignments on subscription " + subscriptionId + " (no " + RoleAssignmentPermission.WRITE + ": Contributor does not have it),"
                    + " so neither in the group this target creates" + need);
        } catch (RuntimeException e) {
            return CheckResult.unknown("role-assignments", "resource group " + group + " does not exist yet, so its permissions cannot be listed,"
                    + " nor the subscription's (" + reason(e) + ")" + need);
        }
    }

    /**
     * The control plane's grants on an adopted subnet (Network Contributor) and an adopted KMS key
     * vault (Key Vault Crypto User) are made at those resources, which often live in another team's
     * resource group or subscription: a right to assign roles in the cluster's own group does not
     * reach them, and the grant would fail with AuthorizationFailed after the identity, network
     * pieces and vault exist. One check per adopted resource (Permissions - List For Resource).
     */
    List<CheckResult> onAdoptedResources(AzureTargetArgs args) {
        Map<String, String> scopes = new LinkedHashMap<>();
        args.existingSubnetId().ifPresent(id -> scopes.put(id, "azure.vnet.subnetId (Network Contributor for the control plane)"));
        if (args.secretsEncryption() == AzureTargetArgs.SecretsEncryption.KEY_VAULT) {
            args.kmsKeyVaultId().ifPresent(id -> scopes.put(id, "azure.kms.keyVaultId (Key Vault Crypto User for the control plane)"));
        }
        List<CheckResult> results = new ArrayList<>();
        String need = "; the deployer needs Owner, User Access Administrator or Role Based Access Control Administrator there (or on its"
                + " resource group), or someone who has it makes the grant beforehand with azure.createRoleAssignments: false (docs/azure.md)";
        for (var scope : scopes.entrySet()) {
            String name = scope.getKey().substring(scope.getKey().lastIndexOf('/') + 1);
            try {
                if (RoleAssignmentPermission.allows(clients.permissionsAt(scope.getKey()), RoleAssignmentPermission.WRITE)) {
                    results.add(CheckResult.pass("role-assignments", "these credentials may create role assignments on " + name + ", " + scope.getValue()));
                } else {
                    results.add(CheckResult.fail("role-assignments", "these credentials may not create role assignments on " + name + ", "
                            + scope.getValue() + " (no " + RoleAssignmentPermission.WRITE + " at " + scope.getKey() + ")" + need));
                }
            } catch (RuntimeException e) {
                results.add(CheckResult.unknown("role-assignments", "could not list the permissions on " + scope.getKey() + " (" + reason(e) + ")" + need));
            }
        }
        return results;
    }
}
