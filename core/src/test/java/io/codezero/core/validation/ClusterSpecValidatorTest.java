package io.codezero.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.Taint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSpecValidatorTest {

    @Test
    void theDefaultSpecIsValid() {
        assertThat(ClusterSpecValidator.validate(ClusterSpec.builder("demo").build())).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithFieldValueAndWhatIsValid() {
        ClusterSpec spec = ClusterSpec.builder("Demo_Cluster")
                .kubernetesVersion("1.19")
                .nodePool(NodePool.builder("web").size(MachineSize.sizeClass("huge")).scaling(5, 4, 3).build())
                .nodePool(NodePool.builder("web").taint(new Taint("dedicated", "gpu", "NoScheduel")).build())
                .network(NetworkSpec.builder().vpcCidr("10.0.0.0/16").podCidr("10.0.128.0/17").serviceCidr("300.1.0.0/16").build())
                .build();

        List<Problem> problems = ClusterSpecValidator.validate(spec);

        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder(
                "name", "kubernetesVersion", "nodePools[0].size", "nodePools[0].minNodes",
                "nodePools[1].name", "nodePools[1].taints[0].effect", "network.podCidr", "network.serviceCidr");
        assertThat(problems).filteredOn(p -> p.field().equals("nodePools[0].size")).singleElement()
                .satisfies(p -> {
                    assertThat(p.value()).isEqualTo("huge");
                    assertThat(p.message()).contains("small, medium, large, gpu");
                });
        assertThat(problems).filteredOn(p -> p.field().equals("kubernetesVersion")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("1.34"));
        assertThat(problems).filteredOn(p -> p.field().equals("network.podCidr")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("overlaps network.vpcCidr"));
    }

    @Test
    void checkThrowsOneExceptionListingEveryProblem() {
        ClusterSpec spec = ClusterSpec.builder("").kubernetesVersion("latest").build();
        assertThatThrownBy(() -> ClusterSpecValidator.check(spec))
                .isInstanceOf(SpecValidationException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("name = \"\": is empty")
                .hasMessageContaining("kubernetesVersion = \"latest\"");
    }

    @Test
    void hostBitsInACidrSuggestTheNetworkAddress() {
        ClusterSpec spec = ClusterSpec.builder("demo").network(NetworkSpec.builder().vpcCidr("10.0.0.1/16").build()).build();
        assertThat(ClusterSpecValidator.validate(spec)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("did you mean 10.0.0.0/16"));
    }

    /** Targets give the allowlist of a private endpoint a meaning (AWS: who may reach it inside an adopted VPC). */
    @Test
    void anAllowlistWithAPrivateOnlyEndpointIsLeftToTheTarget() {
        ClusterSpec spec = ClusterSpec.builder("demo").network(NetworkSpec.builder()
                .privateApiOnly(true).allowApiAccessFrom("10.8.0.0/16").build()).build();
        assertThat(ClusterSpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void theWholeInternetOnAPublicEndpointNeedsAnExplicitOptIn() {
        NetworkSpec.Builder open = NetworkSpec.builder().allowApiAccessFrom("0.0.0.0/0");
        assertThat(ClusterSpecValidator.validate(ClusterSpec.builder("demo").network(open.build()).build()))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("network.apiAccessAllowlist[0]");
                    assertThat(p.message()).contains("apiOpenToInternet");
                });
        assertThat(ClusterSpecValidator.validate(ClusterSpec.builder("demo").network(open.apiOpenToInternet(true).build()).build()))
                .isEmpty();
    }

    @Test
    void sizeClassAndMachineTypeAreExclusive() {
        ClusterSpec spec = ClusterSpec.builder("demo")
                .nodePool(NodePool.builder("a").size(new MachineSize("small", "m7i.large")).build()).build();
        assertThat(ClusterSpecValidator.validate(spec)).extracting(Problem::message)
                .containsExactly("set either a size class or a machine type, not both");
    }

    @Test
    void invalidLabelKeysAreReported() {
        ClusterSpec spec = ClusterSpec.builder("demo")
                .nodePool(NodePool.builder("a").label("Bad Key!", "x").build())
                .tag("aws:owner", "me").build();
        // the aws: tag prefix is the AWS target's rule (AwsValidatorTest), not a shared one
        assertThat(ClusterSpecValidator.validate(spec)).extracting(Problem::field)
                .containsExactly("nodePools[0].labels");
    }
}
