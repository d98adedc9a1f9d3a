package io.codezero.azure;

import com.pulumi.azurenative.containerservice.ManagedCluster;
import com.pulumi.azurenative.keyvault.Vault;
import com.pulumi.azurenative.network.PublicIPAddress;
import com.pulumi.core.Output;
import io.codezero.core.target.ClusterHandles;
import java.util.Optional;

/**
 * What a program wires its own Azure resources to, beyond the kubeconfig: the AKS cluster's typed
 * resources and ids. Read with {@code stack.handles(AksClusterHandles.class)} or
 * {@code provisioned.handles(AksClusterHandles.class)}; see docs/azure.md.
 *
 * @param managedCluster        the azure-native ManagedCluster resource (dependsOn, outputs)
 * @param resourceGroupName     the cluster's resource group (created or adopted)
 * @param clusterName           the AKS cluster's name
 * @param endpoint              the API server URL ({@code https://<fqdn>:443}) from the cluster-user credentials
 * @param clusterIdentityId     the control plane's user-assigned identity (resource id)
 * @param clusterIdentityPrincipalId that identity's Entra ID object id
 * @param kubeletIdentityClientId    the kubelet identity's client id (pulls from ACR, reads Key Vault for pods that use it)
 * @param kubeletIdentityObjectId    the kubelet identity's object id: the principal to grant AcrPull to
 * @param oidcIssuerUrl         the cluster's OIDC issuer, for workload identity federated credentials
 * @param vnetId                the created VNet's id; empty for an adopted subnet
 * @param subnetId              the node subnet's id
 * @param natPublicIp           the created NAT gateway's public IP resource: the nodes' egress address; empty for an adopted subnet
 * @param keyVault              the KMS vault this target created; empty for a key the user brings or platform encryption
 */
public record AksClusterHandles(
        ManagedCluster managedCluster,
        Output<String> resourceGroupName,
        Output<String> clusterName,
        Output<String> endpoint,
        Output<String> clusterIdentityId,
        Output<String> clusterIdentityPrincipalId,
        Output<String> kubeletIdentityClientId,
        Output<String> kubeletIdentityObjectId,
        Output<String> oidcIssuerUrl,
        Optional<Output<String>> vnetId,
        Output<String> subnetId,
        Optional<PublicIPAddress> natPublicIp,
        Optional<Vault> keyVault) implements ClusterHandles {
}
