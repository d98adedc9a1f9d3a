package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.firstLine;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import io.codezero.core.preflight.CheckResult;

/**
 * Whether the credentials the deployment will use get a Resource Manager token at all: every other
 * check, and pulumi-azure-native itself, needs one, so without it the preflight stops here and says
 * the ways to sign in.
 */
final class Credentials {
    private final AzureClients clients;

    Credentials(AzureClients clients) {
        this.clients = clients;
    }

    /** @return PASS with the token's expiry, or FAIL with the ways to sign in */
    CheckResult run() {
        try {
            AccessToken token = clients.credential().getTokenSync(new TokenRequestContext().addScopes(AzureClients.MANAGEMENT_SCOPE));
            return CheckResult.pass("credentials", "got an Azure Resource Manager token valid until " + token.getExpiresAt());
        } catch (RuntimeException e) {
            return CheckResult.fail("credentials", "no Azure credentials could get a token (" + firstLine(e)
                    + "); set the ARM_* variables pulumi-azure-native uses (ARM_CLIENT_ID, ARM_TENANT_ID and ARM_CLIENT_SECRET, or ARM_USE_OIDC),"
                    + " sign in with az login, set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET, or run where a managed or workload identity is available");
        }
    }
}
