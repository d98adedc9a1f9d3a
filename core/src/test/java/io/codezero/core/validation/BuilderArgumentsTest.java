package io.codezero.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed API (examples/from-code) refuses a null where it is passed, naming the call, instead of failing deep inside. */
class BuilderArgumentsTest {

    static Stream<Arguments> nulls() {
        return Stream.of(
                Arguments.of("ClusterSpec.Builder.nodePool", (Executable) () -> ClusterSpec.builder("a").nodePool(null)),
                Arguments.of("ClusterSpec.Builder.nodePools", (Executable) () -> ClusterSpec.builder("a").nodePools(null)),
                Arguments.of("ClusterSpec.Builder.nodePools[1]", (Executable) () -> ClusterSpec.builder("a")
                        .nodePools(Arrays.asList(NodePool.builder("a").build(), null))),
                Arguments.of("ClusterSpec.Builder.tag", (Executable) () -> ClusterSpec.builder("a").tag(null, "v")),
                Arguments.of("ClusterSpec.Builder.tag.team", (Executable) () -> ClusterSpec.builder("a").tag("team", null)),
                Arguments.of("ClusterSpec.Builder.tags", (Executable) () -> ClusterSpec.builder("a").tags(null)),
                Arguments.of("NodePool.Builder.size", (Executable) () -> NodePool.builder("a").size((SizeClass) null)),
                Arguments.of("NodePool.Builder.size", (Executable) () -> NodePool.builder("a").size((MachineSize) null)),
                Arguments.of("NodePool.Builder.labels", (Executable) () -> NodePool.builder("a").labels(null)),
                Arguments.of("NodePool.Builder.taint", (Executable) () -> NodePool.builder("a").taint((Taint) null)),
                Arguments.of("NodePool.Builder.taints", (Executable) () -> NodePool.builder("a").taints(null)),
                Arguments.of("NetworkSpec.Builder.allowApiAccessFrom", (Executable) () -> NetworkSpec.builder().allowApiAccessFrom(null)),
                Arguments.of("NetworkSpec.Builder.apiAccessAllowlist", (Executable) () -> NetworkSpec.builder().apiAccessAllowlist(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nulls")
    void aNullIsAProblemNamingTheCall(String call, Executable passNull) {
        assertThatThrownBy(passNull::execute).isInstanceOf(SpecValidationException.class)
                .satisfies(e -> assertThat(((SpecValidationException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo(call)));
    }
}
