package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.reason;

import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure keeps one assignment of a role to a principal at a scope: a second one under another name
 * fails with RoleAssignmentExists. With an adopted control-plane identity and an adopted subnet or
 * KMS vault, the identity's Network Contributor (or Key Vault Crypto User) grant there has often
 * been made already, as AKS documents for a pre-created identity; the grant this target makes
 * would then fail after the other pieces exist. Lists the identity's assignments at each scope
 * (Role Assignments - List For Scope) and fails on one of the same role at that very scope that is
 * not this stack's own (by its name, {@link io.codezero.azure.AksNames#grantName}).
 */
final class GrantsMadeElsewhere {
    private final AzureClients clients;

    GrantsMadeElsewhere(AzureClients clients) {
        this.clients = clients;
    }

    /** @return one result per adopted subnet or vault, none when the control-plane identity is created */
    List<CheckResult> run(ClusterSpec spec, AzureTargetArgs args) {
        if (args.controlPlaneIdentityId().isEmpty()) {
            return List.of(); // a created identity is new: nothing can hold a grant for it yet
        }
        Map<String, String[]> grants = new LinkedHashMap<>();
        args.existingSubnetId().ifPresent(id -> grants.put(id, new String[] {io.codezero.azure.AksNames.GRANT_NETWORK_CONTRIBUTOR,
                io.codezero.azure.AksNames.ROLE_NETWORK_CONTRIBUTOR, "Network Contributor"}));
        if (args.secretsEncryption() == AzureTargetArgs.SecretsEncryption.KEY_VAULT) {
            args.kmsKeyVaultId().ifPresent(id -> grants.put(id, new String[] {io.codezero.azure.AksNames.GRANT_KMS_CRYPTO_USER,
                    io.codezero.azure.AksNames.ROLE_KEY_VAULT_CRYPTO_USER, "Key Vault Crypto User"}));
        }
        if (grants.isEmpty()) {
            return List.of();
        }
        String principal;
        try {
            principal = clients.arm(com.azure.core.http.HttpMethod.GET, args.controlPlaneIdentityId().get(), "2023-01-31", null)
                    .getAsJsonObject("properties").get("principalId").getAsString();
        } catch (RuntimeException e) {
            return List.of(CheckResult.unknown("existing-grants", "could not read the principal id of azure.controlPlaneIdentityId (" + reason(e)
                    + "); make sure it holds no grant this target makes itself, or set createRoleAssignments: false"));
        }
        List<CheckResult> results = new ArrayList<>();
        String group = args.resourceGroupFor(spec.name());
        for (var grant : grants.entrySet()) {
            String scope = grant.getKey();
            String[] g = grant.getValue();
            String ours = io.codezero.azure.AksNames.grantName(group, spec.name(), g[0], scope, principal);
            try {
                String filter = java.net.URLEncoder.encode("principalId eq '" + principal + "'", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
                var list = clients.arm(com.azure.core.http.HttpMethod.GET, scope + "/providers/Microsoft.Authorization/roleAssignments?$filter=" + filter,
                        "2022-04-01", null).getAsJsonArray("value");
                Optional<String> other = java.util.stream.StreamSupport.stream(list.spliterator(), false).map(e -> e.getAsJsonObject())
                        .filter(a -> {
                            var p = a.getAsJsonObject("properties");
                            return p != null && principal.equalsIgnoreCase(text(p, "principalId")) && scope.equalsIgnoreCase(text(p, "scope"))
                                    && text(p, "roleDefinitionId").toLowerCase(Locale.ROOT).endsWith("/" + g[1]);
                        })
                        .map(a -> text(a, "name")).filter(name -> !name.equalsIgnoreCase(ours)).findFirst();
                if (other.isPresent()) {
                    results.add(CheckResult.fail("existing-grants", "azure.controlPlaneIdentityId already holds " + g[2] + " on " + scope
                            + " (role assignment " + other.get() + ", made outside this stack), and Azure refuses the identical one this target"
                            + " makes (RoleAssignmentExists); set createRoleAssignments: false if every grant was made beforehand (docs/azure.md,"
                            + " \"The deployer's role\"), or remove that assignment and let this stack make it"));
                } else {
                    results.add(CheckResult.pass("existing-grants", "no " + g[2] + " grant of the control-plane identity on "
                            + scope.substring(scope.lastIndexOf('/') + 1) + " other than this stack's"));
                }
            } catch (RuntimeException e) {
                results.add(CheckResult.unknown("existing-grants", "could not list the role assignments on " + scope + " (" + reason(e) + ")"));
            }
        }
        return results;
    }

    private static String text(com.google.gson.JsonObject object, String key) {
        return object.has(key) && !object.get(key).isJsonNull() ? object.get(key).getAsString() : "";
    }
}
