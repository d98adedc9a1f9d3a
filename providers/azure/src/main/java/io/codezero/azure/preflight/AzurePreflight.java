package io.codezero.azure.preflight;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.fluent.models.UsageInner;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictions;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictionsType;
import com.azure.resourcemanager.containerservice.models.KubernetesVersion;
import com.azure.resourcemanager.network.fluent.models.SubnetInner;
import com.azure.resourcemanager.resources.fluent.models.SubscriptionInner;
import com.azure.resourcemanager.resources.models.SubscriptionState;
import io.codezero.azure.AksNames;
import io.codezero.azure.AzureTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Read-only checks against the Azure subscription before anything is created, so a deploy does not
 * fail half-way: credentials, subscription state, location, the resource providers registered, the
 * node resource group not taken, the Kubernetes version offered by AKS
 * there, every pool's VM size offered in the location's chosen zones and not restricted for the
 * subscription, the vCPU quota of each VM family (and of spot) for every pool at its maximum size,
 * and an adopted subnet. Each failure is one sentence saying what is wrong and what to do. A check
 * that cannot be made is reported as UNKNOWN, never as a pass.
 */
public final class AzurePreflight {
    private final AzureClients clients;
    /** The subscriptions listed by the subscription check, for the location check. */
    private final Map<String, com.azure.resourcemanager.resources.models.Subscription> fluent = new LinkedHashMap<>();

    /** The API server's port (AKS serves it on 443); tests point it at a loopback listener. */
    private final int apiServerPort;
    /** The environment, for the proxy variables the Kubernetes provider honours. */
    private final Map<String, String> environment;

    public AzurePreflight(AzureClients clients) {
        this(clients, 443, System.getenv());
    }

    AzurePreflight(AzureClients clients, int apiServerPort, Map<String, String> environment) {
        this.clients = clients;
        this.apiServerPort = apiServerPort;
        this.environment = Map.copyOf(environment);
    }

    public static AzurePreflight forArgs(AzureTargetArgs args) {
        return new AzurePreflight(AzureClients.forDefaultCredential(args.tenantId().orElse(null)));
    }

    public PreflightReport run(ClusterSpec spec, AzureTargetArgs args) {
        List<CheckResult> results = new ArrayList<>();
        CheckResult credentials = credentials();
        results.add(credentials);
        if (credentials.status() != CheckStatus.PASS) {
            return new PreflightReport("Azure", results);
        }
        List<String> chosen = new ArrayList<>();
        CheckResult subscription = subscription(args, chosen);
        results.add(subscription);
        if (subscription.status() != CheckStatus.PASS) {
            return new PreflightReport("Azure", results);
        }
        String subscriptionId = chosen.get(0);
        CheckResult location = location(subscriptionId, args.location());
        results.add(location);
        if (location.status() == CheckStatus.FAIL) {
            return new PreflightReport("Azure", results);
        }
        results.add(resourceProviders(subscriptionId, args));
        results.add(kubernetesVersion(subscriptionId, args, spec.kubernetesVersion()));
        Map<String, List<String>> poolsBySize = poolsBySize(spec, args);
        Map<String, ResourceSkuInner> skus = new LinkedHashMap<>();
        results.addAll(vmSizes(subscriptionId, args, poolsBySize, skus));
        if (!skus.isEmpty()) {
            results.addAll(vcpuQuotas(subscriptionId, spec, args, skus));
        }
        systemPoolChange(subscriptionId, spec, args).ifPresent(results::add);
        results.add(nodeResourceGroup(subscriptionId, spec, args));
        keyVaultName(subscriptionId, spec, args).ifPresent(results::add);
        kubernetesUpgrade(subscriptionId, spec, args).ifPresent(results::add);
        apiServerReachable(subscriptionId, spec, args).ifPresent(results::add);
        if (args.adoptResourceGroup()) {
            results.add(adoptedResourceGroup(subscriptionId, spec, args));
        }
        if (args.adoptsNetwork()) {
            results.add(adoptedSubnet(args));
        }
        if (args.createRoleAssignments()) {
            results.add(roleAssignments(subscriptionId, spec, args));
            results.addAll(roleAssignmentsOnAdoptedResources(args));
            results.addAll(grantsMadeElsewhere(spec, args));
            if (args.grantDeployerAdmin() && !args.adminPrincipalIds().isEmpty()) {
                results.add(deployerNotListedAsAdmin(args));
            }
        }
        return new PreflightReport("Azure", results);
    }

    /**
     * The resource providers whose resources this deployment creates, directly or through AKS (which
     * creates scale sets, load balancers, public IPs, disks and the kubelet identity in the node resource
     * group of the same subscription). azure-native sends plain PUTs, which ARM refuses with
     * MissingSubscriptionRegistration in a subscription where the namespace is not registered; ARM
     * registers namespaces by itself only for template deployments and the portal.
     * @param args the target's settings: the KMS vault and Container insights add their namespaces
     * @return the namespaces, in the order the deployment first needs them
     */
    public static List<String> requiredResourceProviders(AzureTargetArgs args) {
        List<String> namespaces = new ArrayList<>(List.of("Microsoft.Network", "Microsoft.ManagedIdentity", "Microsoft.ContainerService", "Microsoft.Compute"));
        if (args.secretsEncryption() == AzureTargetArgs.SecretsEncryption.KEY_VAULT && args.kmsKeyId().isEmpty()) {
            namespaces.add(1, "Microsoft.KeyVault");
        }
        if (args.logAnalyticsWorkspaceId().isPresent()) {
            namespaces.add("Microsoft.Insights");
        }
        return List.copyOf(namespaces);
    }

    /**
     * Every namespace of {@link #requiredResourceProviders} is {@code Registered} on the subscription
     * (Providers - Get). Registering is a subscription-wide action (each namespace's {@code register/action}, in
     * Contributor at the subscription), which a deployer scoped to one resource group cannot take.
     */
    CheckResult resourceProviders(String subscriptionId, AzureTargetArgs args) {
        List<String> missing = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (String namespace : requiredResourceProviders(args)) {
            try {
                String state = clients.resources(subscriptionId).getProviders().get(namespace).registrationState();
                if (!"Registered".equalsIgnoreCase(state)) {
                    missing.add(namespace + " (" + state + ")");
                }
            } catch (RuntimeException e) {
                unread.add(namespace + " (" + reason(e) + ")");
            }
        }
        String register = "; register " + (missing.size() == 1 ? "it" : "them") + " once per subscription (az provider register --namespace <name>,"
                + " which needs Contributor or Owner on the subscription) and wait until each is Registered";
        if (!missing.isEmpty()) {
            return CheckResult.fail("resource-providers", "subscription " + subscriptionId + " has not registered " + String.join(", ", missing)
                    + ", and Azure refuses every resource of an unregistered namespace (MissingSubscriptionRegistration)" + register);
        }
        if (!unread.isEmpty()) {
            return CheckResult.unknown("resource-providers", "could not read the registration of " + String.join(", ", unread)
                    + "; make sure they are Registered (az provider show --namespace <name>)");
        }
        return CheckResult.pass("resource-providers", "subscription " + subscriptionId + " has registered " + String.join(", ", requiredResourceProviders(args)));
    }

    /**
     * AKS creates the node resource group itself and refuses a name that exists
     * (NodeResourceGroupAlreadyExists): the target names it {@code <group>-nodes}, so a second cluster
     * in the same resource group, or a node group left behind by a delete that did not finish, would
     * fail the create after the network, vault and grants exist. Passes when the group does not
     * exist, or is the running cluster's own.
     */
    CheckResult nodeResourceGroup(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        String group = args.resourceGroupFor(spec.name());
        String nodes = io.codezero.azure.AksNames.nodeResourceGroup(group);
        com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner found;
        try {
            found = clients.resources(subscriptionId).getResourceGroups().get(nodes);
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return CheckResult.pass("node-resource-group", "node resource group " + nodes + " does not exist yet; AKS creates it with the cluster");
            }
            return CheckResult.unknown("node-resource-group", "could not read resource group " + nodes + " (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("node-resource-group", "could not read resource group " + nodes + " (" + firstLine(e) + ")");
        }
        String clusterNodes = null;
        try {
            var cluster = clients.containerService(subscriptionId).getManagedClusters().getByResourceGroup(group, spec.name());
            clusterNodes = cluster == null ? null : cluster.nodeResourceGroup();
        } catch (RuntimeException e) {
            // 404: no cluster yet, so the group is not its own
        }
        if (nodes.equalsIgnoreCase(clusterNodes)) {
            return CheckResult.pass("node-resource-group", "node resource group " + nodes + " is cluster " + spec.name() + "'s own");
        }
        String owner = found.managedBy() == null ? "" : ", managed by " + found.managedBy();
        return CheckResult.fail("node-resource-group", "resource group " + nodes + " already exists" + owner + ", and AKS creates the cluster's node"
                + " resource group itself and refuses an existing one (NodeResourceGroupAlreadyExists); it is another cluster's in resource group "
                + group + " (give this cluster its own azure.resourceGroup) or a leftover of a delete that did not finish (delete it once"
                + " nothing in it is needed)");
    }

    /**
     * The target creates role assignments (control plane, deployer, admins): the deployer needs
     * Microsoft.Authorization/roleAssignments/write, which Contributor lacks.
     */
    CheckResult roleAssignments(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
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
     * The KMS vault's name derives from the control-plane identity's principal id. A created identity
     * is new on every deployment, but an adopted one ({@code controlPlaneIdentityId}) outlives the
     * stack: after a destroy its vault stays soft-deleted with purge protection for 90 days and keeps
     * the name, so re-creating the stack would fail when the vault is created, after the network and
     * grants exist. Reads the identity's principal id (User Assigned Identities - Get), asks whether
     * the name is free (Vaults - Check Name Availability) and, when it is not, whether it is this
     * stack's running vault (Vaults - List By Resource Group).
     */
    Optional<CheckResult> keyVaultName(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
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

    /**
     * An adopted resource group ({@code adoptResourceGroup: true}) must exist: the target never
     * creates it, and every resource of the plan would fail with ResourceGroupNotFound.
     */
    CheckResult adoptedResourceGroup(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        String group = args.resourceGroupFor(spec.name());
        try {
            var found = clients.resources(subscriptionId).getResourceGroups().get(group);
            return CheckResult.pass("resource-group", "resource group " + group + " exists (" + found.location() + ")");
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return CheckResult.fail("resource-group", "resource group " + group + " does not exist in subscription " + subscriptionId
                        + ", and adoptResourceGroup: true means this target never creates it; create it first, fix azure.resourceGroup,"
                        + " or set adoptResourceGroup: false");
            }
            return CheckResult.unknown("resource-group", "could not read resource group " + group + " (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("resource-group", "could not read resource group " + group + " (" + firstLine(e) + ")");
        }
    }

    /**
     * The control plane's grants on an adopted subnet (Network Contributor) and an adopted KMS key
     * vault (Key Vault Crypto User) are made at those resources, which often live in another team's
     * resource group or subscription: a right to assign roles in the cluster's own group does not
     * reach them, and the grant would fail with AuthorizationFailed after the identity, network
     * pieces and vault exist. One check per adopted resource (Permissions - List For Resource).
     */
    List<CheckResult> roleAssignmentsOnAdoptedResources(AzureTargetArgs args) {
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

    /**
     * Azure keeps one assignment of a role to a principal at a scope: a second one under another name
     * fails with RoleAssignmentExists. With an adopted control-plane identity and an adopted subnet or
     * KMS vault, the identity's Network Contributor (or Key Vault Crypto User) grant there has often
     * been made already, as AKS documents for a pre-created identity; the grant this target makes
     * would then fail after the other pieces exist. Lists the identity's assignments at each scope
     * (Role Assignments - List For Scope) and fails on one of the same role at that very scope that is
     * not this stack's own (by its name, {@link io.codezero.azure.AksNames#grantName}).
     */
    List<CheckResult> grantsMadeElsewhere(ClusterSpec spec, AzureTargetArgs args) {
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

    /**
     * The deployer is made cluster admin by {@code grantDeployerAdmin}; listed in {@code adminPrincipalIds}
     * too it would get a second identical role assignment, which Azure refuses (RoleAssignmentExists).
     * Its object id is the {@code oid} claim of its Resource Manager access token.
     */
    CheckResult deployerNotListedAsAdmin(AzureTargetArgs args) {
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

    CheckResult credentials() {
        try {
            AccessToken token = clients.credential().getTokenSync(new TokenRequestContext().addScopes(AzureClients.MANAGEMENT_SCOPE));
            return CheckResult.pass("credentials", "got an Azure Resource Manager token valid until " + token.getExpiresAt());
        } catch (RuntimeException e) {
            return CheckResult.fail("credentials", "no Azure credentials could get a token (" + firstLine(e)
                    + "); set the ARM_* variables pulumi-azure-native uses (ARM_CLIENT_ID, ARM_TENANT_ID and ARM_CLIENT_SECRET, or ARM_USE_OIDC),"
                    + " sign in with az login, set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET, or run where a managed or workload identity is available");
        }
    }

    /** Checks the subscription and puts the one the cluster will use into {@code chosen}. */
    CheckResult subscription(AzureTargetArgs args, List<String> chosen) {
        List<SubscriptionInner> visible;
        try {
            visible = new ArrayList<>();
            for (var s : clients.subscriptions().list()) {
                visible.add(s.innerModel());
                fluent.put(s.subscriptionId(), s);
            }
        } catch (HttpResponseException e) {
            if (refused(e)) {
                return CheckResult.fail("subscription", "Azure Resource Manager refused these credentials (" + reason(e)
                        + "); sign in again (az login), or check the service principal's secret and tenant");
            }
            return CheckResult.unknown("subscription", "could not list subscriptions (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("subscription", "could not list subscriptions (" + firstLine(e) + ")");
        }
        String names = visible.stream().map(s -> s.subscriptionId() + " (" + s.displayName() + ")").collect(Collectors.joining(", "));
        SubscriptionInner subscription;
        if (args.subscriptionId().isPresent()) {
            String wanted = args.subscriptionId().get();
            subscription = visible.stream().filter(s -> wanted.equalsIgnoreCase(s.subscriptionId())).findFirst().orElse(null);
            if (subscription == null) {
                return CheckResult.fail("subscription", "subscription " + wanted + " is not visible to these credentials"
                        + (visible.isEmpty() ? "" : "; they see " + names) + "; fix azure.subscriptionId or grant these credentials a role on it");
            }
        } else if (visible.size() == 1) {
            subscription = visible.get(0);
        } else {
            return CheckResult.fail("subscription", visible.isEmpty()
                    ? "these credentials see no subscription; grant them a role (e.g. Contributor) on the subscription to deploy into"
                    : "these credentials see " + visible.size() + " subscriptions (" + names + "); set azure.subscriptionId to the one to deploy into");
        }
        SubscriptionState state = subscription.state();
        if (state != SubscriptionState.ENABLED && state != SubscriptionState.WARNED) {
            return CheckResult.fail("subscription", "subscription " + subscription.subscriptionId() + " (" + subscription.displayName() + ") is " + state
                    + ", so nothing can be created in it; reactivate it in the Azure portal or choose another with azure.subscriptionId");
        }
        chosen.add(subscription.subscriptionId());
        return CheckResult.pass("subscription", "subscription " + subscription.subscriptionId() + " (" + subscription.displayName() + ") is " + state);
    }

    CheckResult location(String subscriptionId, String location) {
        try {
            List<String> names = new ArrayList<>();
            for (var l : fluent.get(subscriptionId).listLocations()) {
                names.add(l.name());
            }
            if (names.contains(location)) {
                return CheckResult.pass("location", "location " + location + " is available to the subscription");
            }
            return CheckResult.fail("location", "location " + location + " is not available to subscription " + subscriptionId
                    + "; it offers " + String.join(", ", new TreeSet<>(names)) + "; set azure.location to one of them");
        } catch (RuntimeException e) {
            return CheckResult.unknown("location", "could not list the subscription's locations (" + reason(e) + ")");
        }
    }

    CheckResult kubernetesVersion(String subscriptionId, AzureTargetArgs args, String version) {
        List<KubernetesVersion> offered;
        try {
            offered = clients.containerService(subscriptionId).getManagedClusters().listKubernetesVersions(args.location()).values();
        } catch (RuntimeException e) {
            return CheckResult.unknown("kubernetes-version", "could not list the Kubernetes versions AKS offers in " + args.location() + " (" + reason(e) + ")");
        }
        Set<String> all = offered == null ? Set.of() : offered.stream().map(KubernetesVersion::version).collect(Collectors.toCollection(TreeSet::new));
        Optional<KubernetesVersion> match = offered == null ? Optional.empty() : offered.stream().filter(v -> version.equals(v.version())).findFirst();
        if (match.isEmpty()) {
            return CheckResult.fail("kubernetes-version", "AKS does not offer Kubernetes " + version + " in " + args.location()
                    + "; it offers " + String.join(", ", all) + "; set kubernetesVersion to one of them");
        }
        if (Boolean.TRUE.equals(match.get().isPreview())) {
            return CheckResult.fail("kubernetes-version", "AKS offers Kubernetes " + version + " in " + args.location()
                    + " only as a preview, without support; set kubernetesVersion to a generally available version");
        }
        var plans = match.get().capabilities() == null || match.get().capabilities().supportPlan() == null ? List.<Object>of()
                : match.get().capabilities().supportPlan().stream().map(Object::toString).map(s -> (Object) s).toList();
        if (!plans.isEmpty() && !plans.contains(args.supportPlan())) {
            return CheckResult.fail("kubernetes-version", "AKS offers Kubernetes " + version + " in " + args.location() + " only with support plan "
                    + plans.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; set azure.supportPlan accordingly or choose another version");
        }
        return CheckResult.pass("kubernetes-version", "AKS offers Kubernetes " + version + " in " + args.location());
    }

    /** Checks every VM size the cluster uses; puts the SKUs found into {@code found} for the quota check. */
    List<CheckResult> vmSizes(String subscriptionId, AzureTargetArgs args, Map<String, List<String>> poolsBySize, Map<String, ResourceSkuInner> found) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, ResourceSkuInner> skus = new LinkedHashMap<>();
        try {
            for (ResourceSkuInner sku : clients.compute(subscriptionId).getResourceSkus()
                    .list("location eq '" + args.location() + "'", null, com.azure.core.util.Context.NONE)) {
                if ("virtualMachines".equalsIgnoreCase(sku.resourceType())) {
                    skus.put(sku.name().toLowerCase(Locale.ROOT), sku);
                }
            }
        } catch (RuntimeException e) {
            results.add(CheckResult.unknown("vm-sizes", "could not list the VM sizes of " + args.location() + " (" + reason(e) + ")"));
            return results;
        }
        for (var entry : poolsBySize.entrySet()) {
            String size = entry.getKey();
            String pools = poolNames(entry.getValue());
            ResourceSkuInner sku = skus.get(size.toLowerCase(Locale.ROOT));
            Optional<List<String>> zonesHere = sku == null ? Optional.empty() : sku.locationInfo() == null ? Optional.of(List.<String>of())
                    : sku.locationInfo().stream().filter(i -> args.location().equalsIgnoreCase(i.location())).findFirst()
                            .map(i -> i.zones() == null ? List.<String>of() : i.zones());
            if (sku == null || zonesHere.isEmpty()) {
                results.add(CheckResult.fail("vm-sizes", "VM size " + size + " (" + pools + ") is not offered in " + args.location()
                        + "; choose another size with azure.vmSizes or azure.systemPool.vmSize, or another location"));
                continue;
            }
            Optional<String> restricted = restriction(sku, args);
            if (restricted.isPresent()) {
                results.add(CheckResult.fail("vm-sizes", "VM size " + size + " (" + pools + ") " + restricted.get()));
                continue;
            }
            List<String> missing = args.zones().stream().filter(z -> !zonesHere.get().contains(z)).toList();
            if (!missing.isEmpty()) {
                results.add(CheckResult.fail("vm-sizes", "VM size " + size + " (" + pools + ") is not offered in zone" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + " of " + args.location() + (zonesHere.get().isEmpty() ? "" : "; it is offered in zones "
                        + String.join(", ", new TreeSet<>(zonesHere.get()))) + "; set azure.zones to zones it is offered in, or choose another size"));
                continue;
            }
            found.put(size, sku);
            results.add(CheckResult.pass("vm-sizes", size + " (" + pools + ") is offered in " + args.location()
                    + (args.zones().isEmpty() ? "" : " zones " + String.join(", ", args.zones()))));
        }
        return results;
    }

    /** Why the subscription may not use this size in the location or the chosen zones, if it may not. */
    private static Optional<String> restriction(ResourceSkuInner sku, AzureTargetArgs args) {
        if (sku.restrictions() == null) {
            return Optional.empty();
        }
        for (ResourceSkuRestrictions r : sku.restrictions()) {
            String reason = r.reasonCode() == null ? "restricted" : r.reasonCode().toString();
            if (r.type() == ResourceSkuRestrictionsType.LOCATION) {
                return Optional.of("is restricted for this subscription in " + args.location() + " (" + reason
                        + "); request access with an Azure support request (quota type: VM size availability) or choose another size");
            }
            if (r.type() == ResourceSkuRestrictionsType.ZONE && r.restrictionInfo() != null && r.restrictionInfo().zones() != null) {
                List<String> blocked = args.zones().stream().filter(r.restrictionInfo().zones()::contains).toList();
                if (!blocked.isEmpty()) {
                    return Optional.of("is restricted for this subscription in zone" + (blocked.size() == 1 ? " " : "s ") + String.join(", ", blocked)
                            + " of " + args.location() + " (" + reason + "); remove those zones from azure.zones, request access, or choose another size");
                }
            }
        }
        return Optional.empty();
    }

    List<CheckResult> vcpuQuotas(String subscriptionId, ClusterSpec spec, AzureTargetArgs args, Map<String, ResourceSkuInner> skus) {
        List<CheckResult> results = new ArrayList<>();
        Map<String, UsageInner> usages = new LinkedHashMap<>();
        try {
            for (UsageInner usage : clients.compute(subscriptionId).getUsages().list(args.location())) {
                if (usage.name() != null && usage.name().value() != null) {
                    usages.put(usage.name().value().toLowerCase(Locale.ROOT), usage);
                }
            }
        } catch (RuntimeException e) {
            results.add(CheckResult.unknown("vcpu-quota", "could not read the vCPU quotas of " + args.location() + " (" + reason(e) + ")"));
            return results;
        }
        // the usage already counts this cluster's running nodes: a later up needs only the increase
        Map<String, ExistingPool> running = existingPools(subscriptionId, spec, args);
        // quota name -> vCPUs needed beyond what runs now, and who needs them
        Map<String, Integer> needed = new LinkedHashMap<>();
        Map<String, Integer> runningVcpus = new LinkedHashMap<>();
        Map<String, Integer> surgeVcpus = new LinkedHashMap<>();
        Map<String, List<String>> needers = new LinkedHashMap<>();
        List<Need> needs = new ArrayList<>();
        needs.add(new Need(AksNames.SYSTEM_POOL, args.systemPoolVmSize(), args.systemPoolCount(), false));
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            needs.add(new Need(pool.name(), args.vmSizes().resolve(pool.size()).orElseThrow(), pool.maxNodes(), pool.spot()));
        }
        for (Need need : needs) {
            ResourceSkuInner sku = skus.get(need.size);
            if (sku == null) {
                continue; // its size already failed
            }
            int vcpus = vcpus(sku);
            ExistingPool now = running.get(need.pool);
            // a pool of another size is replaced, delete first: count nothing as running, to stay conservative
            int nodesNow = now != null && now.vmSize.equalsIgnoreCase(need.size) ? now.count : 0;
            // an existing regular pool upgrades with surge nodes on top of its maximum (AKS refuses surge on spot pools)
            int surge = nodesNow > 0 && !need.spot ? surgeNodes(args.maxSurge(), need.nodes) : 0;
            int more = Math.max(0, need.nodes - nodesNow) + surge;
            // spot VMs count against the regional low-priority quota, regular ones against their family's and the regional total
            List<String> quotas = need.spot ? List.of("lowPriorityCores") : List.of(sku.family(), "cores");
            for (String quota : quotas) {
                needed.merge(quota, vcpus * more, Integer::sum);
                runningVcpus.merge(quota, vcpus * Math.min(nodesNow, need.nodes), Integer::sum);
                surgeVcpus.merge(quota, vcpus * surge, Integer::sum);
                needers.computeIfAbsent(quota, k -> new ArrayList<>()).add(need.pool);
            }
        }
        for (var entry : needed.entrySet()) {
            String quota = entry.getKey();
            UsageInner usage = usages.get(quota.toLowerCase(Locale.ROOT));
            String who = poolNames(needers.get(quota)) + (needers.get(quota).size() == 1 ? " needs " : " need ");
            if (usage == null) {
                results.add(CheckResult.unknown("vcpu-quota", "the subscription reports no quota named " + quota + " in " + args.location()
                        + "; " + who + entry.getValue() + " vCPUs of it at maximum size: check Usage + quotas in the Azure portal"));
                continue;
            }
            long free = usage.limit() - usage.currentValue();
            int inUse = runningVcpus.getOrDefault(quota, 0);
            int surge = surgeVcpus.getOrDefault(quota, 0);
            String beyond = inUse == 0 ? "" : " more than the " + inUse + " this cluster already runs (upgrade surge " + surge + " included)";
            if (entry.getValue() > free) {
                results.add(CheckResult.fail("vcpu-quota", who + entry.getValue() + " vCPUs of quota " + quota + " in " + args.location()
                        + " at maximum size" + beyond + " but only " + Math.max(0, free) + " of " + usage.limit() + " are free; request a quota increase for "
                        + quota + " (Subscriptions, Usage + quotas) or lower maxNodes"));
            } else {
                results.add(CheckResult.pass("vcpu-quota", who + entry.getValue() + " vCPUs of quota " + quota + beyond + "; " + free + " of " + usage.limit() + " are free"));
            }
        }
        return results;
    }

    CheckResult adoptedSubnet(AzureTargetArgs args) {
        String id = args.existingSubnetId().orElseThrow();
        String[] parts = id.split("/");
        // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}
        String subscription = parts[2];
        String group = parts[4];
        String vnet = parts[8];
        String subnet = parts[10];
        try {
            SubnetInner found = clients.network(subscription).getSubnets().get(group, vnet, subnet);
            if ("userAssignedNATGateway".equals(args.effectiveOutboundType()) && found.natGateway() == null) {
                return CheckResult.fail("subnet", "subnet " + subnet + " of " + vnet + " has no NAT gateway, but egress is set to userAssignedNATGateway; "
                        + "attach a NAT gateway to it, or set azure.vnet.outboundType to userDefinedRouting (a route table to your firewall) or loadBalancer");
            }
            // AKS validates a userDefinedRouting cluster's egress at create: the subnet's own route table, whose 0.0.0.0/0
            // route sends traffic to the firewall (Azure/AKS#1842); without one, nodes would have no way out at all
            if ("userDefinedRouting".equals(args.effectiveOutboundType()) && (found.routeTable() == null || found.routeTable().id() == null)) {
                return CheckResult.fail("subnet", "subnet " + subnet + " of " + vnet + " has no route table, but egress is set to userDefinedRouting,"
                        + " which AKS requires to be the subnet's route table with a 0.0.0.0/0 route to your firewall or network appliance;"
                        + " associate that route table with the subnet, or set azure.vnet.outboundType to userAssignedNATGateway or loadBalancer");
            }
            return CheckResult.pass("subnet", "subnet " + subnet + " of " + vnet + " exists (" + found.addressPrefix() + ")"
                    + ("userDefinedRouting".equals(args.effectiveOutboundType()) ? " with route table " + found.routeTable().id() : ""));
        } catch (HttpResponseException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return CheckResult.fail("subnet", "subnet " + subnet + " of virtual network " + vnet + " in resource group " + group
                        + " does not exist; fix azure.vnet.subnetId or create the subnet first");
            }
            return CheckResult.unknown("subnet", "could not read subnet " + subnet + " (" + reason(e) + ")");
        } catch (RuntimeException e) {
            return CheckResult.unknown("subnet", "could not read subnet " + subnet + " (" + firstLine(e) + ")");
        }
    }

    private record Need(String pool, String size, int nodes, boolean spot) {
    }

    private record ExistingPool(String vmSize, int count) {
    }

    /**
     * The pools of this cluster as AKS reports them (Managed Clusters - Get): empty when it does not
     * exist yet or cannot be read (then everything counts as new, which can only over-count).
     */
    private Map<String, ExistingPool> existingPools(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        Map<String, ExistingPool> pools = new LinkedHashMap<>();
        try {
            var cluster = clients.containerService(subscriptionId).getManagedClusters().getByResourceGroup(args.resourceGroupFor(spec.name()), spec.name());
            if (cluster != null && cluster.agentPoolProfiles() != null) {
                for (var pool : cluster.agentPoolProfiles()) {
                    pools.put(pool.name(), new ExistingPool(String.valueOf(pool.vmSize()), pool.count() == null ? 0 : pool.count()));
                }
            }
        } catch (RuntimeException e) {
            // 404 on a first up; anything else: count everything as new
        }
        return pools;
    }

    /**
     * The inline system pool's VM size, zones, OS disk size and OS SKU cannot change on an existing
     * cluster (the program ignores such changes rather than half-apply them): say so, with the way out.
     */
    Optional<CheckResult> systemPoolChange(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner cluster;
        try {
            cluster = clients.containerService(subscriptionId).getManagedClusters().getByResourceGroup(args.resourceGroupFor(spec.name()), spec.name());
        } catch (RuntimeException e) {
            return Optional.empty(); // a first up: nothing to compare
        }
        if (cluster == null || cluster.agentPoolProfiles() == null) {
            return Optional.empty();
        }
        var system = cluster.agentPoolProfiles().stream().filter(p -> AksNames.SYSTEM_POOL.equals(p.name())).findFirst();
        if (system.isEmpty()) {
            return Optional.empty();
        }
        var pool = system.get();
        List<String> changed = new ArrayList<>();
        if (pool.vmSize() != null && !pool.vmSize().equalsIgnoreCase(args.systemPoolVmSize())) {
            changed.add("vmSize " + pool.vmSize() + " -> " + args.systemPoolVmSize());
        }
        List<String> zones = pool.availabilityZones() == null ? List.of() : pool.availabilityZones();
        if (!new TreeSet<>(zones).equals(new TreeSet<>(args.zones()))) {
            changed.add("zones " + zones + " -> " + args.zones());
        }
        if (pool.osDiskSizeGB() != null && pool.osDiskSizeGB() != args.osDiskSizeGB()) {
            changed.add("osDiskSizeGB " + pool.osDiskSizeGB() + " -> " + args.osDiskSizeGB());
        }
        if (pool.osSku() != null && !pool.osSku().toString().equalsIgnoreCase(args.osSku())) {
            changed.add("osSku " + pool.osSku() + " -> " + args.osSku());
        }
        if (changed.isEmpty()) {
            return Optional.of(CheckResult.pass("system-pool", "the system pool's fixed settings are unchanged"));
        }
        return Optional.of(CheckResult.fail("system-pool", "the system pool " + AksNames.SYSTEM_POOL + " cannot change " + String.join(", ", changed)
                + " in place (AKS refuses it, so the program leaves them as they are); keep the old values, or destroy the cluster alone"
                + " (protectCluster: false, then pulumi destroy --target <cluster URN> --target-dependents) and run up again (docs/azure.md, \"The system pool\")"));
    }

    /**
     * AKS upgrades a cluster one minor version at a time and never downgrades it: compare the version
     * asked for with the running cluster's. Not made when AKS owns the version (channel stable or
     * rapid: the program then never sends it) or on a first up.
     */
    Optional<CheckResult> kubernetesUpgrade(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        if (io.codezero.azure.cluster.AksCluster.clusterIgnoredChanges(args).contains("kubernetesVersion")) {
            return Optional.empty();
        }
        com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner cluster;
        try {
            cluster = clients.containerService(subscriptionId).getManagedClusters().getByResourceGroup(args.resourceGroupFor(spec.name()), spec.name());
        } catch (RuntimeException e) {
            return Optional.empty(); // a first up: nothing to compare
        }
        if (cluster == null) {
            return Optional.empty();
        }
        String running = cluster.currentKubernetesVersion() != null ? cluster.currentKubernetesVersion() : cluster.kubernetesVersion();
        Optional<int[]> from = majorMinor(running);
        Optional<int[]> to = majorMinor(spec.kubernetesVersion());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        int[] f = from.get();
        int[] t = to.get();
        String next = f[0] + "." + (f[1] + 1);
        if (t[0] < f[0] || (t[0] == f[0] && t[1] < f[1])) {
            return Optional.of(CheckResult.fail("kubernetes-upgrade", "cluster " + spec.name() + " runs Kubernetes " + running
                    + " and AKS never downgrades a cluster: set kubernetesVersion to " + f[0] + "." + f[1] + " or " + next));
        }
        if (t[0] != f[0] || t[1] > f[1] + 1) {
            return Optional.of(CheckResult.fail("kubernetes-upgrade", "cluster " + spec.name() + " runs Kubernetes " + running
                    + " and AKS upgrades one minor version at a time: set kubernetesVersion to " + next + ", run pulumi up, and repeat up to "
                    + spec.kubernetesVersion()));
        }
        return Optional.of(CheckResult.pass("kubernetes-upgrade", "Kubernetes " + running + " -> " + spec.kubernetesVersion()
                + " is within one minor version"));
    }

    /**
     * The machine running {@code pulumi up} applies every platform layer through the API server, so it
     * must reach it: a public cluster drops connections from addresses outside its authorized IP ranges
     * (network.apiAccessAllowlist), and a private one is reachable only from its VNet and peered
     * networks. A new CI runner or another person's machine then fails each Kubernetes resource after a
     * long timeout. Checked on a running cluster (on a first up there is nothing to reach yet) with a
     * TCP connection to its API server; through an HTTPS proxy (which the Kubernetes provider would use)
     * the direct connection proves nothing, so it is not made.
     */
    Optional<CheckResult> apiServerReachable(String subscriptionId, ClusterSpec spec, AzureTargetArgs args) {
        com.azure.resourcemanager.containerservice.fluent.models.ManagedClusterInner cluster;
        try {
            cluster = clients.containerService(subscriptionId).getManagedClusters().getByResourceGroup(args.resourceGroupFor(spec.name()), spec.name());
        } catch (RuntimeException e) {
            return Optional.empty(); // a first up: nothing to reach yet
        }
        boolean isPrivate = spec.network().privateApiOnly();
        String host = cluster == null ? null : isPrivate ? cluster.privateFqdn() : cluster.fqdn();
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String fix = isPrivate
                ? "; a private cluster's API server is reachable only from its VNet and peered networks: run pulumi up from a host there (docs/azure.md, \"Private cluster\")"
                : "; add this machine's public egress address (as a /32) to network.apiAccessAllowlist and run pulumi up from a machine already listed,"
                        + " or run it from one whose address is listed";
        String proxy = java.util.stream.Stream.of("HTTPS_PROXY", "https_proxy").map(environment::get).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        if (proxy != null) {
            return Optional.of(CheckResult.unknown("api-server", "not checked: this machine reaches " + host + " through the proxy " + proxy
                    + ", whose egress address is the one the API server sees" + fix));
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, apiServerPort), (int) java.time.Duration.ofSeconds(5).toMillis());
            return Optional.of(CheckResult.pass("api-server", "this machine reaches the API server " + host + ":" + apiServerPort));
        } catch (java.io.IOException e) {
            return Optional.of(CheckResult.fail("api-server", "this machine cannot reach the API server " + host + ":" + apiServerPort + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "), so every platform layer would fail after a long timeout" + fix));
        }
    }

    private static Optional<int[]> majorMinor(String version) {
        if (version == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^v?(\\d+)\\.(\\d+)").matcher(version.trim());
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))}) : Optional.empty();
    }

    /** Surge nodes of a pool of {@code nodes} nodes: a count ("1") or a percentage rounded up ("33%"), as AKS computes it. */
    static int surgeNodes(String maxSurge, int nodes) {
        if (maxSurge == null || maxSurge.isBlank()) {
            return 1; // AKS's default surge is one node
        }
        if (maxSurge.endsWith("%")) {
            int percent = Integer.parseInt(maxSurge.substring(0, maxSurge.length() - 1));
            return (int) Math.ceil(nodes * percent / 100.0);
        }
        return Integer.parseInt(maxSurge);
    }

    private static int vcpus(ResourceSkuInner sku) {
        if (sku.capabilities() != null) {
            for (var c : sku.capabilities()) {
                if ("vCPUs".equals(c.name())) {
                    return Integer.parseInt(c.value());
                }
            }
        }
        return 0;
    }

    /** VM size -> the pools (system pool first) that use it. */
    static Map<String, List<String>> poolsBySize(ClusterSpec spec, AzureTargetArgs args) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.computeIfAbsent(args.systemPoolVmSize(), k -> new ArrayList<>()).add(AksNames.SYSTEM_POOL);
        for (NodePool pool : spec.nodePoolsOrDefault()) {
            out.computeIfAbsent(args.vmSizes().resolve(pool.size()).orElseThrow(), k -> new ArrayList<>()).add(pool.name());
        }
        return out;
    }

    private static String poolNames(List<String> pools) {
        return (pools.size() == 1 ? "pool " : "pools ") + String.join(", ", pools);
    }

    private static boolean refused(HttpResponseException e) {
        return e instanceof ClientAuthenticationException
                || e.getResponse() != null && (e.getResponse().getStatusCode() == 401 || e.getResponse().getStatusCode() == 403);
    }

    static String reason(RuntimeException e) {
        if (e instanceof ManagementException m && m.getValue() != null) {
            return m.getValue().getCode() + ": " + m.getValue().getMessage();
        }
        if (e instanceof HttpResponseException h && h.getResponse() != null) {
            return "HTTP " + h.getResponse().getStatusCode() + ": " + firstLine(e);
        }
        return firstLine(e);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
