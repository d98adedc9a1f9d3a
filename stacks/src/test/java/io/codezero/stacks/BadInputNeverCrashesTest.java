package io.codezero.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import io.codezero.platform.PlatformSettings;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input built in code, as a new user writes it: each is a list of problems naming what to change (a
 * {@link SpecValidationException}), never another exception. Config input has the same guarantee in
 * {@code plan.BadInputTest} and {@code plan.ConfigBadInputSweepTest}.
 */
class BadInputNeverCrashesTest {
    @TempDir
    static Path dir;

    private static ClusterSpec.Builder cluster() {
        return ClusterSpec.builder("a");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(null, (Function<CodeZeroStackArgs.Builder, CodeZeroStackArgs>) b -> b.cluster(cluster().build()).build(),
                        "CodeZeroStack(name) = <missing>"),
                Arguments.of("a", (Function<CodeZeroStackArgs.Builder, CodeZeroStackArgs>) b -> null, "CodeZeroStack(args) = <missing>"),
                Arguments.of("a", fn(b -> CodeZeroStackArgs.builder().build()), "target = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(ClusterSpec.builder(null).build()).build()), "cluster.name = <missing>"),
                Arguments.of("", fn(b -> b.cluster(ClusterSpec.builder("").build()).build()), "cluster.name = \"\""),
                Arguments.of("a", fn(b -> b.cluster(cluster().kubernetesVersion(null).build()).build()), "cluster.kubernetesVersion = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().kubernetesVersion("1.34.1").build()).build()), "give the minor version only"),
                Arguments.of("a", fn(b -> b.cluster(cluster().tag(null, null).build()).build()), "ClusterSpec.Builder.tag = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().nodePool(null).build()).build()), "ClusterSpec.Builder.nodePool = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().nodePool(NodePool.builder(null).build()).build()).build()),
                        "cluster.nodePools[0].name = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().nodePool(NodePool.builder("p").size((SizeClass) null).build()).build()).build()),
                        "NodePool.Builder.size = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().nodePool(NodePool.builder("p").scaling(-1, -2, -3).build()).build()).build()),
                        "cluster.nodePools[0].minNodes = \"-1\""),
                Arguments.of("a", fn(b -> b.cluster(cluster().nodePool(NodePool.builder("p").taint(new Taint(null, null, null)).build()).build()).build()),
                        "cluster.nodePools[0].taints[0].key = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().nodePool(NodePool.builder("p").label(null, null).build()).build()).build()),
                        "NodePool.Builder.label = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().network(NetworkSpec.builder().vpcCidr(null).build()).build()).build()),
                        "cluster.network.vpcCidr = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().network(NetworkSpec.builder().vpcCidr("10.0.0.0/l6").build()).build()).build()),
                        "is not a prefix length"),
                Arguments.of("a", fn(b -> b.cluster(cluster().network(NetworkSpec.builder().allowApiAccessFrom((String) null).build()).build()).build()),
                        "NetworkSpec.Builder.allowApiAccessFrom = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().build()).layer(null).build()), "CodeZeroStackArgs.Builder.layer = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().build()).app(null).build()), "CodeZeroStackArgs.Builder.app = <missing>"),
                Arguments.of("a", fn(b -> b.cluster(cluster().build()).settings(PlatformSettings.defaults().withDomain("..")).build()),
                        "platform.domain = \"..\""));
    }

    private static Function<CodeZeroStackArgs.Builder, CodeZeroStackArgs> fn(Function<CodeZeroStackArgs.Builder, CodeZeroStackArgs> f) {
        return f;
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void isAProblemListNeverAnotherException(String name, Function<CodeZeroStackArgs.Builder, CodeZeroStackArgs> args, String expected) {
        OfflineRun run = OfflineEngine.create().run(ctx ->
                new CodeZeroStack(name, args.apply(CodeZeroStackArgs.builder().target(TestTargets.local(dir)))).exportTo(ctx));
        assertThat(run.succeeded()).isFalse();
        Throwable failure = run.exceptions().stream().findFirst().orElseThrow(() -> new AssertionError(run.failure()));
        while (!(failure instanceof SpecValidationException) && failure.getCause() != null && failure.getCause() != failure) {
            failure = failure.getCause();
        }
        assertThat(failure).as(run.failure()).isInstanceOf(SpecValidationException.class);
        assertThat(((SpecValidationException) failure).problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p).contains(expected));
    }
}
