package io.codezero.pkg.shape;

/** {@code azure.kms}. */
@Doc("A Key Vault key of your own for secrets encryption.")
public final class AzureKmsShape {
    @Doc("The versioned key URL.")
    String keyId;

    @Doc("Its vault's resource id.")
    String keyVaultId;

    /** Not constructed: a shape is read by reflection only. */
    private AzureKmsShape() {
    }
}
