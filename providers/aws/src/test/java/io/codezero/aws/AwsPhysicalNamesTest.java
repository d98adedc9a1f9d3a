package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.PhysicalName;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What two EKS stacks of one program must not share (ClusterTarget.physicalNames; the stack reports a shared one). */
class AwsPhysicalNamesTest {
    private static Set<PhysicalName> names(String region, String cluster) {
        return new AwsTarget(AwsTargetArgs.builder().region(region).build()).physicalNames(ClusterSpec.builder(cluster).build());
    }

    private static boolean collide(Set<PhysicalName> a, Set<PhysicalName> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(x::collidesWith));
    }

    @Test
    void anEksClusterNameIsUniquePerRegion() {
        assertThat(collide(names("eu-west-1", "shop"), names("eu-west-1", "shop"))).isTrue();
        assertThat(collide(names("eu-west-1", "shop"), names("us-east-2", "shop"))).isFalse();
        assertThat(collide(names("eu-west-1", "shop"), names("eu-west-1", "shop-2"))).isFalse();
    }
}
