package io.codezero.azure.cluster;

import com.pulumi.azurenative.keyvault.Key;
import com.pulumi.azurenative.keyvault.KeyArgs;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.keyvault.VaultArgs;
import com.pulumi.azurenative.keyvault.enums.SkuName;
import com.pulumi.azurenative.keyvault.inputs.KeyPropertiesArgs;
import com.pulumi.azurenative.keyvault.inputs.SkuArgs;
import com.pulumi.azurenative.keyvault.inputs.VaultPropertiesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.azure.AksNames;
import io.codezero.azure.AzureScope;
import java.util.List;
import java.util.Optional;

/**
 * The key AKS's KMS plugin encrypts Kubernetes secrets in etcd with (API 2023-04-01
 * {@code securityProfile.azureKeyVaultKms}): a Key Vault with Azure RBAC, soft delete and purge
 * protection, and an RSA-2048 key in it; or a key the user brings. AKS pins the key version given
 * here: rotating means a new key version and a new {@code keyId} (an in-place cluster update).
 *
 * @param keyId     the versioned key URL handed to AKS
 * @param vaultId   the vault's resource id: the control plane identity gets Key Vault Crypto User on it
 * @param resources what was created here (empty for a key the user brings)
 * @param vault     the created vault, empty for a key the user brings
 */
public record SecretsKey(Output<String> keyId, Output<String> vaultId, List<Resource> resources, Optional<Vault> vault) {

    /** A key the user brings ({@code kms.keyId}) and its vault's resource id. */
    public static SecretsKey adopt(String keyId, String vaultId) {
        return new SecretsKey(Output.of(keyId), Output.of(vaultId), List.of(), Optional.empty());
    }

    /**
     * Creates the vault and its key. Vault names are global across Azure and a deleted vault keeps its
     * name for 90 days (soft delete with purge protection), so the name carries a suffix from
     * {@code uniqueSeed}: the control-plane identity's principal id, a GUID Azure picks when the
     * identity is created and the Pulumi state keeps. Every stack gets its own name, the same one on
     * every run, and a stack destroyed and re-created gets a new one (with an adopted identity the name
     * repeats: docs/azure.md says how to recover the vault).
     *
     * <p>{@code keyWriterGrants} makes, for the new vault, the data-plane grants the key's creation
     * needs. The vault uses Azure RBAC, so writing a key into it (and azure-native's existence check
     * before the create, a read of the key) needs a Key Vault data role such as Key Vault Crypto Officer,
     * which no control-plane role (Owner, Contributor) includes: the key waits for those grants to exist
     * and to propagate (bounded, {@link RolePropagation#KEY_VAULT}).
     */
    public static SecretsKey create(AzureScope scope, Output<String> resourceGroupName, Output<String> tenantId, Output<String> uniqueSeed,
                                    List<Resource> after, java.util.function.Function<Vault, List<com.pulumi.azurenative.authorization.RoleAssignment>> keyWriterGrants) {
        Output<String> vaultName = uniqueSeed.applyValue(seed -> AksNames.keyVaultName(scope.clusterName(), seed));
        var vault = new Vault(scope.name("secrets-vault"), VaultArgs.builder()
                .resourceGroupName(resourceGroupName)
                .vaultName(vaultName)
                .location(scope.location())
                .properties(VaultPropertiesArgs.builder()
                        .tenantId(tenantId)
                        .sku(SkuArgs.builder().family("A").name(SkuName.Standard).build())
                        // data-plane access through Azure RBAC role assignments only, no access policies
                        .enableRbacAuthorization(true)
                        .enableSoftDelete(true)
                        .softDeleteRetentionInDays(90)
                        // a deleted key cannot be purged before its retention ends: secrets stay recoverable
                        .enablePurgeProtection(true)
                        .publicNetworkAccess("Enabled")
                        .build())
                .tags(scope.tags())
                .build(), scope.opts(after));
        List<com.pulumi.azurenative.authorization.RoleAssignment> writers = keyWriterGrants.apply(vault);
        var key = new Key(scope.name("secrets-key"), KeyArgs.builder()
                .resourceGroupName(resourceGroupName)
                .vaultName(RolePropagation.real().after(writers, RolePropagation.KEY_VAULT, vault.name()))
                .keyName(scope.clusterName() + "-etcd")
                .properties(KeyPropertiesArgs.builder().kty("RSA").keySize(2048).build())
                .tags(scope.tags())
                .build(), scope.opts(new java.util.ArrayList<>(writers)));
        List<Resource> resources = new java.util.ArrayList<>(List.of(vault, key));
        resources.addAll(writers);
        return new SecretsKey(key.keyUriWithVersion(), vault.id(), List.copyOf(resources), Optional.of(vault));
    }
}
