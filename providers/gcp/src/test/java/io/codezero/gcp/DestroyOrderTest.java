package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.Exposure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pulumi destroys in reverse dependency order. A LoadBalancer Service made with the returned
 * provider and readiness must depend on every piece of network its forwarding rules and backends
 * sit in (VPC, subnet, router, NAT), so it is deleted, and GKE's service controller removes the
 * load balancer, before them.
 */
class DestroyOrderTest {

    private static OfflineRun runWithGateway(GcpTargetArgs args) {
        return Fixtures.run(Fixtures.spec(), args, (cluster, parent) -> {
            var options = CustomResourceOptions.builder().parent(parent).provider(cluster.provider()).dependsOn(cluster.readiness()).build();
            new Service("istio-gateway", ServiceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("istio-ingressgateway").namespace("istio-ingress")
                            .annotations(cluster.loadBalancers().annotationsFor(Exposure.INTERNAL).orElseThrow()).build())
                    .spec(ServiceSpecArgs.builder().type("LoadBalancer")
                            .ports(ServicePortArgs.builder().name("https").port(443).build()).build())
                    .build(), options);
            new PersistentVolumeClaim("data", PersistentVolumeClaimArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("data").namespace("apps").build())
                    .spec(PersistentVolumeClaimSpecArgs.builder().storageClassName(cluster.storage().standardClass())
                            .accessModes("ReadWriteOnce")
                            .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", "10Gi")).build()).build())
                    .build(), options);
        });
    }

    @Test
    void loadBalancerServicesAreDeletedBeforeTheNetworkUnderThem() {
        OfflineRun run = runWithGateway(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "istio-gateway");
        List<PlannedResource> network = run.where(r -> r.type().startsWith("gcp:compute/"));
        assertThat(network).extracting(PlannedResource::type).containsExactlyInAnyOrder(
                "gcp:compute/network:Network", "gcp:compute/subnetwork:Subnetwork", "gcp:compute/router:Router", "gcp:compute/routerNat:RouterNat",
                // the control plane's webhook rule stays until every workload (and its webhooks) is gone
                "gcp:compute/firewall:Firewall");
        assertThat(network).allSatisfy(piece ->
                assertThat(graph.reaches(gateway.urn(), piece.urn())).as(gateway + " must wait for " + piece).isTrue());
        // and the control plane and the pools, whose deletion would orphan the load balancer
        assertThat(graph.reaches(gateway.urn(), run.get("gcp:container/cluster:Cluster", "demo-gke").urn())).isTrue();
        assertThat(run.ofType("gcp:container/nodePool:NodePool")).allSatisfy(p -> assertThat(graph.reaches(gateway.urn(), p.urn())).isTrue());
    }

    @Test
    void volumesAreReleasedWhileTheNodesAndTheirStorageClassStillExist() {
        OfflineRun run = runWithGateway(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource claim = run.get("kubernetes:core/v1:PersistentVolumeClaim", "data");
        assertThat(run.dependsOn(claim, run.get("kubernetes:storage.k8s.io/v1:StorageClass", "demo-storage-standard"))).isTrue();
        assertThat(run.dependsOn(claim, run.get("gcp:container/nodePool:NodePool", "demo-system"))).isTrue();
    }

    @Test
    void theNetworkDoesNotDependOnTheWorkloads() {
        OfflineRun run = runWithGateway(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "istio-gateway");
        assertThat(run.dependsOn(run.get("gcp:compute/routerNat:RouterNat", "demo-nat"), gateway)).isFalse();
        assertThat(run.dependsOn(run.get("gcp:compute/network:Network", "demo-vpc"), gateway)).isFalse();
    }
}
