package io.codezero.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cluster specs the shared rules accepted before, though Kubernetes or every target would refuse or ignore them. */
class ClusterSpecBadInputTest {

    private static List<Problem> validate(NodePool pool, NetworkSpec network) {
        return ClusterSpecValidator.validate(ClusterSpec.builder("shop").nodePool(pool).network(network).build());
    }

    private static NodePool.Builder pool() {
        return NodePool.builder("system").size(SizeClass.MEDIUM);
    }

    private static NetworkSpec allow(String... cidrs) {
        return NetworkSpec.builder().apiAccessAllowlist(List.of(cidrs)).build();
    }

    @Test
    void refusesANodeLabelInKubernetesReservedPrefix() {
        List<Problem> problems = validate(pool().label("kubernetes.io/role", "worker").build(), allow("203.0.113.0/24"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("nodePools[0].labels.kubernetes.io/role");
            assertThat(p.message()).contains("reserves").contains("node.kubernetes.io/");
        });
    }

    @Test
    void acceptsTheNodeLabelPrefixesKubeletMaySet() {
        assertThat(validate(pool().label("node.kubernetes.io/pool", "a").label("example.com/tier", "b").build(), allow("203.0.113.0/24"))).isEmpty();
    }

    @Test
    void refusesTwoTaintsWithTheSameKeyAndEffect() {
        List<Problem> problems = validate(pool().taint(new Taint("gpu", "a", "NoSchedule")).taint(new Taint("gpu", "b", "NoSchedule")).build(),
                allow("203.0.113.0/24"));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("nodePools[0].taints[1]"));
    }

    @Test
    void refusesARepeatedAllowlistRange() {
        assertThat(validate(pool().build(), allow("203.0.113.0/24", "203.0.113.0/24"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("network.apiAccessAllowlist[1]"));
    }

    @Test
    void refusesAllowlistRangesNoClientConnectsFrom() {
        List<Problem> problems = validate(pool().build(), allow("127.0.0.1/32", "169.254.0.0/16", "224.0.0.0/4", "0.0.0.0/8"));
        assertThat(problems).extracting(Problem::message).allSatisfy(m -> assertThat(m).contains("no client reaches the API endpoint"));
        assertThat(problems).hasSize(4);
    }
}
