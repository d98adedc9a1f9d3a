package io.codezero.pkg;

import com.pulumi.core.Output;
import io.codezero.aws.EksClusterHandles;
import io.codezero.azure.AksClusterHandles;
import io.codezero.core.target.ClusterHandles;
import io.codezero.digitalocean.cluster.DoksClusterHandles;
import io.codezero.gcp.GkeClusterHandles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud target's typed handles as the package's plain outputs ({@code awsHandles}, ...; {@code AwsHandlesShape}, ...):
 * the ids, ARNs and URLs of the resources the Java API hands out as resources. The Java SDK's provider path returns no
 * resource references, so a YAML, Python or TypeScript program gets the values a program wires its own resources with.
 */
final class TargetHandles {
    private TargetHandles() {
    }

    /**
     * The output a target's handles become, if it is a cloud's.
     *
     * @param handles the stack's handles
     * @return the output's name and its values by property, in the shape's order; empty for the existing cluster
     */
    static Optional<Map.Entry<String, Map<String, Output<?>>>> of(ClusterHandles handles) {
        Map<String, Output<?>> values = new LinkedHashMap<>();
        String name;
        if (handles instanceof EksClusterHandles aws) {
            name = "awsHandles";
            values.put("clusterArn", aws.clusterArn());
            values.put("oidcIssuer", aws.oidcIssuer());
            values.put("oidcProviderArn", aws.oidcProvider().arn());
            values.put("nodeRoleArn", aws.nodeRole().arn());
            values.put("vpcId", aws.vpcId());
            values.put("privateSubnetIds", Output.all(aws.privateSubnetIds()));
            values.put("publicSubnetIds", Output.all(aws.publicSubnetIds()));
            values.put("clusterSecurityGroupId", aws.clusterSecurityGroupId());
        } else if (handles instanceof AksClusterHandles azure) {
            name = "azureHandles";
            values.put("clusterId", azure.managedCluster().id());
            values.put("resourceGroupName", azure.resourceGroupName());
            values.put("clusterIdentityId", azure.clusterIdentityId());
            values.put("clusterIdentityPrincipalId", azure.clusterIdentityPrincipalId());
            values.put("kubeletIdentityClientId", azure.kubeletIdentityClientId());
            values.put("kubeletIdentityObjectId", azure.kubeletIdentityObjectId());
            values.put("oidcIssuerUrl", azure.oidcIssuerUrl());
            values.put("subnetId", azure.subnetId());
        } else if (handles instanceof DoksClusterHandles digitalocean) {
            name = "digitaloceanHandles";
            values.put("clusterId", digitalocean.cluster().id());
            values.put("clusterUrn", digitalocean.clusterUrn());
            values.put("vpcId", digitalocean.vpcId());
            values.put("projectId", digitalocean.projectId());
        } else if (handles instanceof GkeClusterHandles gcp) {
            name = "gcpHandles";
            values.put("clusterId", gcp.cluster().id());
            values.put("networkId", gcp.networkId());
            values.put("subnetworkId", gcp.subnetworkId());
            values.put("workloadIdentityPool", gcp.workloadIdentityPool());
            values.put("nodeServiceAccountEmail", gcp.nodeServiceAccount().email());
        } else {
            return Optional.empty();
        }
        return Optional.of(Map.entry(name, values));
    }

    /** The property names of each handles output, for the tests that hold them to the schema. */
    static final List<String> OUTPUTS = List.of("awsHandles", "azureHandles", "digitaloceanHandles", "gcpHandles");
}
