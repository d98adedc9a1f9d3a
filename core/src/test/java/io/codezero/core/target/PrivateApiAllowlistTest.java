package io.codezero.core.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.validation.Problem;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** An allowlist with privateApiOnly: true is honoured by a target that says so, and a problem everywhere else, never ignored. */
class PrivateApiAllowlistTest {
    private static final ClusterSpec PRIVATE_WITH_ALLOWLIST = ClusterSpec.builder("shop")
            .network(NetworkSpec.builder().privateApiOnly(true).allowApiAccessFrom("10.8.0.0/16").build()).build();

    @Test
    void aTargetThatFiltersOnlyAPublicEndpointRefusesIt() {
        var honoured = EnumSet.complementOf(EnumSet.of(SpecField.PRIVATE_API_ALLOWLIST));
        assertThat(SpecField.unhonoured(PRIVATE_WITH_ALLOWLIST, honoured, "azure target")).extracting(Problem::toString)
                .containsExactly("network.apiAccessAllowlist = \"[10.8.0.0/16]\": the azure target cannot restrict a private-only API"
                        + " endpoint (privateApiOnly: true) to an allowlist: remove `network.apiAccessAllowlist`");
    }

    @Test
    void aTargetThatFiltersThePrivateEndpointTakesIt() {
        assertThat(SpecField.unhonoured(PRIVATE_WITH_ALLOWLIST, EnumSet.allOf(SpecField.class), "aws target")).isEmpty();
    }

    @Test
    void aTargetWithoutAPrivateEndpointSaysThatOnce() {
        var honoured = EnumSet.of(SpecField.API_ALLOWLIST);
        assertThat(SpecField.unhonoured(PRIVATE_WITH_ALLOWLIST, honoured, "digitalocean target")).extracting(Problem::field)
                .containsExactly("network.privateApiOnly");
    }

    @Test
    void anAllowlistOnAPublicEndpointIsNotThisRule() {
        ClusterSpec open = ClusterSpec.builder("shop").network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()).build();
        var honoured = EnumSet.complementOf(EnumSet.of(SpecField.PRIVATE_API_ALLOWLIST));
        assertThat(SpecField.unhonoured(open, honoured, "azure target")).isEmpty();
    }
}
