package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.DependencyGraph;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.target.Exposure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pulumi destroys in reverse dependency order. A LoadBalancer Service (the Istio gateway) made
 * with the returned provider and readiness must therefore depend on every piece of network the
 * NLB and its ENIs sit in, so it is deleted (and the cloud controller removes the NLB) first.
 */
class DestroyOrderTest {

    private static OfflineRun runWithGateway(AwsTargetArgs args) {
        return Fixtures.run(Fixtures.spec(), args, (cluster, parent) -> {
            var options = CustomResourceOptions.builder().parent(parent).provider(cluster.provider()).dependsOn(cluster.readiness()).build();
            new Service("istio-gateway", ServiceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("istio-ingressgateway").namespace("istio-ingress")
                            .annotations(cluster.loadBalancers().annotationsFor(Exposure.INTERNET_FACING).orElseThrow()).build())
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
    void loadBalancerServiceIsDeletedBeforeTheNetworkUnderIt() {
        OfflineRun run = runWithGateway(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        DependencyGraph graph = DependencyGraph.of(run);
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "istio-gateway");
        List<PlannedResource> network = run.where(r -> r.type().startsWith("aws:ec2/") && !r.type().endsWith("LaunchTemplate"));
        assertThat(network).extracting(PlannedResource::type).contains(
                "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/natGateway:NatGateway", "aws:ec2/internetGateway:InternetGateway",
                "aws:ec2/routeTable:RouteTable", "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/eip:Eip");
        assertThat(network).allSatisfy(piece ->
                assertThat(graph.reaches(gateway.urn(), piece.urn())).as(gateway + " must wait for " + piece).isTrue());
        // and the control plane and node groups, whose deletion would orphan the NLB
        assertThat(graph.reaches(gateway.urn(), run.get("aws:eks/cluster:Cluster", "demo-eks").urn())).isTrue();
        assertThat(run.ofType("aws:eks/nodeGroup:NodeGroup")).allSatisfy(g -> assertThat(graph.reaches(gateway.urn(), g.urn())).isTrue());
    }

    @Test
    void volumesAreReleasedWhileTheEbsDriverStillRuns() {
        OfflineRun run = runWithGateway(Fixtures.args().build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource claim = run.get("kubernetes:core/v1:PersistentVolumeClaim", "data");
        assertThat(run.dependsOn(claim, run.get("aws:eks/addon:Addon", "demo-aws-ebs-csi-driver"))).isTrue();
        assertThat(run.dependsOn(claim, run.get("kubernetes:storage.k8s.io/v1:StorageClass", "demo-gp3-encrypted"))).isTrue();
        assertThat(run.dependsOn(claim, run.get("aws:ec2/subnet:Subnet", "demo-private-a"))).isTrue();
    }

    @Test
    void theNetworkDoesNotDependOnTheWorkloads() {
        OfflineRun run = runWithGateway(Fixtures.args().natMode(NatMode.SINGLE).build());
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource gateway = run.get("kubernetes:core/v1:Service", "istio-gateway");
        assertThat(run.dependsOn(run.get("aws:ec2/natGateway:NatGateway", "demo-nat-a"), gateway)).isFalse();
        assertThat(run.dependsOn(run.get("aws:ec2/vpc:Vpc", "demo-vpc"), gateway)).isFalse();
    }
}
