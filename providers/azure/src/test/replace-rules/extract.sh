#!/usr/bin/env bash
# Extracts the replace rules of the pinned azure-native provider (v2.10.0, pom.xml) for the resource
# types the Azure target registers, into src/test/resources/replace-rules/azure-native-2.10.0.tsv.
# CI never runs this (no network there): the output is committed, and InPlaceUpgradeTest and
# ReplaceRulesTest read it. Re-run it when azure-native is upgraded, and review the diff.
#
# Usage: extract.sh AZURE_NATIVE_CHECKOUT SPECS_CHECKOUT > ../resources/replace-rules/azure-native-2.10.0.tsv
#   AZURE_NATIVE_CHECKOUT  a git clone of github.com/pulumi/pulumi-azure-native (tag v2.10.0 is read)
#   SPECS_CHECKOUT         a git clone of github.com/Azure/azure-rest-api-specs (the API versions below)
#
# Two sources, both the provider's own rules (provider/pkg/provider/diff.go at v2.10.0: "All the
# parameters that are part of the resource path cause a replacement", plus the properties marked
# force-new):
#  1. "path" lines: the path parameters of each resource's PUT operation, read from the REST API
#     specification of the API version azure-native 2.10.0 uses by default for that type
#     (subscriptionId is the provider's own setting, not an input).
#  2. "forceNew" lines: provider/pkg/gen/replacement.go, forceNewMap, at tag v2.10.0.
# Properties the specs mark x-ms-mutability [create, read] are force-new too; none of the inputs
# this target sets on these types is so marked in these API versions, and InPlaceUpgradeTest also
# asserts that nothing but the version and scaling inputs changes at all.
set -euo pipefail
provider=${1:?pulumi-azure-native checkout}
specs=${2:?azure-rest-api-specs checkout}
tag=v2.10.0

# type token | module in forceNewMap | resource in forceNewMap | spec file | PUT path
types=$(cat <<'T'
azure-native:resources:ResourceGroup|Resources|ResourceGroup|specification/resources/resource-manager/Microsoft.Resources/stable/2022-09-01/resources.json|/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}
azure-native:network:PublicIPAddress|Network|PublicIPAddress|specification/network/resource-manager/Microsoft.Network/stable/2023-02-01/publicIpAddress.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/publicIPAddresses/{publicIpAddressName}
azure-native:network:NatGateway|Network|NatGateway|specification/network/resource-manager/Microsoft.Network/stable/2023-02-01/natGateway.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/natGateways/{natGatewayName}
azure-native:network:VirtualNetwork|Network|VirtualNetwork|specification/network/resource-manager/Microsoft.Network/stable/2023-02-01/virtualNetwork.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}
azure-native:network:Subnet|Network|Subnet|specification/network/resource-manager/Microsoft.Network/stable/2023-02-01/virtualNetwork.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}
azure-native:managedidentity:UserAssignedIdentity|ManagedIdentity|UserAssignedIdentity|specification/msi/resource-manager/Microsoft.ManagedIdentity/stable/2023-01-31/ManagedIdentity.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}
azure-native:authorization:RoleAssignment|Authorization|RoleAssignment|specification/authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-RoleAssignmentsCalls.json|/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}
azure-native:keyvault:Vault|KeyVault|Vault|specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-02-01/keyvault.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}
azure-native:keyvault:Key|KeyVault|Key|specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2023-02-01/keys.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}/keys/{keyName}
azure-native:containerservice:ManagedCluster|ContainerService|ManagedCluster|specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2023-04-01/managedClusters.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}
azure-native:containerservice:AgentPool|ContainerService|AgentPool|specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2023-04-01/managedClusters.json|/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}/agentPools/{agentPoolName}
T
)

replacement=$(git -C "$provider" show "$tag:provider/pkg/gen/replacement.go")

echo "# Replace rules of pulumi-azure-native $tag for the types the Azure target registers."
echo "# Made by src/test/replace-rules/extract.sh. Columns: type, input, source (path: a PUT path parameter,"
echo "# spec file named; forceNew: provider/pkg/gen/replacement.go forceNewMap at $tag)."
while IFS='|' read -r token module resource specfile path; do
  # 1. path parameters: the PUT operation must exist in the spec, then its {parameters} are read from it
  python3 - "$specs/$specfile" "$path" <<'PY' >/dev/null
import json, sys
spec = json.load(open(sys.argv[1]))
paths = {p.lower(): ops for p, ops in spec["paths"].items()}
assert "put" in paths[sys.argv[2].lower()], sys.argv[2]
PY
  grep -o '{[A-Za-z]*}' <<<"$path" | tr -d '{}' | grep -v '^subscriptionId$' | while read -r p; do
    printf '%s\t%s\tpath %s\n' "$token" "$p" "$specfile"
  done
  # 2. the forceNewMap entry of module/resource: the quoted names inside NewStringSet(...), comments dropped
  awk -v m="\"$module\": {" -v r="\"$resource\":" '
    index($0, m) { inmod = 1; next }
    inmod && /^\t},/ { inmod = 0 }
    inmod && index($0, r) { inres = 1 }
    inres { line = $0; sub(/\/\/.*/, "", line); s = s line; if (line ~ /\)/) { inres = 0 } }
    END { while (match(s, /"[A-Za-z]+"/)) { print substr(s, RSTART + 1, RLENGTH - 2); s = substr(s, RSTART + RLENGTH) } }
  ' <<<"$replacement" | grep -v "^$resource\$" | while read -r prop; do
    printf '%s\t%s\tforceNew\n' "$token" "$prop"
  done
done <<<"$types"
