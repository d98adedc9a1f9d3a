package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.Exposure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pulumi destroys in reverse dependency order. A LoadBalancer Service made with the returned
 * provider and readiness must depend on every piece of network its load balancer sits in (the
 * subnet an internal load balancer takes an address from, the NAT gateway and its IP, the VNet),
 * and on the cluster and pools, so it is deleted first and the cloud controller removes its load
 * balancer rules and IPs while the cluster still runs.
 */
class DestroyOrderTest {

    private static OfflineRun runWithGateways(AzureTargetArgs args) {
        return Fixtures.run(Fixtures.spec(), args, (cluster, parent) -> {
            var options = CustomResourceOptions.builder().parent(parent).provider(cluster.provider()).dependsOn(cluster.readiness()).build();
            for (Exposure exposure : Exposure.values()) {
                new Service("gateway-" + exposure.name().toLowerCase(), ServiceArgs.builder()
                        .metadata(ObjectMetaArgs.builder().name("gateway-" + exposure.name().toLowerCase()).namespace("istio-ingress")
                                .annotations(cluster.loadBalancers().annotationsFor(exposure).orElseThrow()).build())
                        .spec(ServiceSpecArgs.builder().type("LoadBalancer")
                                .ports(ServicePortArgs.builder().name("https").port(443).build()).build())
                        .build(), options);
            }
        });
    }

    @Test
    void loadBalancerServicesAreDeletedBeforeTheNetworkUnderThem() {
        OfflineRun run = runWithGateways(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        List<PlannedResource> network = run.where(r -> r.type().startsWith("azure-native:network:") || r.type().equals("azure-native:resources:ResourceGroup"));
        assertThat(network).extracting(PlannedResource::type).contains("azure-native:network:VirtualNetwork", "azure-native:network:Subnet",
                "azure-native:network:NatGateway", "azure-native:network:PublicIPAddress", "azure-native:resources:ResourceGroup");
        List<PlannedResource> services = run.ofType("kubernetes:core/v1:Service");
        assertThat(services).hasSize(2);
        for (PlannedResource service : services) {
            assertThat(network).allSatisfy(piece ->
                    assertThat(graph.reaches(service.urn(), piece.urn())).as(service + " must wait for " + piece).isTrue());
            assertThat(graph.reaches(service.urn(), run.get("azure-native:containerservice:ManagedCluster", "demo-aks").urn())).isTrue();
            assertThat(run.ofType("azure-native:containerservice:AgentPool")).allSatisfy(p -> assertThat(graph.reaches(service.urn(), p.urn())).isTrue());
            // the identity that manages load balancers keeps its rights until the services are gone
            assertThat(graph.reaches(service.urn(), run.get("azure-native:authorization:RoleAssignment", "demo-network-contributor").urn())).isTrue();
        }
    }

    @Test
    void theNetworkDoesNotDependOnTheWorkloads() {
        OfflineRun run = runWithGateways(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "gateway-internet_facing");
        assertThat(run.dependsOn(run.get("azure-native:network:NatGateway", "demo-nat"), gateway)).isFalse();
        assertThat(run.dependsOn(run.get("azure-native:network:VirtualNetwork", "demo-vnet"), gateway)).isFalse();
    }
}
