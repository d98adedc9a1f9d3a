package io.codezero.azure;

import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teaches the offline plan how Azure answers: ARM resource ids and names (azure-native echoes no
 * {@code name} output from its inputs, whose name fields are called resourceName, subnetName ...),
 * the computed outputs of the resources this target registers (identity principal ids, the
 * cluster's FQDN and OIDC issuer, key URLs), the cluster identity's output shape (a map keyed by
 * identity id where the input is a list), and the invokes it makes (client config, the cluster-user
 * kubeconfig). Values are plausible, stable, clearly fake (subscription
 * 00000000-0000-0000-0000-00000000c0de), and derived from names so two runs give the same plan.
 */
public final class AzurePlanMocks implements PlanMocksContributor {
    /** The fake subscription ID of every mocked resource id, never a real subscription's. */
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000c0de";
    /** The fake Entra ID tenant the mocked client configuration reports. */
    public static final String TENANT = "00000000-0000-0000-0000-0000000070a7";
    /** The fake object ID of the identity running the plan, as the mocked client configuration reports it. */
    public static final String DEPLOYER_OBJECT_ID = "00000000-0000-0000-0000-0000000de910";
    private static final String PREFIX = "azure-native:";

    /** Cluster name -> API server FQDN, so the kubeconfig invoke answers for the cluster registered. */
    private final Map<String, String> fqdns = new ConcurrentHashMap<>();

    /**
     * Plan mocks with only the Azure answers, for tests of this module.
     * @return a fresh mock set
     */
    public static PlanMocks create() {
        PlanMocks mocks = new PlanMocks();
        new AzurePlanMocks().contribute(mocks);
        return mocks;
    }

    @Override
    public void contribute(PlanMocks mocks) {
        resource(mocks, "resources:ResourceGroup", "resourceGroupName",
                a -> "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + physical(a, "resourceGroupName"), a -> Map.of());
        network(mocks, "PublicIPAddress", "publicIpAddressName", "publicIPAddresses",
                a -> Map.of("ipAddress", "20.50." + (Math.abs(a.name.hashCode()) % 250) + ".10", "provisioningState", "Succeeded"));
        network(mocks, "NatGateway", "natGatewayName", "natGateways", a -> Map.of("provisioningState", "Succeeded"));
        network(mocks, "VirtualNetwork", "virtualNetworkName", "virtualNetworks", a -> Map.of("provisioningState", "Succeeded"));
        resource(mocks, "network:Subnet", "subnetName",
                a -> group(a) + "/providers/Microsoft.Network/virtualNetworks/" + a.inputs.get("virtualNetworkName") + "/subnets/" + physical(a, "subnetName"),
                a -> Map.of("provisioningState", "Succeeded"));
        resource(mocks, "managedidentity:UserAssignedIdentity", "resourceName",
                a -> group(a) + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + physical(a, "resourceName"),
                a -> Map.of("principalId", uuid(a.name + "-principal"), "clientId", uuid(a.name + "-client"), "tenantId", TENANT));
        resource(mocks, "authorization:RoleAssignment", "roleAssignmentName",
                a -> a.inputs.get("scope") + "/providers/Microsoft.Authorization/roleAssignments/" + physical(a, "roleAssignmentName"),
                a -> Map.of("principalType", Objects.toString(a.inputs.get("principalType"), "User")));
        resource(mocks, "keyvault:Vault", "vaultName",
                a -> group(a) + "/providers/Microsoft.KeyVault/vaults/" + physical(a, "vaultName"),
                a -> Map.of("properties", withVaultUri(a)));
        resource(mocks, "keyvault:Key", "keyName",
                a -> group(a) + "/providers/Microsoft.KeyVault/vaults/" + a.inputs.get("vaultName") + "/keys/" + physical(a, "keyName"),
                a -> {
                    String uri = "https://" + a.inputs.get("vaultName") + ".vault.azure.net/keys/" + physical(a, "keyName");
                    return Map.of("keyUri", uri, "keyUriWithVersion", uri + "/" + hex(a.name, 32));
                });
        resource(mocks, "containerservice:ManagedCluster", "resourceName",
                a -> group(a) + "/providers/Microsoft.ContainerService/managedClusters/" + physical(a, "resourceName"), this::managedCluster);
        resource(mocks, "containerservice:AgentPool", "agentPoolName",
                a -> group(a) + "/providers/Microsoft.ContainerService/managedClusters/" + a.inputs.get("resourceName") + "/agentPools/" + physical(a, "agentPoolName"),
                a -> Map.of("provisioningState", "Succeeded", "currentOrchestratorVersion", Objects.toString(a.inputs.get("orchestratorVersion"), "")));

        resource(mocks, "insights:DataCollectionRule", "dataCollectionRuleName",
                a -> group(a) + "/providers/Microsoft.Insights/dataCollectionRules/" + physical(a, "dataCollectionRuleName"), a -> Map.of());
        resource(mocks, "insights:DataCollectionRuleAssociation", "associationName",
                a -> a.inputs.get("resourceUri") + "/providers/Microsoft.Insights/dataCollectionRuleAssociations/" + physical(a, "associationName"),
                a -> Map.of());
        mocks.invoke(PREFIX + "managedidentity:getUserAssignedIdentity", call -> Map.of(
                "id", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + call.args.get("resourceGroupName")
                        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + call.args.get("resourceName"),
                "name", String.valueOf(call.args.get("resourceName")), "location", "westeurope", "type", "Microsoft.ManagedIdentity/userAssignedIdentities",
                "principalId", uuid(call.args.get("resourceName") + "-principal"), "clientId", uuid(call.args.get("resourceName") + "-client"),
                "tenantId", TENANT));
        mocks.invoke(PREFIX + "authorization:getClientConfig", call -> Map.of(
                "clientId", uuid("plan-client"), "objectId", DEPLOYER_OBJECT_ID, "subscriptionId", SUBSCRIPTION, "tenantId", TENANT));
        mocks.invoke(PREFIX + "containerservice:listManagedClusterUserCredentials", call -> {
            String cluster = String.valueOf(call.args.get("resourceName"));
            String server = "https://" + fqdns.getOrDefault(cluster, cluster + ".hcp.westeurope.azmk8s.io") + ":443";
            return Map.of("kubeconfigs", List.of(Map.of("name", "clusterUser", "value", clusterUserKubeconfig(cluster, server))));
        });
    }

    private Map<String, Object> managedCluster(com.pulumi.test.Mocks.ResourceArgs a) {
        String name = physical(a, "resourceName");
        String location = Objects.toString(a.inputs.get("location"), "westeurope");
        String dns = Objects.toString(a.inputs.get("dnsPrefix"), name);
        String id = hex(name, 8);
        boolean isPrivate = a.inputs.get("apiServerAccessProfile") instanceof Map<?, ?> access && Boolean.TRUE.equals(access.get("enablePrivateCluster"));
        String fqdn = dns + "-" + id + ".hcp." + location + ".azmk8s.io";
        String privateFqdn = dns + "-" + id + ".privatelink." + location + ".azmk8s.io";
        fqdns.put(name, isPrivate ? privateFqdn : fqdn);
        Map<String, Object> out = new LinkedHashMap<>();
        if (!isPrivate) {
            out.put("fqdn", fqdn);
        }
        out.put("privateFQDN", isPrivate ? privateFqdn : "");
        out.put("azurePortalFQDN", dns + "-" + id + ".portal.hcp." + location + ".azmk8s.io");
        out.put("currentKubernetesVersion", Objects.toString(a.inputs.get("kubernetesVersion"), ""));
        out.put("provisioningState", "Succeeded");
        out.put("powerState", Map.of("code", "Running"));
        out.put("maxAgentPools", 100);
        out.put("oidcIssuerProfile", Map.of("enabled", true,
                "issuerURL", "https://" + location + ".oic.prod-aks.azure.com/" + TENANT + "/" + uuid(name + "-issuer") + "/"));
        // the input lists identity ids; ARM answers with a map from id to the identity's ids
        if (a.inputs.get("identity") instanceof Map<?, ?> identity) {
            Map<String, Object> outIdentity = new LinkedHashMap<>();
            outIdentity.put("type", identity.get("type"));
            Map<String, Object> assigned = new LinkedHashMap<>();
            if (identity.get("userAssignedIdentities") instanceof List<?> ids) {
                ids.forEach(ident -> assigned.put(String.valueOf(ident),
                        Map.of("principalId", uuid(ident + "-principal"), "clientId", uuid(ident + "-client"))));
            } else if (identity.get("userAssignedIdentities") instanceof Map<?, ?> map) {
                map.forEach((k, v) -> assigned.put(String.valueOf(k), v));
            }
            outIdentity.put("userAssignedIdentities", assigned);
            outIdentity.put("principalId", "");
            outIdentity.put("tenantId", TENANT);
            out.put("identity", outIdentity);
        }
        String nodeGroup = Objects.toString(a.inputs.get("nodeResourceGroup"), "MC_" + a.inputs.get("resourceGroupName") + "_" + name + "_" + location);
        out.put("identityProfile", Map.of("kubeletidentity", Map.of(
                "resourceId", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + nodeGroup
                        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name + "-agentpool",
                "clientId", uuid(name + "-kubelet-client"), "objectId", uuid(name + "-kubelet-object"))));
        return out;
    }

    private static Map<String, Object> withVaultUri(com.pulumi.test.Mocks.ResourceArgs a) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (a.inputs.get("properties") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> properties.put(String.valueOf(k), v));
        }
        properties.put("vaultUri", "https://" + physical(a, "vaultName") + ".vault.azure.net/");
        return properties;
    }

    /** A cluster-user kubeconfig shaped as AKS returns it for an Entra ID cluster (exec through kubelogin). */
    static String clusterUserKubeconfig(String cluster, String server) {
        String ca = Base64.getEncoder().encodeToString(("-----BEGIN CERTIFICATE-----\nplan-" + hex(cluster, 32)
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.UTF_8));
        String yaml = "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: " + ca + "\n    server: " + server + "\n  name: " + cluster
                + "\ncontexts:\n- context:\n    cluster: " + cluster + "\n    user: clusterUser_" + cluster + "\n  name: " + cluster
                + "\ncurrent-context: " + cluster + "\nkind: Config\npreferences: {}\nusers:\n- name: clusterUser_" + cluster
                + "\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: kubelogin\n      args: [get-token, --server-id, "
                + AksNames.AKS_AAD_SERVER_APP_ID + "]\n";
        return Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static void network(PlanMocks mocks, String type, String nameInput, String collection,
                                java.util.function.Function<com.pulumi.test.Mocks.ResourceArgs, Map<String, Object>> extra) {
        resource(mocks, "network:" + type, nameInput,
                a -> group(a) + "/providers/Microsoft.Network/" + collection + "/" + physical(a, nameInput), extra);
    }

    /** Registers the id and the outputs of one type; {@code name} is always answered, as ARM does. */
    private static void resource(PlanMocks mocks, String type, String nameInput,
                                 java.util.function.Function<com.pulumi.test.Mocks.ResourceArgs, String> id,
                                 java.util.function.Function<com.pulumi.test.Mocks.ResourceArgs, Map<String, Object>> extra) {
        mocks.ids(PREFIX + type, id);
        mocks.outputs(PREFIX + type, a -> {
            Map<String, Object> out = new LinkedHashMap<>(extra.apply(a));
            out.put("name", physical(a, nameInput));
            out.put("type", armType(type));
            return out;
        });
    }

    private static String armType(String type) {
        return switch (type) {
            case "resources:ResourceGroup" -> "Microsoft.Resources/resourceGroups";
            case "network:Subnet" -> "Microsoft.Network/virtualNetworks/subnets";
            case "managedidentity:UserAssignedIdentity" -> "Microsoft.ManagedIdentity/userAssignedIdentities";
            case "authorization:RoleAssignment" -> "Microsoft.Authorization/roleAssignments";
            case "keyvault:Vault" -> "Microsoft.KeyVault/vaults";
            case "keyvault:Key" -> "Microsoft.KeyVault/vaults/keys";
            case "containerservice:ManagedCluster" -> "Microsoft.ContainerService/ManagedClusters";
            case "containerservice:AgentPool" -> "Microsoft.ContainerService/managedClusters/agentPools";
            case "network:PublicIPAddress" -> "Microsoft.Network/publicIPAddresses";
            case "network:NatGateway" -> "Microsoft.Network/natGateways";
            case "network:VirtualNetwork" -> "Microsoft.Network/virtualNetworks";
            case "insights:DataCollectionRule" -> "Microsoft.Insights/dataCollectionRules";
            case "insights:DataCollectionRuleAssociation" -> "Microsoft.Insights/dataCollectionRuleAssociations";
            default -> throw new IllegalArgumentException("no ARM type known for " + type);
        };
    }

    /** The physical name: the type's name input, or (as azure-native auto-names) the logical name. */
    private static String physical(com.pulumi.test.Mocks.ResourceArgs a, String nameInput) {
        Object given = a.inputs.get(nameInput);
        return given == null || String.valueOf(given).isEmpty() ? a.name + hex(a.name, 8) : String.valueOf(given);
    }

    private static String group(com.pulumi.test.Mocks.ResourceArgs a) {
        return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + a.inputs.get("resourceGroupName");
    }

    static String hex(String seed, int length) {
        StringBuilder out = new StringBuilder();
        int h = seed.hashCode();
        while (out.length() < length) {
            h = h * 31 + 17;
            out.append(String.format("%08x", h));
        }
        return out.substring(0, length);
    }

    static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }
}
