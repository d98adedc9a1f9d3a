package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.PhysicalName;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What two GKE stacks of one program must not share (ClusterTarget.physicalNames; the stack reports a shared one). */
class GcpPhysicalNamesTest {
    private static Set<PhysicalName> names(String project, String region, String cluster, boolean adoptNetwork) {
        var args = GcpTargetArgs.builder().project(project).region(region);
        if (adoptNetwork) {
            args.existingNetwork("shared").existingSubnetwork("shared-" + region);
        }
        return new GcpTarget(args.build()).physicalNames(ClusterSpec.builder(cluster).build());
    }

    private static Set<String> collisions(Set<PhysicalName> a, Set<PhysicalName> b) {
        return a.stream().filter(x -> b.stream().anyMatch(x::collidesWith)).map(PhysicalName::kind).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theSameNameInTwoRegionsOfOneProjectSharesTheNetworkAndServiceAccount() {
        assertThat(collisions(names("acme", "europe-west1", "shop", false), names("acme", "us-central1", "shop", false)))
                .containsExactlyInAnyOrder("VPC network", "node service account of the cluster");
    }

    @Test
    void theSameNameInOneRegionSharesTheClusterToo() {
        assertThat(collisions(names("acme", "europe-west1", "shop", false), names("acme", "europe-west1", "shop", false)))
                .contains("GKE cluster");
    }

    @Test
    void anAdoptedNetworkIsNotClaimed() {
        assertThat(collisions(names("acme", "europe-west1", "shop", true), names("acme", "us-central1", "shop", true)))
                .containsExactly("node service account of the cluster");
    }

    @Test
    void anotherProjectOrNameSharesNothing() {
        assertThat(collisions(names("acme", "europe-west1", "shop", false), names("other", "europe-west1", "shop", false))).isEmpty();
        assertThat(collisions(names("acme", "europe-west1", "shop", false), names("acme", "europe-west1", "shop-2", false))).isEmpty();
    }
}
