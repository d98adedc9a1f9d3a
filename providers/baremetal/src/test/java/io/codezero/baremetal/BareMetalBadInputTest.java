package io.codezero.baremetal;

import static io.codezero.baremetal.BareMetalValidationTest.host;
import static io.codezero.baremetal.BareMetalValidationTest.problems;
import static io.codezero.baremetal.BareMetalValidationTest.section;
import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.validation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** codezero:baremetal values the issue-9 sweep found accepted: each was silently ignored or could never work. */
class BareMetalBadInputTest {
    @TempDir
    Path dir;

    private static List<Problem> with(String key, Object value) {
        Map<String, Object> s = section(host("10.0.0.10", "server"), host("10.0.0.20", "agent"));
        s.put(key, value);
        return problems(s);
    }

    @Test
    void refusesAKeyFileNextToCredentials() {
        assertThat(with("privateKeyFile", "~/.ssh/id_ed25519")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("baremetal.privateKeyFile");
            assertThat(p.message()).contains("give one private key");
        });
    }

    @Test
    void refusesAKeyFileThatIsNotAPrivateKey() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("hostname"), "lab-1\n");
        Map<String, Object> agent = host("10.0.0.20", "agent");
        agent.put("privateKeyFile", notAKey.toString());
        assertThat(problems(section(host("10.0.0.10", "server"), agent)))
                .anySatisfy(p -> assertThat(p.toString()).startsWith("baremetal.hosts[1].privateKeyFile").contains("is not a private key file"));
    }

    @Test
    void refusesAnEmptyAirgap() {
        assertThat(with("airgap", Map.of())).singleElement().satisfies(p -> assertThat(p.toString()).startsWith("baremetal.airgap").contains("names no file"));
    }

    @Test
    void refusesClusterKeysOnTheJumpHost() {
        Map<String, Object> jump = host("10.0.0.5", "agent");
        jump.put("pool", "workers");
        assertThat(with("jumpHost", jump)).extracting(Problem::field).containsExactlyInAnyOrder("baremetal.jumpHost.role", "baremetal.jumpHost.pool");
    }

    @Test
    void refusesAddressesWithServiceLb() {
        assertThat(with("loadBalancer", Map.of("type", "serviceLB", "addresses", List.of("10.0.0.240/29")))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("baremetal.loadBalancer.addresses").contains("only with type: metallb"));
    }

    @Test
    void refusesARepeatedServerArgument() {
        assertThat(with("extraServerArgs", List.of("--disable=traefik", "--disable=traefik"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("baremetal.extraServerArgs[1]"));
    }

    @Test
    void refusesALoopbackApiAddress() {
        assertThat(with("apiAddress", "127.0.0.1")).singleElement().satisfies(p -> assertThat(p.message()).contains("loopback"));
    }

    @Test
    void refusesAddressesThatAreNeverAMachine() {
        assertThat(problems(section(host("10.0.0.10", "server"), host("0.0.0.0", "agent"), host("255.255.255.255", "agent"), host("224.0.0.1", "agent"))))
                .extracting(Problem::field)
                .containsExactlyInAnyOrder("baremetal.hosts[1].address", "baremetal.hosts[2].address", "baremetal.hosts[3].address");
    }

    @Test
    void refusesATruncatedFingerprint() {
        Map<String, Object> agent = host("10.0.0.20", "agent");
        agent.put("hostKey", "SHA256:abc");
        assertThat(problems(section(host("10.0.0.10", "server"), agent))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("43 base64 characters"));
    }

    @Test
    void refusesAPoolNoMachineJoinsAndSpotCapacity() {
        ClusterSpec spec = ClusterSpec.builder("lab").kubernetesVersion("1.34")
                .nodePool(NodePool.builder("workers").spot(true).build()).build();
        Map<String, Object> agent = host("10.0.0.20", "agent");
        List<Problem> problems = problems(section(host("10.0.0.10", "server"), agent), Map.of("sshKey", BareMetalValidationTest.PRIVATE), spec);
        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("nodePools[0].name", "nodePools[0].spot");
    }

    @Test
    void aPoolWithoutANameAndAHostNamingAPoolAreProblemsNotACrash() {
        ClusterSpec spec = ClusterSpec.builder("lab").kubernetesVersion("1.34").nodePool(NodePool.builder(null).build()).build();
        Map<String, Object> agent = host("10.0.0.20", "agent");
        agent.put("pool", "workers");
        List<Problem> problems = problems(section(host("10.0.0.10", "server"), agent), Map.of("sshKey", BareMetalValidationTest.PRIVATE), spec);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("baremetal.hosts[1].pool");
            assertThat(p.message()).contains("is not a node pool of the cluster");
        });
    }
}
