package io.codezero.azure.preflight;

import static io.codezero.azure.preflight.ArmFailure.reason;

import com.azure.core.exception.HttpResponseException;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.spec.ClusterSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * The KMS vault's name derives from the control-plane identity's principal id. A created identity
 * is new on every deployment, but an adopted one ({@code controlPlaneIdentityId}) outlives the
 * stack: after a destroy its vault stays soft-deleted with purge protection for 90 days and keeps
 * the name, so re-creating the stack would fail when the vault is created, after the network and
 * grants exist. Reads the identity's principal id (User Assigned Identities - Get), asks whether
 * the name is free (Vaults - Check Name Availability) and, when it is not, whether it is this
 * stack's running vault (Vaults - List By Resource Group).
 */
final class KeyVaultName {
    private final AzureClients clients;

    KeyVaultName(AzureClients clients) {
        this.clients = clients;
    }

    /** @return empty unless the KMS vault is created and named after an adopted control-plane identity */
    Optional<CheckResult> run(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        if (args.secretsEncryption() != AzureTargetArgs.SecretsEncryption.KEY_VAULT || args.kmsKeyId().isPresent()
                || args.controlPlaneIdentityId().isEmpty()) {
            return Optional.empty();
        }
        String vault;
        try {
            var identity = clients.arm(com.azure.core.http.HttpMethod.GET, args.controlPlaneIdentityId().get(), "2023-01-31", null);
            vault = io.codezero.azure.AksNames.keyVaultName(spec.name(), identity.getAsJsonObject("properties").get("principalId").getAsString());
        } catch (RuntimeException e) {
            return Optional.of(CheckResult.unknown("key-vault-name", "could not read the principal id of azure.controlPlaneIdentityId, which names the"
                    + " KMS vault (" + reason(e) + ")"));
        }
        try {
            var check = new com.google.gson.JsonObject();
            check.addProperty("name", vault);
            check.addProperty("type", "Microsoft.KeyVault/vaults");
            var answer = clients.arm(com.azure.core.http.HttpMethod.POST, "/subscriptions/" + subscriptionId + "/providers/Microsoft.KeyVault/checkNameAvailability",
                    "2023-02-01", check.toString());
            if (answer.has("nameAvailable") && answer.get("nameAvailable").getAsBoolean()) {
                return Optional.of(CheckResult.pass("key-vault-name", "the KMS vault name " + vault + " is free"));
            }
            if (ownVaults(subscriptionId, args.resourceGroupFor(spec.name())).contains(vault.toLowerCase(Locale.ROOT))) {
                return Optional.of(CheckResult.pass("key-vault-name", "the KMS vault " + vault + " is this stack's, in resource group "
                        + args.resourceGroupFor(spec.name())));
            }
            String why = answer.has("message") && !answer.get("message").isJsonNull() ? " (" + answer.get("message").getAsString() + ")" : "";
            return Optional.of(CheckResult.fail("key-vault-name", "the KMS vault name " + vault + ", derived from azure.controlPlaneIdentityId, is taken" + why
                    + ": a vault of an earlier deployment with this identity stays soft-deleted with purge protection for 90 days; recover it"
                    + " (az keyvault recover --name " + vault + ") and pass its key with kms.keyId and kms.keyVaultId, or use another"
                    + " controlPlaneIdentityId (docs/azure.md, \"Destroy, what it leaves, and re-creating\")"));
        } catch (RuntimeException e) {
            return Optional.of(CheckResult.unknown("key-vault-name", "could not ask whether the KMS vault name " + vault + " is free (" + reason(e) + ")"));
        }
    }

    /** The names (lower case) of the vaults in {@code group}; none when the group does not exist yet. */
    private java.util.Set<String> ownVaults(String subscriptionId, String group) {
        java.util.Set<String> names = new java.util.HashSet<>();
        try {
            var list = clients.arm(com.azure.core.http.HttpMethod.GET, "/subscriptions/" + subscriptionId + "/resourceGroups/" + group
                    + "/providers/Microsoft.KeyVault/vaults", "2023-02-01", null);
            list.getAsJsonArray("value").forEach(v -> names.add(v.getAsJsonObject().get("name").getAsString().toLowerCase(Locale.ROOT)));
        } catch (HttpResponseException e) {
            if (e.getResponse() == null || e.getResponse().getStatusCode() != 404) {
                throw e;
            }
        }
        return names;
    }
}
