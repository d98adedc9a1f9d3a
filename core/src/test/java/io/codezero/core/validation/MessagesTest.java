package io.codezero.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Problem messages that say what the user did wrong, each once. */
class MessagesTest {

    @Test
    void anUnquotedVersionReadAsANumberIsToldToBeQuoted() {
        // YAML reads `kubernetesVersion: 1.30` as the number 1.3
        ConfigObject cluster = ConfigObject.root("codezero:cluster", Map.of("name", "shop", "kubernetesVersion", 1.3));
        ClusterSpecConfig.read(cluster, "shop");
        assertThat(cluster.problems()).extracting(Problem::toString).containsExactly("codezero:cluster.kubernetesVersion = \"1.3\": was read"
                + " as the number 1.3 because it is not quoted (YAML drops a trailing zero: 1.30 reads as 1.3); quote the version, e.g."
                + " kubernetesVersion: \"1.34\"; supported: 1.32, 1.33, 1.34, 1.35");
    }

    @Test
    void anUnquotedSupportedVersionIsFine() {
        ConfigObject cluster = ConfigObject.root("codezero:cluster", Map.of("name", "shop", "kubernetesVersion", 1.34));
        assertThat(ClusterSpecConfig.read(cluster, "shop").kubernetesVersion()).isEqualTo("1.34");
        assertThat(cluster.problems()).isEmpty();
    }

    @Test
    void aPatchVersionIsToldToGiveTheMinorOnly() {
        assertThat(ClusterSpecValidator.validate(ClusterSpec.builder("shop").kubernetesVersion("1.34.2").build()))
                .extracting(Problem::toString).containsExactly("kubernetesVersion = \"1.34.2\": is a patch version; give the minor version"
                        + " only, \"1.34\" (each target installs that minor's patch release it supports)");
        assertThat(ClusterSpecValidator.validate(ClusterSpec.builder("shop").kubernetesVersion("1.29").build()))
                .extracting(Problem::message).containsExactly("is not supported; give a minor version (no patch), one of 1.32, 1.33, 1.34, 1.35");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/l6|has \"l6\" after the '/', which is not a prefix length; expected a number 0..32, for example 10.0.0.0/16",
        "10.0.0.0/16,|has \"16,\" after the '/', which is not a prefix length; expected a number 0..32, for example 10.0.0.0/16",
        "'10.0.0.0 /16'|has a space in it; write it without spaces: 10.0.0.0/16",
        "10.0.0.0\\16|has '\\' where the '/' before the prefix length belongs; did you mean 10.0.0.0/16?",
        "10.0.0.0:16|has ':' where the '/' before the prefix length belongs; did you mean 10.0.0.0/16?",
        "10.0.0/16|has \"10.0.0\" before the '/', which is not an IPv4 address: it has 3 parts where an address has four numbers separated by dots; expected for example 10.0.0.0/16",
        "10.0.0.256/24|has \"10.0.0.256\" before the '/', which is not an IPv4 address: 256 is above 255; expected for example 10.0.0.0/16",
        "10.o.0.0/16|has \"10.o.0.0\" before the '/', which is not an IPv4 address: \"o\" is not a number 0-255; expected for example 10.0.0.0/16",
        "10.0.0.0/33|has the prefix length /33, outside 0..32",
        "10.0.0.1/16|has host bits set; did you mean 10.0.0.0/16?"})
    void aCidrTypoIsNamedAsATypo(String cidr, String why) {
        assertThat(Cidr.whyInvalid(cidr)).contains(why);
    }

    @Test
    void theSameProblemFoundTwiceIsListedOnce() {
        Problem key = Problem.of("codezero:baremetal.hosts[0].privateKey", "<plain text>", "holds a key in plain text");
        SpecValidationException e = new SpecValidationException("stack 'shop'", List.of(key, key,
                Problem.of("codezero:baremetal.hosts[1].privateKey", "<plain text>", "holds a key in plain text"), key, key));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).startsWith("2 problems in stack 'shop':");
    }
}
