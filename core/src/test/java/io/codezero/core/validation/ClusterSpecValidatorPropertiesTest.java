package io.codezero.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.Versions;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import io.codezero.core.spec.TaintEffect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-based tests over generated specs. Each case has its own seed, printed in its name,
 * so a failure is replayed by generating from that seed.
 */
class ClusterSpecValidatorPropertiesTest {
    private static final int CASES = 300;
    private static final long BASE_SEED = 0xC0DE2E40L;

    /** One way to break exactly one field, and the field the problem must name. */
    record Breakage(String field, UnaryOperator<ClusterSpec> apply) {
    }

    private static final List<Breakage> BREAKAGES = List.of(
            new Breakage("name", s -> s.toBuilder().name(s.name().toUpperCase() + "_X").build()),
            new Breakage("name", s -> s.toBuilder().name("a".repeat(Names.MAX_CLUSTER_NAME + 1)).build()),
            new Breakage("kubernetesVersion", s -> s.toBuilder().kubernetesVersion("1.2").build()),
            new Breakage("nodePools[0].size", s -> withFirstPool(s, p -> p.toBuilder().size(MachineSize.sizeClass("xxl")).build())),
            new Breakage("nodePools[0].minNodes", s -> withFirstPool(s, p -> p.toBuilder().min(p.maxNodes() + 1).build())),
            new Breakage("nodePools[0].desiredNodes", s -> withFirstPool(s, p -> p.toBuilder().min(0).desired(p.maxNodes() + 1).build())),
            new Breakage("nodePools[0].maxNodes", s -> withFirstPool(s, p -> p.toBuilder().min(0).desired(0).max(0).build())),
            new Breakage("nodePools[0].taints[0].effect", s -> withFirstPool(s, p -> p.toBuilder()
                    .taints(List.of(new Taint("k", "v", "Sometimes"))).build())),
            new Breakage("nodePools[1].name", s -> {
                List<NodePool> pools = new ArrayList<>(s.nodePools());
                pools.add(1, pools.get(0));
                return s.toBuilder().nodePools(pools).build();
            }),
            new Breakage("network.vpcCidr", s -> withNetwork(s, n -> n.toBuilder().vpcCidr("10.0.0.0").build())),
            new Breakage("network.serviceCidr", s -> withNetwork(s, n -> n.toBuilder().serviceCidr(n.vpcCidr()).build())),
            new Breakage("network.apiAccessAllowlist[0]", s -> withNetwork(s, n -> n.toBuilder().privateApiOnly(false)
                    .apiAccessAllowlist(List.of("1.2.3.4/33")).build())));

    @TestFactory
    Stream<DynamicTest> generatedValidSpecsHaveNoProblems() {
        return cases("valid spec", (random, seed) -> {
            ClusterSpec spec = validSpec(random);
            assertThat(ClusterSpecValidator.validate(spec)).as("seed %d: %s", seed, spec).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> breakingOneFieldReportsThatField() {
        return cases("one broken field", (random, seed) -> {
            ClusterSpec valid = validSpec(random);
            Breakage breakage = BREAKAGES.get(random.nextInt(BREAKAGES.size()));
            List<Problem> problems = ClusterSpecValidator.validate(breakage.apply().apply(valid));
            assertThat(problems).as("seed %d", seed).isNotEmpty();
            assertThat(problems).as("seed %d", seed).extracting(Problem::field).contains(breakage.field());
            assertThat(problems).as("seed %d", seed).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        });
    }

    @TestFactory
    Stream<DynamicTest> breakingSeveralFieldsReportsEveryOneOfThem() {
        return cases("several broken fields", (random, seed) -> {
            ClusterSpec spec = validSpec(random);
            List<Breakage> shuffled = new ArrayList<>(independentBreakages());
            Collections.shuffle(shuffled, random);
            List<Breakage> chosen = shuffled.subList(0, 2 + random.nextInt(3));
            for (Breakage b : chosen) {
                spec = b.apply().apply(spec);
            }
            List<String> fields = ClusterSpecValidator.validate(spec).stream().map(Problem::field).toList();
            assertThat(fields).as("seed %d", seed).containsAll(chosen.stream().map(Breakage::field).toList());
        });
    }

    @TestFactory
    Stream<DynamicTest> cidrOverlapAgreesWithAddressArithmetic() {
        return cases("cidr overlap", (random, seed) -> {
            Cidr a = randomCidr(random);
            Cidr b = randomCidr(random);
            boolean expected = Math.max(a.network(), b.network()) <= Math.min(a.lastAddress(), b.lastAddress());
            assertThat(a.overlaps(b)).as("seed %d: %s vs %s", seed, a, b).isEqualTo(expected).isEqualTo(b.overlaps(a));
            assertThat(Cidr.parse(a.toString())).contains(a);
        });
    }

    @TestFactory
    Stream<DynamicTest> arbitraryTextNeverCrashesTheValidator() {
        return cases("garbage input", (random, seed) -> {
            ClusterSpec spec = ClusterSpec.builder(garbage(random)).kubernetesVersion(garbage(random))
                    .nodePool(NodePool.builder(garbage(random)).size(MachineSize.sizeClass(garbage(random)))
                            .label(garbage(random) + "k", garbage(random)).build())
                    .network(NetworkSpec.builder().vpcCidr(garbage(random)).podCidr(garbage(random)).build())
                    .build();
            assertThat(ClusterSpecValidator.validate(spec)).as("seed %d", seed).isNotNull();
        });
    }

    private static List<Breakage> independentBreakages() {
        // one breakage per field, none of which masks another
        return List.of(BREAKAGES.get(0), BREAKAGES.get(2), BREAKAGES.get(3), BREAKAGES.get(8), BREAKAGES.get(9));
    }

    interface Property {
        void check(Random random, long seed);
    }

    private static Stream<DynamicTest> cases(String name, Property property) {
        return IntStream.range(0, CASES).mapToObj(i -> {
            long seed = BASE_SEED + i;
            return DynamicTest.dynamicTest(name + " #" + i + " (seed " + seed + ")", () -> property.check(new Random(seed), seed));
        });
    }

    static ClusterSpec validSpec(Random random) {
        ClusterSpec.Builder builder = ClusterSpec.builder(dnsLabel(random, 1 + random.nextInt(Names.MAX_CLUSTER_NAME)))
                .kubernetesVersion(Versions.KUBERNETES_SUPPORTED.get(random.nextInt(Versions.KUBERNETES_SUPPORTED.size())));
        int pools = 1 + random.nextInt(4);
        for (int i = 0; i < pools; i++) {
            int max = 1 + random.nextInt(50);
            int min = random.nextInt(max + 1);
            int desired = min + random.nextInt(max - min + 1);
            NodePool.Builder pool = NodePool.builder("p" + i + dnsLabel(random, random.nextInt(8)).replaceAll("-$", ""))
                    .scaling(min, desired, max).spot(random.nextBoolean());
            if (random.nextBoolean()) {
                pool.size(SizeClass.values()[random.nextInt(SizeClass.values().length)]);
            } else {
                pool.machineType("type-" + random.nextInt(100));
            }
            if (random.nextBoolean()) {
                pool.label("codezero.io/role", dnsLabel(random, 5));
            }
            if (random.nextBoolean()) {
                pool.taint(Taint.of("dedicated", dnsLabel(random, 4), TaintEffect.values()[random.nextInt(3)]));
            }
            builder.nodePool(pool.build());
        }
        int second = 16 + random.nextInt(200);
        NetworkSpec.Builder network = NetworkSpec.builder()
                .vpcCidr("10." + second + ".0.0/16")
                .podCidr("10." + (second + 1) + ".0.0/16")
                .serviceCidr("172." + (16 + random.nextInt(16)) + ".0.0/16");
        if (random.nextBoolean()) {
            network.privateApiOnly(true);
        } else {
            network.allowApiAccessFrom("203.0.113." + (random.nextInt(32) * 8) + "/29");
        }
        return builder.network(network.build()).tag("team", dnsLabel(random, 6)).build();
    }

    private static String dnsLabel(Random random, int length) {
        if (length == 0) {
            return "";
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder out = new StringBuilder().append((char) ('a' + random.nextInt(26)));
        for (int i = 1; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            out.append(i == length - 1 && c == '-' ? 'z' : c);
        }
        return out.toString();
    }

    private static Cidr randomCidr(Random random) {
        int prefix = random.nextInt(33);
        long address = random.nextLong() & 0xFFFFFFFFL;
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return new Cidr(address & mask, prefix);
    }

    private static String garbage(Random random) {
        String alphabet = "aZ09-_./: \u00e9\t";
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static ClusterSpec withFirstPool(ClusterSpec spec, UnaryOperator<NodePool> change) {
        List<NodePool> pools = new ArrayList<>(spec.nodePools());
        pools.set(0, change.apply(pools.get(0)));
        return spec.toBuilder().nodePools(pools).build();
    }

    private static ClusterSpec withNetwork(ClusterSpec spec, UnaryOperator<NetworkSpec> change) {
        return spec.toBuilder().network(change.apply(spec.network())).build();
    }
}
