package io.codezero.azure.cluster;

import java.util.Locale;

/**
 * The rule between {@code adminPrincipalIds} and {@code grantDeployerAdmin}: Azure keeps one assignment
 * of a role to a principal at a scope and refuses a second one under another name
 * ({@code RoleAssignmentExists}), so the identity running {@code pulumi up} may not also be listed when
 * it is granted cluster admin as the deployer.
 */
final class AdminPrincipals {
    private AdminPrincipals() {
    }

    /**
     * Returns {@code principal} unless it is the deployer's object id; then fails with the field, the
     * value and the two ways out. Object ids are GUIDs: compared without regard to case.
     */
    static String notTheDeployer(int index, String principal, String deployerObjectId) {
        if (deployerObjectId != null && principal.toLowerCase(Locale.ROOT).equals(deployerObjectId.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("azure.adminPrincipalIds[" + index + "]: " + principal
                    + " is the identity running `pulumi up`, which grantDeployerAdmin (default true) already makes cluster admin;"
                    + " Azure refuses a second assignment of the same role to the same principal (RoleAssignmentExists)."
                    + " Remove it from adminPrincipalIds, or, when several identities run `pulumi up`, list every one of them"
                    + " in adminPrincipalIds and set grantDeployerAdmin: false");
        }
        return principal;
    }
}
