package io.codezero.azure.preflight;

import com.azure.core.credential.TokenRequestContext;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import java.util.Optional;

/**
 * The deployer is made cluster admin by {@code grantDeployerAdmin}; listed in {@code adminPrincipalIds}
 * too it would get a second identical role assignment, which Azure refuses (RoleAssignmentExists).
 * Its object id is the {@code oid} claim of its Resource Manager access token.
 */
final class AdminPrincipals {
    private final AzureClients clients;

    AdminPrincipals(AzureClients clients) {
        this.clients = clients;
    }

    /** Made only when the target creates role assignments, grantDeployerAdmin is set and adminPrincipalIds is not empty. */
    CheckResult run(AzureTargetArgs args) {
        Optional<String> oid;
        try {
            oid = DeployerObjectId.of(clients.credential().getTokenSync(new TokenRequestContext().addScopes(AzureClients.MANAGEMENT_SCOPE)).getToken());
        } catch (RuntimeException e) {
            oid = Optional.empty();
        }
        if (oid.isEmpty()) {
            return CheckResult.unknown("admin-principals", "could not read the deployer's object id from its token; make sure azure.adminPrincipalIds"
                    + " does not list the identity running pulumi up while grantDeployerAdmin is true");
        }
        for (int i = 0; i < args.adminPrincipalIds().size(); i++) {
            if (args.adminPrincipalIds().get(i).equalsIgnoreCase(oid.get())) {
                return CheckResult.fail("admin-principals", "azure.adminPrincipalIds[" + i + "] " + args.adminPrincipalIds().get(i)
                        + " is the identity running pulumi up, already made cluster admin by grantDeployerAdmin; Azure refuses the second,"
                        + " identical role assignment (RoleAssignmentExists): remove it, or list every deploying identity and set grantDeployerAdmin: false");
            }
        }
        return CheckResult.pass("admin-principals", "the deployer (" + oid.get() + ") is not listed again in azure.adminPrincipalIds");
    }
}
