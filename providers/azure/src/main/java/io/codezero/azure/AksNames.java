package io.codezero.azure;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** Names and well-known ids AKS and Entra ID fix; and the stable names this target derives. */
public final class AksNames {
    /** The cluster's own system pool (kept small, CriticalAddonsOnly): spec pools may not use the name. */
    public static final String SYSTEM_POOL = "czsystem";
    /**
     * The application id of the AKS Entra ID server ("Azure Kubernetes Service AAD Server"): the
     * audience of every token an AKS cluster with managed Entra ID integration accepts.
     */
    public static final String AKS_AAD_SERVER_APP_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

    /** Built-in role definition ids (the same in every tenant). */
    public static final String ROLE_NETWORK_CONTRIBUTOR = "4d97b98b-1d4f-4787-a291-c67834d212e7";
    /** Key Vault Crypto User: lets the control plane wrap and unwrap with the KMS key. */
    public static final String ROLE_KEY_VAULT_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424";
    /** Key Vault Crypto Officer: creates and manages keys in an RBAC vault (a data role; Owner does not include it). */
    public static final String ROLE_KEY_VAULT_CRYPTO_OFFICER = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603";
    /** Azure Kubernetes Service RBAC Cluster Admin: full access to the cluster's Kubernetes API through Entra ID. */
    public static final String ROLE_AKS_RBAC_CLUSTER_ADMIN = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b";

    private AksNames() {
    }

    /** The control plane's Network Contributor grant on the node subnet (the {@code what} of {@link #grantName}). */
    public static final String GRANT_NETWORK_CONTRIBUTOR = "network-contributor";
    /** The control plane's Key Vault Crypto User grant on the KMS vault (the {@code what} of {@link #grantName}). */
    public static final String GRANT_KMS_CRYPTO_USER = "kms-crypto-user";

    /**
     * The name of a role assignment this target makes: a GUID from the resource group, the cluster, the
     * grant, the scope and the principal, so stable across runs and new when the scope or the principal
     * changes (both force a replacement in azure-native).
     * @param resourceGroup the cluster's resource group
     * @param cluster       the cluster's name
     * @param what          the grant, e.g. {@link #GRANT_NETWORK_CONTRIBUTOR}
     * @param scope         the resource id the role is assigned on
     * @param principal     the principal's object id
     * @return the role assignment's name
     */
    public static String grantName(String resourceGroup, String cluster, String what, String scope, String principal) {
        return roleAssignmentName(resourceGroup, cluster, what, scope, principal);
    }

    /**
     * The node resource group AKS creates for a cluster in {@code resourceGroup}: {@code <group>-nodes}.
     * Fixed at create (a change replaces the cluster), and AKS refuses a name that already exists.
     * @param resourceGroup the cluster's resource group
     * @return the node resource group's name
     */
    public static String nodeResourceGroup(String resourceGroup) {
        return resourceGroup + "-nodes";
    }

    /**
     * Role assignment names must be GUIDs; derived from what they bind, so the same program gives the same name.
     * @param parts what the assignment binds (scope, role, principal), in a fixed order
     * @return a GUID, stable for the same parts
     */
    public static String roleAssignmentName(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Key Vault names are global across Azure, 3-24 letters, digits and hyphens, starting with a
     * letter: "kv", the cluster name shortened to 12, "-", and 8 hex digits of a hash of
     * {@code uniqueSeed} (a value unique to this stack's deployment, see
     * {@link io.codezero.azure.cluster.SecretsKey#create}).
     * @param cluster the spec's cluster name
     * @param uniqueSeed a value unique to this stack's deployment
     * @return the vault's name, at most 24 characters
     */
    public static String keyVaultName(String cluster, String uniqueSeed) {
        String base = cluster.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "kv" + base.substring(0, Math.min(12, base.length())) + "-" + roleAssignmentName(uniqueSeed).replace("-", "").substring(0, 8);
    }

    /**
     * The id of a built-in role definition as seen from {@code scope}: {@code /subscriptions/<s>/providers/
     * Microsoft.Authorization/roleDefinitions/<role>} where {@code <s>} is the scope's own subscription
     * (an adopted subnet or key vault may live in another subscription than the deployment's), else
     * {@code currentSubscription}. Built-in roles have the same GUID everywhere, but a role assignment
     * must name its definition through the subscription it is made in.
     * @param scope the resource id the assignment is made on, may be {@code null}
     * @param currentSubscription the deployment's subscription ID
     * @param role one of the {@code ROLE_} GUIDs
     * @return the role definition's resource id
     */
    public static String builtInRoleDefinitionId(String scope, String currentSubscription, String role) {
        String subscription = currentSubscription;
        String[] parts = scope == null ? new String[0] : scope.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equalsIgnoreCase("subscriptions") && !parts[i + 1].isEmpty()) {
                subscription = parts[i + 1];
                break;
            }
        }
        return "/subscriptions/" + subscription + "/providers/Microsoft.Authorization/roleDefinitions/" + role;
    }
}
