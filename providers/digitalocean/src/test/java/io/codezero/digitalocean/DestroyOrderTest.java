package io.codezero.digitalocean;

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
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.Exposure;
import io.codezero.digitalocean.resources.KubernetesCluster;
import io.codezero.digitalocean.resources.KubernetesNodePool;
import io.codezero.digitalocean.resources.Vpc;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pulumi destroys in reverse dependency order. A LoadBalancer Service (the Istio gateway) and a
 * volume claim made with the returned provider and readiness must depend on the node pools, the
 * cluster and the VPC, so DigitalOcean's cloud controller and CSI driver remove the load balancer
 * and the volume while the cluster still runs, before the cluster and then the VPC are deleted.
 */
class DestroyOrderTest {

    private static OfflineRun runWithWorkloads(DigitalOceanTargetArgs args) {
        return Fixtures.run(Fixtures.spec(), args, (cluster, parent) -> {
            var options = CustomResourceOptions.builder().parent(parent).provider(cluster.provider()).dependsOn(cluster.readiness()).build();
            new Service("istio-gateway", ServiceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("istio-ingressgateway").namespace("istio-ingress")
                            .annotations(cluster.loadBalancers().annotationsFor(Exposure.INTERNET_FACING).orElseThrow()).build())
                    .spec(ServiceSpecArgs.builder().type("LoadBalancer").ports(ServicePortArgs.builder().name("https").port(443).build()).build())
                    .build(), options);
            new PersistentVolumeClaim("data", PersistentVolumeClaimArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("data").namespace("apps").build())
                    .spec(PersistentVolumeClaimSpecArgs.builder().storageClassName(cluster.storage().standardClass()).accessModes("ReadWriteOnce")
                            .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", "10Gi")).build()).build())
                    .build(), options);
        });
    }

    @Test
    void loadBalancerServicesAndVolumesGoBeforeThePoolsTheClusterAndTheVpc() {
        OfflineRun run = runWithWorkloads(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "istio-gateway");
        PlannedResource claim = run.get("kubernetes:core/v1:PersistentVolumeClaim", "data");
        PlannedResource cluster = run.get(KubernetesCluster.TYPE, "demo-doks");
        PlannedResource vpc = run.get(Vpc.TYPE, "demo-vpc");
        for (PlannedResource workload : new PlannedResource[] {gateway, claim}) {
            assertThat(run.dependsOn(workload, cluster)).as(workload + " must be deleted before the cluster").isTrue();
            assertThat(run.dependsOn(workload, vpc)).as(workload + " must be deleted before the VPC").isTrue();
            assertThat(run.ofType(KubernetesNodePool.TYPE)).allSatisfy(pool ->
                    assertThat(run.dependsOn(workload, pool)).as(workload + " must be deleted before " + pool).isTrue());
        }
        assertThat(run.dependsOn(cluster, vpc)).as("the cluster goes before its VPC").isTrue();
    }

    @Test
    void theProjectIsDeletedOnlyAfterEveryKubernetesObjectAndItsProvider() {
        // DigitalOcean deletes a project only when it is empty and the provider retries for 3 minutes: the project (and the
        // cluster's membership in it) must outlive every Service and claim, whose load balancer and volume may sit in it
        OfflineRun run = runWithWorkloads(Fixtures.args().build());
        PlannedResource provider = run.get("pulumi:providers:kubernetes", "demo-k8s");
        assertThat(run.dependsOn(provider, run.get(io.codezero.digitalocean.resources.ProjectResources.TYPE, "demo-project-resources"))).isTrue();
        assertThat(run.dependsOn(provider, run.get(io.codezero.digitalocean.resources.Project.TYPE, "demo-project"))).isTrue();
        // each object is deleted before the provider it was made with
        for (String[] object : new String[][] {{"kubernetes:core/v1:Service", "istio-gateway"}, {"kubernetes:core/v1:PersistentVolumeClaim", "data"}}) {
            assertThat(run.get(object[0], object[1]).providerUrn()).startsWith(provider.urn());
        }
        // an adopted project is not deleted, but the cluster's membership in it still goes last
        OfflineRun adopted = runWithWorkloads(Fixtures.args().existingProjectId("4e1bfbc3-dc3e-41f2-a18f-1b4d7ba71679").build());
        assertThat(adopted.dependsOn(adopted.get("pulumi:providers:kubernetes", "demo-k8s"),
                adopted.get(io.codezero.digitalocean.resources.ProjectResources.TYPE, "demo-project-resources"))).isTrue();
    }

    @Test
    void theInfrastructureDoesNotDependOnTheWorkloads() {
        OfflineRun run = runWithWorkloads(Fixtures.args().build());
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "istio-gateway");
        assertThat(run.dependsOn(run.get(Vpc.TYPE, "demo-vpc"), gateway)).isFalse();
        assertThat(run.dependsOn(run.get(KubernetesCluster.TYPE, "demo-doks"), gateway)).isFalse();
    }

    @Test
    void digitalOceanDeletesNothingOnItsOwnUnlessAskedTo() {
        assertThat(runWithWorkloads(Fixtures.args().build()).get(KubernetesCluster.TYPE, "demo-doks").input("destroyAllAssociatedResources"))
                .isEqualTo(false);
        assertThat(runWithWorkloads(Fixtures.args().destroyAssociatedResources(true).build()).get(KubernetesCluster.TYPE, "demo-doks")
                .input("destroyAllAssociatedResources")).isEqualTo(true);
    }
}
